package io.jras.link.modem;

import java.time.Instant;
import java.util.Optional;

/**
 * A sans-IO conversation with a modem: response lines, timeouts and the line's end come in (with
 * the time); commands to write and the next deadline go out. No thread, clock or stream in here.
 * {@link ModemSession} drives one over a {@link ModemLine}.
 */
interface ChatMachine {

    void start(Instant now);

    /** One response line, without its line end. */
    void onLine(String line, Instant now);

    /** The deadline passed (calls before it are ignored). */
    void onTimeout(Instant now);

    /** The line ended or failed; {@code why} is for people. */
    void onLineClosed(Instant now, String why);

    /** The next command to write, in order. */
    Optional<ModemCommand> pollCommand();

    /** When {@link #onTimeout} is due; empty once done. */
    Optional<Instant> nextDeadline();

    boolean isDone();
}
