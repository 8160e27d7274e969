package io.jras.link.modem;

/**
 * Progress of a dial, for logs and for the connection's state: in order,
 * {@code Initializing* (Dialing (Unexpected)* NumberFailed)* Dialing?}, with {@code Unexpected}
 * wherever the modem says something the dialer skips. The outcome itself is a {@link DialOutcome}.
 */
public sealed interface DialEvent {

    /** An init command is on its way. */
    record Initializing(String command) implements DialEvent {
        @Override
        public String toString() {
            return "initializing the modem: " + command;
        }
    }

    /** Dialing {@code number}, the {@code attempt}-th of {@code of} numbers. */
    record Dialing(String number, int attempt, int of) implements DialEvent {
        @Override
        public String toString() {
            return "dialing " + number + (of > 1 ? " (number " + attempt + " of " + of + ")" : "");
        }
    }

    /** {@code number} did not connect; the next number (if any, and if worth it) comes next. */
    record NumberFailed(String number, int rasError, String detail) implements DialEvent {
        @Override
        public String toString() {
            return number + " failed: " + detail + " (" + rasError + ")";
        }
    }

    /** A line the dialer skipped: noise, an intermediate report, RING. */
    record Unexpected(String line) implements DialEvent {
        @Override
        public String toString() {
            return "skipped modem line: " + line;
        }
    }
}
