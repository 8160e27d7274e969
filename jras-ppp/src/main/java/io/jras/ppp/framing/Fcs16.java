package io.jras.ppp.framing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The 16-bit Frame Check Sequence of RFC 1662 §C.2 (CRC-CCITT, bit-reversed polynomial 0x8408;
 * the same CRC is also known as CRC-16/X-25).
 *
 * <p>Use: {@code fcs = update(INIT, frame...)}; the sender appends {@code fcs ^ 0xffff}, low octet
 * first. The receiver runs the FCS over the frame <em>including</em> those two octets and gets
 * {@link #GOOD} when nothing was damaged.
 *
 * <p>The loop is "slicing-by-8": eight 256-entry tables let it fold eight octets into the register
 * per step instead of one, which is what makes software CRCs run at memory speed.
 */
public final class Fcs16 {

    /** RFC 1662 §C.2 PPPINITFCS16: the register before the first octet. */
    public static final int INIT = 0xFFFF;

    /** RFC 1662 §C.2 PPPGOODFCS16: the register after a good frame and its FCS. */
    public static final int GOOD = 0xF0B8;

    /** RFC 1662 §C.2: the polynomial x^16 + x^12 + x^5 + 1, bit-reversed. */
    private static final int POLYNOMIAL = 0x8408;

    /**
     * Eight tables of 256 entries, one after the other. Table k at {@code k << 8} gives the effect
     * of an octet followed by k zero octets, so eight octets can be folded in one step.
     * Table 0 is the classic byte-at-a-time table of RFC 1662 §C.2.
     */
    private static final int[] TABLES = slicingTables();

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Fcs16() {}

    /**
     * Runs the FCS over {@code b[off..off+len)} starting from register {@code fcs}, and returns
     * the new register (0x0000-0xffff).
     */
    public static int update(int fcs, byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        int i = off;
        int end = off + len;
        fcs &= 0xFFFF;
        for (; end - i >= 8; i += 8) {
            fcs = updateLong(fcs, (long) LONG_LE.get(b, i));
        }
        for (; i < end; i++) {
            fcs = updateByte(fcs, b[i]);
        }
        return fcs;
    }

    /**
     * Folds eight octets into the register at once. {@code w} holds them as read little-endian
     * from the line: the first octet in its low byte. The register must be 0x0000-0xffff.
     */
    static int updateLong(int fcs, long w) {
        int[] t = TABLES;
        // Octet j of the eight is followed by 7 - j more, so it is looked up in table 7 - j.
        // Only the first two octets meet the register, so the other six are combined first, off
        // the register's dependency chain: each step then waits on two lookups instead of eight.
        int rest = t[(int) (w >>> 56)]
                ^ t[0x100 + ((int) (w >>> 48) & 0xFF)]
                ^ t[0x200 + ((int) (w >>> 40) & 0xFF)]
                ^ t[0x300 + ((int) (w >>> 32) & 0xFF)]
                ^ t[0x400 + ((int) (w >>> 24) & 0xFF)]
                ^ t[0x500 + ((int) (w >>> 16) & 0xFF)];
        int first = (int) w ^ fcs;
        return rest ^ (t[0x600 + ((first >>> 8) & 0xFF)] ^ t[0x700 + (first & 0xFF)]);
    }

    /** RFC 1662 §C.2: {@code fcs = (fcs >> 8) ^ fcstab[(fcs ^ octet) & 0xff]}. */
    static int updateByte(int fcs, byte b) {
        return (fcs >>> 8) ^ TABLES[(fcs ^ b) & 0xFF];
    }

    private static int[] slicingTables() {
        int[] t = new int[8 * 256];
        for (int i = 0; i < 256; i++) {
            int v = i;
            for (int bit = 0; bit < 8; bit++) {
                v = (v & 1) != 0 ? (v >>> 1) ^ POLYNOMIAL : v >>> 1;
            }
            t[i] = v;
        }
        for (int k = 1; k < 8; k++) {
            for (int i = 0; i < 256; i++) {
                int previous = t[((k - 1) << 8) | i];
                t[(k << 8) | i] = (previous >>> 8) ^ t[previous & 0xFF];
            }
        }
        return t;
    }
}
