package io.jras.ppp.framing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * RFC 1662 §4.2 octet stuffing of eight octets at once, with no branch on their values.
 *
 * <p>Given a word and which of its octets must be escaped, each escaped octet becomes 0x7d and the
 * octet XOR 0x20, and the others move up to make room. {@link Long#expand} (one PDEP instruction
 * on x86) spreads the octets to their places in the output; a table indexed by the 8-bit
 * "escaped" pattern says where those places are and where the 0x7d octets go. On random data a
 * third of the words hold a control character, so an octet-by-octet loop would mispredict a
 * branch on most words; this costs the same on every word.
 */
final class OctetStuffing {

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long TOP_BITS = 0x8080_8080_8080_8080L;

    /**
     * For each pattern of escaped octets (bit k: octet k), over the up to 16 output octets:
     * 0xff where an input octet lands ({@code DATA_*}) and 0x7d where an escape goes
     * ({@code ESCAPE_*}); {@code *_LOW} are output octets 0-7, {@code *_HIGH} octets 8-15.
     */
    private static final long[] DATA_LOW = new long[256];
    private static final long[] DATA_HIGH = new long[256];
    private static final long[] ESCAPE_LOW = new long[256];
    private static final long[] ESCAPE_HIGH = new long[256];

    static {
        for (int pattern = 0; pattern < 256; pattern++) {
            byte[] data = new byte[16];
            byte[] escapes = new byte[16];
            int p = 0;
            for (int k = 0; k < 8; k++) {
                if ((pattern & (1 << k)) != 0) {
                    escapes[p++] = HdlcOctets.ESCAPE;
                }
                data[p++] = (byte) 0xFF;
            }
            DATA_LOW[pattern] = (long) LONG_LE.get(data, 0);
            DATA_HIGH[pattern] = (long) LONG_LE.get(data, 8);
            ESCAPE_LOW[pattern] = (long) LONG_LE.get(escapes, 0);
            ESCAPE_HIGH[pattern] = (long) LONG_LE.get(escapes, 8);
        }
    }

    private OctetStuffing() {}

    /**
     * Writes the eight octets of {@code word} (first octet in the low byte) to {@code out} at
     * {@code o}, escaping those marked in {@code specials} (see {@link HdlcOctets#specials}).
     * Always stores 16 octets, so {@code out} needs 16 from {@code o}; returns the new end.
     */
    static int stuff(long word, long specials, byte[] out, int o) {
        int pattern = (int) Long.compress(specials, TOP_BITS);
        long flipped = word ^ (specials >>> 2); // 0x80 >>> 2 = 0x20: each escaped octet XOR 0x20
        long low = Long.expand(flipped, DATA_LOW[pattern]) | ESCAPE_LOW[pattern];
        long rest = flipped >>> Long.bitCount(DATA_LOW[pattern]); // the octets not yet placed
        long high = Long.expand(rest, DATA_HIGH[pattern]) | ESCAPE_HIGH[pattern];
        LONG_LE.set(out, o, low);
        LONG_LE.set(out, o + 8, high);
        return o + 8 + Integer.bitCount(pattern);
    }
}
