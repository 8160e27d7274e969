package io.jras.link.modem;

import io.jras.link.RasError;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * A result code from a Hayes modem (V.250 §5.7 plus the common extensions), verbose or numeric.
 * Each maps to the RAS error Windows reports when that result ends a dial.
 */
public sealed interface ModemResult {

    /** The RAS error this result means when it ends a step; 0 for OK, CONNECT and RING. */
    int rasError();

    /** OK (0): the command line was carried out. */
    record Ok() implements ModemResult {
        public int rasError() { return RasError.SUCCESS; }
        @Override public String toString() { return "OK"; }
    }

    /** ERROR (4): the modem refused the command line. */
    record Error() implements ModemResult {
        public int rasError() { return RasError.FROM_DEVICE; }
        @Override public String toString() { return "ERROR"; }
    }

    /** CONNECT (1), with the speed when the modem gives one ("CONNECT 33600/ARQ" gives 33600). */
    record Connect(OptionalInt speed) implements ModemResult {
        public int rasError() { return RasError.SUCCESS; }
        @Override public String toString() { return speed.isPresent() ? "CONNECT " + speed.getAsInt() : "CONNECT"; }
    }

    /** NO CARRIER (3): no carrier came up, or it was lost. */
    record NoCarrier() implements ModemResult {
        public int rasError() { return RasError.NO_CARRIER; }
        @Override public String toString() { return "NO CARRIER"; }
    }

    /** BUSY (7). */
    record Busy() implements ModemResult {
        public int rasError() { return RasError.LINE_BUSY; }
        @Override public String toString() { return "BUSY"; }
    }

    /** NO DIALTONE or NO DIAL TONE (6). */
    record NoDialTone() implements ModemResult {
        public int rasError() { return RasError.NO_DIALTONE; }
        @Override public String toString() { return "NO DIALTONE"; }
    }

    /** NO ANSWER (8): ringing, but nobody picked up. */
    record NoAnswer() implements ModemResult {
        public int rasError() { return RasError.NO_ANSWER; }
        @Override public String toString() { return "NO ANSWER"; }
    }

    /** VOICE: a person answered. */
    record Voice() implements ModemResult {
        public int rasError() { return RasError.VOICE_ANSWER; }
        @Override public String toString() { return "VOICE"; }
    }

    /**
     * DELAYED: the modem refuses to dial this number again yet (the redial limits that
     * telecom rules such as CTR 21 impose after failed calls). The modem refused, so 651.
     */
    record Delayed() implements ModemResult {
        public int rasError() { return RasError.FROM_DEVICE; }
        @Override public String toString() { return "DELAYED"; }
    }

    /** BLACKLISTED (or BLACKLIST FULL): the modem refuses to dial this number at all; 651. */
    record Blacklisted() implements ModemResult {
        public int rasError() { return RasError.FROM_DEVICE; }
        @Override public String toString() { return "BLACKLISTED"; }
    }

    /** RING (2): an incoming call, unsolicited; the dialer ignores it. */
    record Ring() implements ModemResult {
        public int rasError() { return RasError.SUCCESS; }
        @Override public String toString() { return "RING"; }
    }

    /** Anything else: an intermediate report (CARRIER 28800, PROTOCOL: LAPM), noise, or a stranger. */
    record Unrecognized(String line) implements ModemResult {
        public int rasError() { return RasError.UNRECOGNIZED_RESPONSE; }
        @Override public String toString() { return line; }
    }

    /** Reads one response line, verbose (V1) or numeric (V0); surrounding blanks do not matter. */
    static ModemResult parse(String line) {
        String text = line.strip();
        String upper = text.toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "OK", "0" -> new Ok();
            case "CONNECT", "1" -> new Connect(OptionalInt.empty());
            case "RING", "2" -> new Ring();
            case "NO CARRIER", "3" -> new NoCarrier();
            case "ERROR", "4" -> new Error();
            case "5" -> new Connect(OptionalInt.of(1200));
            case "NO DIALTONE", "NO DIAL TONE", "6" -> new NoDialTone();
            case "BUSY", "7" -> new Busy();
            case "NO ANSWER", "8" -> new NoAnswer();
            case "VOICE" -> new Voice();
            case "DELAYED" -> new Delayed();
            case "BLACKLISTED", "BLACKLIST FULL" -> new Blacklisted();
            default -> upper.startsWith("CONNECT") && (upper.length() == 7 || !Character.isLetter(upper.charAt(7)))
                    ? new Connect(speed(upper.substring(7)))
                    : new Unrecognized(text);
        };
    }

    // "CONNECT 33600/ARQ/V34" and "CONNECT 115200 V42bis": the digits that come first.
    private static OptionalInt speed(String rest) {
        String s = rest.stripLeading();
        int end = 0;
        while (end < s.length() && end < 9 && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end == 0 ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(s.substring(0, end)));
    }
}
