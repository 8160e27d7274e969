package io.jras.ppp.framing;

/**
 * The octets that RFC 1662 gives a meaning on the line, and a way to spot them eight at a time.
 *
 * <p>Both directions copy long runs of ordinary octets. {@link #specials} tests a whole 64-bit
 * word at once (a "find the zero bytes" trick), so the encoder and decoder can copy eight octets
 * in one move and look at single octets only in the words that hold something special.
 */
final class HdlcOctets {

    /** RFC 1662 §4.1 Flag Sequence: begins and ends every frame. */
    static final byte FLAG = 0x7E;

    /** RFC 1662 §4.2 Control Escape: the next octet was XORed with {@link #ESCAPE_XOR}. */
    static final byte ESCAPE = 0x7D;

    /** RFC 1662 §4.2: an escaped octet is sent exclusive-or'd with 0x20. */
    static final int ESCAPE_XOR = 0x20;

    /** RFC 1662 §3.1 All-Stations address. */
    static final byte ALL_STATIONS = (byte) 0xFF;

    /** RFC 1662 §3.1 Unnumbered Information control field. */
    static final byte UI = 0x03;

    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long FLAGS = ONES * (FLAG & 0xFF);
    private static final long ESCAPES = ONES * (ESCAPE & 0xFF);
    private static final long LOW_SEVEN = ONES * 0x7F;
    /** An octet is below 0x20 exactly when these three bits of it are clear. */
    private static final long CONTROL_BITS = ONES * 0xE0;

    private HdlcOctets() {}

    /** Whether octet {@code b} is a control character (0x00-0x1f) whose bit is set in the map. */
    static boolean inAccm(int accm, byte b) {
        return (b & 0xE0) == 0 && ((accm >>> b) & 1) != 0;
    }

    /**
     * The octets of {@code w} that are a flag, an escape or a control character in {@code accm},
     * as the top bit of each such octet; 0 when the eight octets need no attention.
     */
    static long specials(long w, int accm) {
        long found = exactZeroBytes(w ^ FLAGS) | exactZeroBytes(w ^ ESCAPES);
        if (accm != 0) {
            long controls = exactZeroBytes(w & CONTROL_BITS);
            found |= accm == 0xFFFFFFFF ? controls : inAccm(w, controls, accm);
        }
        return found;
    }

    /** Keeps those of the marked control characters whose ACCM bit is set. */
    private static long inAccm(long w, long controls, int accm) {
        long kept = 0;
        for (long c = controls; c != 0; c &= c - 1) {
            int shift = Long.numberOfTrailingZeros(c) - 7; // the marked octet's lowest bit
            int octet = (int) (w >>> shift) & 0x1F;
            if (((accm >>> octet) & 1) != 0) {
                kept |= 0x80L << shift;
            }
        }
        return kept;
    }

    /** The top bit of each octet of {@code v} that is zero; no carry crosses octets. */
    private static long exactZeroBytes(long v) {
        return ~(((v & LOW_SEVEN) + LOW_SEVEN) | v | LOW_SEVEN);
    }
}
