package io.jras.link.modem;

import io.jras.link.RasError;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** How a dial ended: connected, or failed with a RAS error. */
public sealed interface DialOutcome {

    /** CONNECT: the line now carries data; {@code number} is the one that answered. */
    record Connected(OptionalInt speed, String number) implements DialOutcome {
        public Connected {
            Objects.requireNonNull(speed, "speed");
            Objects.requireNonNull(number, "number");
        }

        @Override
        public String toString() {
            return "connected to " + number + (speed.isPresent() ? " at " + speed.getAsInt() + " bps" : "");
        }
    }

    /**
     * The dial failed.
     *
     * @param rasError 676 busy, 678 no answer, 679 no carrier, 680 no dial tone, 677 voice, 651 the
     *     modem said ERROR (or refused the number), 652 an unrecognized response, 660 no response,
     *     749 a bad phone number, 619 the line closed
     * @param detail what happened, for people ("BUSY from 5551234")
     * @param lastNumberTried the number whose attempt ended the dial; empty when it ended before dialing
     */
    record Failed(int rasError, String detail, Optional<String> lastNumberTried) implements DialOutcome {
        public Failed {
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(lastNumberTried, "lastNumberTried");
        }

        /** "Error 676: The phone line is busy. (BUSY from 5551234)". */
        public String describe() {
            return RasError.describe(rasError) + " (" + detail + ")";
        }

        @Override
        public String toString() {
            return "failed " + rasError + ": " + detail;
        }
    }
}
