package io.jras.daemon;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where the daemon says what happens: one line per connection event and per lifecycle step.
 * Callers never pass a secret (the manager's events and details carry none; requests are logged by
 * method, caller and handle, never by their params).
 */
@FunctionalInterface
public interface DaemonLog {

    DaemonLog NONE = line -> { };

    void line(String line);

    /** Timestamped lines on {@code out} (stderr in the foreground, the journal under systemd). */
    static DaemonLog to(PrintStream out) {
        // Entry names and details come from outside: a control character must not forge a line.
        return line -> out.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " jras: "
                + line.replaceAll("\\p{Cntrl}", "?"));
    }
}
