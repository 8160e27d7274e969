package io.jras.ppp.framing;

import static io.jras.ppp.framing.HdlcOctets.ALL_STATIONS;
import static io.jras.ppp.framing.HdlcOctets.ESCAPE;
import static io.jras.ppp.framing.HdlcOctets.ESCAPE_XOR;
import static io.jras.ppp.framing.HdlcOctets.FLAG;
import static io.jras.ppp.framing.HdlcOctets.UI;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Turns one PPP packet into the octets of one async HDLC-like frame (RFC 1662 §3-4):
 *
 * <pre>
 * +------+---------+---------+----------+-------------+--------+------+
 * | Flag | Address | Control | Protocol | Information |  FCS   | Flag |
 * | 0x7e |  0xff   |  0x03   |  1 or 2  |      *      | 2 or 4 | 0x7e |
 * +------+---------+---------+----------+-------------+--------+------+
 *         \_ left out with ACFC _/  \ PFC /
 *         \________ escaped (RFC 1662 §4.2) after the FCS is computed ________/
 * </pre>
 *
 * <p>It checks no protocol rules and looks inside no packet: the link layer decides which
 * options are in force ({@link #configure}) and which packets go out with the defaults.
 * Sans-IO: it writes into the caller's array and allocates nothing per frame. Not thread-safe.
 */
public final class HdlcEncoder {

    /** RFC 1662 §7.1: the default map, escaping every control character. */
    private static final int ALL_CONTROLS = 0xFFFFFFFF;

    /** Flags, address, control, a 2-octet protocol and a 4-octet FCS, each escaped at worst. */
    private static final int MAX_OVERHEAD = 2 + 2 * (2 + 2 + 4);

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private TransmitConfig config = TransmitConfig.DEFAULT;
    private final byte[] header = new byte[4];
    private final byte[] trailer = new byte[4];
    private final CRC32 crc32 = new CRC32();

    /** Applies what LCP negotiated for the peer's receive side, from the next frame on. */
    public void configure(TransmitConfig c) {
        config = Objects.requireNonNull(c, "config");
    }

    public TransmitConfig config() {
        return config;
    }

    /** The most octets {@link #encode} can write for an Information field of this length. */
    public static int maxEncodedSize(int infoLength) {
        if (infoLength < 0 || infoLength > (Integer.MAX_VALUE - MAX_OVERHEAD) / 2) {
            throw new IllegalArgumentException("information length out of range: " + infoLength);
        }
        return 2 * infoLength + MAX_OVERHEAD;
    }

    /**
     * Encodes one frame, with a leading and a trailing flag, into {@code out} from
     * {@code outOff}, which must have room for {@link #maxEncodedSize}{@code (len)} octets.
     *
     * @param protocol a PPP protocol number (RFC 1661 §2: low octet odd, high octet even)
     * @param lcpDefaults send this frame as though no option were negotiated: ACCM 0xffffffff,
     *     no ACFC, no PFC. RFC 1661 §5 requires it for LCP codes 1..7; the configured FCS stays.
     * @return the number of octets written
     */
    public int encode(int protocol, byte[] info, int off, int len, boolean lcpDefaults,
            byte[] out, int outOff) {
        checkProtocol(protocol);
        Objects.checkFromIndexSize(off, len, info.length);
        Objects.checkFromIndexSize(outOff, maxEncodedSize(len), out.length);
        TransmitConfig c = config;
        // RFC 1661 §5: Configure, Terminate and Code-Reject packets are "sent as if no
        // Configuration Options were negotiated", so a peer that fell back to defaults reads them.
        int accm = lcpDefaults ? ALL_CONTROLS : c.accm();
        boolean acfc = c.acfc() && !lcpDefaults;
        boolean pfc = c.pfc() && !lcpDefaults;

        int headerLength = 0;
        if (!acfc) { // RFC 1662 §3.2: with ACFC the Address and Control fields are left out.
            header[headerLength++] = ALL_STATIONS;
            header[headerLength++] = UI;
        }
        if (pfc && protocol <= 0xFF) { // RFC 1661 §6.5: only protocols 0x00xx compress.
            header[headerLength++] = (byte) protocol;
        } else {
            header[headerLength++] = (byte) (protocol >>> 8);
            header[headerLength++] = (byte) protocol;
        }
        int fcsLength = computeFcs(c.fcs(), headerLength, info, off, len);

        int o = outOff;
        out[o++] = FLAG;
        o = escape(header, 0, headerLength, accm, out, o);
        o = escape(info, off, len, accm, out, o);
        o = escape(trailer, 0, fcsLength, accm, out, o);
        out[o++] = FLAG;
        return o - outOff;
    }

    /**
     * Computes the FCS over the header and information (RFC 1662 §3.1: the FCS covers all bits
     * between the flags, before escaping) into {@link #trailer}, low octet first; returns its size.
     */
    private int computeFcs(FcsType type, int headerLength, byte[] info, int off, int len) {
        int sent;
        if (type == FcsType.FCS16) {
            int fcs = Fcs16.update(Fcs16.INIT, header, 0, headerLength);
            sent = Fcs16.update(fcs, info, off, len) ^ 0xFFFF;
        } else {
            crc32.reset();
            crc32.update(header, 0, headerLength);
            crc32.update(info, off, len);
            sent = (int) crc32.getValue(); // CRC32 reports the complement, as §C.3 sends it
        }
        for (int k = 0; k < type.size(); k++) {
            trailer[k] = (byte) (sent >>> (8 * k));
        }
        return type.size();
    }

    /**
     * RFC 1662 §4.2: copies {@code in[off..off+len)} to {@code out} from {@code o}, replacing each
     * flag, escape and control character flagged in {@code accm} by 0x7d and the octet XOR 0x20.
     * Nothing else is escaped. Returns the new end of {@code out}.
     */
    private static int escape(byte[] in, int off, int len, int accm, byte[] out, int o) {
        boolean controls = accm != 0;
        int i = off;
        int end = off + len;
        while (end - i >= 8) {
            long word = (long) LONG_LE.get(in, i);
            if (!HdlcOctets.anySpecial(word, controls)) {
                // Fast path: eight octets that need no escaping move as one word.
                LONG_LE.set(out, o, word);
                o += 8;
                i += 8;
            } else {
                for (int stop = i + 8; i < stop; i++) {
                    o = escapeOne(in[i], accm, out, o);
                }
            }
        }
        for (; i < end; i++) {
            o = escapeOne(in[i], accm, out, o);
        }
        return o;
    }

    private static int escapeOne(byte b, int accm, byte[] out, int o) {
        if (b == FLAG || b == ESCAPE || HdlcOctets.inAccm(accm, b)) {
            out[o] = ESCAPE;
            out[o + 1] = (byte) (b ^ ESCAPE_XOR);
            return o + 2;
        }
        out[o] = b;
        return o + 1;
    }

    /** Our own misuse fails fast: RFC 1661 §2 protocol numbers have an odd low, even high octet. */
    private static void checkProtocol(int protocol) {
        if ((protocol & ~0xFFFF) != 0 || (protocol & 0x0001) == 0 || (protocol & 0x0100) != 0) {
            throw new IllegalArgumentException(String.format(
                    "not a PPP protocol number (RFC 1661 §2): 0x%04x", protocol));
        }
    }
}
