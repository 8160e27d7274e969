package io.jras.ppp.framing;

/**
 * The octets that RFC 1662 gives a meaning on the line, and a way to spot them eight at a time.
 *
 * <p>Both directions copy long runs of ordinary octets. {@link #anySpecial} tests a whole 64-bit
 * word at once (the "has a zero byte" trick), so the encoder and decoder can copy eight octets in
 * one move and look at octets one by one only in the rare word that holds something special.
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
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final long FLAGS = ONES * (FLAG & 0xFF);
    private static final long ESCAPES = ONES * (ESCAPE & 0xFF);
    private static final long SPACES = ONES * 0x20;

    private HdlcOctets() {}

    /** Whether octet {@code b} is a control character (0x00-0x1f) whose bit is set in the map. */
    static boolean inAccm(int accm, byte b) {
        return (b & 0xE0) == 0 && ((accm >>> b) & 1) != 0;
    }

    /**
     * Whether any of the eight octets in {@code w} is a flag or an escape, or, when
     * {@code controls} is set, a control character below 0x20. Exact: false means the eight
     * octets can be copied as they are (for any map, since a map covers only 0x00-0x1f).
     */
    static boolean anySpecial(long w, boolean controls) {
        long found = zeroByte(w ^ FLAGS) | zeroByte(w ^ ESCAPES);
        if (controls) {
            // Same trick: subtracting 0x20 borrows out of exactly the octets below 0x20.
            found |= (w - SPACES) & ~w & HIGH_BITS;
        }
        return found != 0;
    }

    /** Non-zero exactly when some octet of {@code v} is zero. */
    private static long zeroByte(long v) {
        return (v - ONES) & ~v & HIGH_BITS;
    }
}
