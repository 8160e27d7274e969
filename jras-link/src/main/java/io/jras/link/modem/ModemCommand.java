package io.jras.link.modem;

import java.util.Objects;

/**
 * Something to send to the modem. The text never holds the terminator: the writer
 * ({@link ModemLine#send}) adds the carriage return to a command line, and nothing to the escape
 * sequence, which the modem only recognizes with silence around it.
 *
 * @param text the characters, e.g. {@code ATZ}, {@code ATDT5551234}, {@code +++}
 * @param terminated whether a carriage return follows (a command line) or not (the escape)
 */
public record ModemCommand(String text, boolean terminated) {

    public ModemCommand {
        Objects.requireNonNull(text, "text");
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a modem command holds no line end (the writer adds it): " + text.strip());
        }
    }

    /** A command line such as {@code ATZ}. */
    public static ModemCommand line(String text) {
        return new ModemCommand(text, true);
    }

    /** The escape to command mode, {@code +++}, sent with a guard time of silence on each side. */
    public static ModemCommand escape() {
        return new ModemCommand("+++", false);
    }

    /** An empty command line: any character aborts a dial in progress (V.250 §6.3.1). */
    public static ModemCommand abortDial() {
        return new ModemCommand("", true);
    }

    @Override
    public String toString() {
        return terminated ? (text.isEmpty() ? "<CR>" : text) : text + " (no CR)";
    }
}
