package io.jras.link.modem.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the Hayes escape in on-line data, sans-IO: a guard time of silence, three escape
 * characters ({@code +}), each less than a guard time after the one before, then a guard time of
 * silence. Bytes come in with the time they arrived; a deadline goes out while three {@code +}
 * wait for their trailing silence. The {@code +} are data like any other: the modem passes them
 * on, as real modems do, and only the silence after them makes them an escape.
 */
final class EscapeDetector {

    private final Duration guardTime;
    private final byte escape;
    private Instant lastByte;
    private int count;

    /** @param since when the line went on line (the first guard time counts from there) */
    EscapeDetector(Duration guardTime, byte escape, Instant since) {
        this.guardTime = guardTime;
        this.escape = escape;
        this.lastByte = since;
    }

    /** Bytes that arrived at {@code now} (one read's worth shares one time). */
    void onBytes(byte[] b, int off, int len, Instant now) {
        for (int i = off; i < off + len; i++) {
            boolean silentBefore = !now.isBefore(lastByte.plus(guardTime));
            if (b[i] == escape && count < 3 && (count == 0 ? silentBefore : !silentBefore)) {
                count++;
            } else {
                count = 0;
            }
            lastByte = now;
        }
    }

    /** When three escape characters will have had their trailing silence. */
    Optional<Instant> deadline() {
        return count == 3 ? Optional.of(lastByte.plus(guardTime)) : Optional.empty();
    }

    /** True when the escape is complete at {@code now}; the detector then starts afresh. */
    boolean onTimeout(Instant now) {
        if (count == 3 && !now.isBefore(lastByte.plus(guardTime))) {
            count = 0;
            lastByte = now;
            return true;
        }
        return false;
    }
}
