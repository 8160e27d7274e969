package io.jras.link.modem;

import io.jras.link.RasError;
import java.util.Objects;
import java.util.OptionalInt;

/** How waiting for a call ended: a call connected, or the line failed with a RAS error. */
public sealed interface AnswerOutcome {

    /** CONNECT after ATA: the line carries the caller's data from the next byte on. */
    record Connected(OptionalInt speed) implements AnswerOutcome {
        public Connected {
            Objects.requireNonNull(speed, "speed");
        }

        @Override
        public String toString() {
            return "answered" + (speed.isPresent() ? " at " + speed.getAsInt() + " bps" : "");
        }
    }

    /**
     * No call: 651 the modem said ERROR, 652 it said only things we do not understand, 660 it
     * said nothing, 679 ATA found no carrier (the caller hung up first), 619 the line closed.
     *
     * @param detail     what happened, for people (modem noise made printable)
     * @param lineFailed whether the line itself is in doubt (close it, and open it again after a
     *                   pause): a failed init or idle check, or the line closing; not a call that
     *                   failed to connect after ATA
     */
    record Failed(int rasError, String detail, boolean lineFailed) implements AnswerOutcome {
        public Failed {
            Objects.requireNonNull(detail, "detail");
        }

        public String describe() {
            return RasError.describe(rasError) + " (" + detail + ")";
        }

        @Override
        public String toString() {
            return "failed " + rasError + ": " + detail;
        }
    }
}
