package io.jras.ppp.framing;

import java.util.Objects;
import java.util.zip.CRC32;

/**
 * The 32-bit Frame Check Sequence of RFC 1662 §C.3: the CRC-32 of Ethernet and zip, so the JDK's
 * {@link CRC32} (a CPU intrinsic) computes it.
 *
 * <p>Use: {@code fcs = update(INIT, frame...)}; the sender appends {@code ~fcs}, low octet first.
 * The receiver runs the FCS over the frame including those four octets and gets {@link #GOOD}.
 */
public final class Fcs32 {

    /** RFC 1662 §C.3 PPPINITFCS32: the register before the first octet. */
    public static final int INIT = 0xFFFFFFFF;

    /** RFC 1662 §C.3 PPPGOODFCS32: the register after a good frame and its FCS. */
    public static final int GOOD = 0xDEBB20E3;

    /** RFC 1662 §C.3: the polynomial of IEEE 802.3, bit-reversed. */
    private static final int POLYNOMIAL = 0xEDB88320;

    /** RFC 1662 §C.3 fcstab_32, for continuing from a register CRC32 cannot be given. */
    private static final int[] TABLE = byteTable();

    private Fcs32() {}

    /**
     * Runs the FCS over {@code b[off..off+len)} starting from register {@code fcs}, and returns
     * the new register.
     */
    public static int update(int fcs, byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (fcs == INIT) {
            // A fresh run is exactly what CRC32 computes; it can't start from any other register.
            CRC32 crc = new CRC32();
            crc.update(b, off, len);
            return register(crc);
        }
        for (int i = off, end = off + len; i < end; i++) {
            fcs = (fcs >>> 8) ^ TABLE[(fcs ^ b[i]) & 0xFF];
        }
        return fcs;
    }

    /**
     * The FCS register of a {@link CRC32} that started from reset: CRC32 reports the register
     * complemented, which is the value RFC 1662 §C.3 puts on the line.
     */
    static int register(CRC32 crc) {
        return ~(int) crc.getValue();
    }

    private static int[] byteTable() {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            int v = i;
            for (int bit = 0; bit < 8; bit++) {
                v = (v & 1) != 0 ? (v >>> 1) ^ POLYNOMIAL : v >>> 1;
            }
            t[i] = v;
        }
        return t;
    }
}
