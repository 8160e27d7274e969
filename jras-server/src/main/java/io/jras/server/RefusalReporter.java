package io.jras.server;

import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Logs refusals without letting a flood of them flood the log: the first of each kind is logged at
 * once, then at most one line per {@code interval}, which counts the ones left out in between.
 */
final class RefusalReporter {

    private final Consumer<String> log;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final Map<Refusal, long[]> state = new EnumMap<>(Refusal.class); // {last logged at, left out since}

    RefusalReporter(Consumer<String> log, LongSupplier nanoClock, java.time.Duration interval) {
        this.log = log;
        this.nanoClock = nanoClock;
        this.intervalNanos = interval.toNanos();
    }

    /** @param detail the limit that was hit, e.g. "2.0/s, burst 10" */
    void report(InetSocketAddress peer, Refusal refusal, String detail) {
        String line;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            long[] s = state.get(refusal);
            if (s != null && now - s[0] < intervalNanos) {
                s[1]++;
                return;
            }
            long leftOut = s == null ? 0 : s[1];
            state.put(refusal, new long[] {now, 0});
            line = "refused " + LogText.address(peer) + ": " + refusal.text() + " (" + detail + ")"
                    + (leftOut == 0 ? "" : "; " + leftOut + " more refused for this since the last report");
        }
        log.accept(line);
    }
}
