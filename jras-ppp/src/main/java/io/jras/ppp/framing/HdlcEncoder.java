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
 * </pre>
 *
 * <p>ACFC leaves out Address and Control; PFC sends a Protocol below 0x100 as one octet. The FCS
 * covers everything between the flags; then every octet there is escaped as needed (§4.2).
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
    /** The FCS-16 register while {@link #escapeAndFcs16} runs. */
    private int fcs16;

    /** Applies what LCP negotiated for the peer's receive side, from the next frame on. */
    public void configure(TransmitConfig c) {
        config = Objects.requireNonNull(c, "config");
    }

    public TransmitConfig config() {
        return config;
    }

    /**
     * The room {@link #encode} needs for an Information field of this length: every octet
     * escaped, plus flags, header and FCS (which also covers the slack of its word stores).
     */
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
        int o = outOff;
        out[o++] = FLAG;
        o = escape(header, 0, headerLength, accm, out, o);
        int sent;
        if (c.fcs() == FcsType.FCS16) {
            // One pass over the information: escape it and fold it into the FCS together.
            fcs16 = Fcs16.update(Fcs16.INIT, header, 0, headerLength);
            o = escapeAndFcs16(info, off, len, accm, out, o);
            sent = fcs16 ^ 0xFFFF;
        } else {
            crc32.reset();
            crc32.update(header, 0, headerLength);
            crc32.update(info, off, len);
            sent = (int) crc32.getValue(); // CRC32 reports the complement, as §C.3 sends it
            o = escape(info, off, len, accm, out, o);
        }
        // RFC 1662 §C: the FCS goes out low octet first, escaped like everything else.
        for (int k = 0; k < c.fcs().size(); k++) {
            trailer[k] = (byte) (sent >>> (8 * k));
        }
        o = escape(trailer, 0, c.fcs().size(), accm, out, o);
        out[o++] = FLAG;
        return o - outOff;
    }

    /**
     * {@link #escape}, folding each octet into {@link #fcs16} on the way (RFC 1662 §3.1: the FCS
     * covers the octets before escaping). The FCS is a chain of dependent lookups, so the
     * escaping work runs in its shadow almost for free.
     */
    private int escapeAndFcs16(byte[] in, int off, int len, int accm, byte[] out, int o) {
        int fcs = fcs16;
        int i = off;
        int end = off + len;
        for (; end - i >= 8; i += 8) {
            long word = (long) LONG_LE.get(in, i);
            fcs = Fcs16.updateLong(fcs, word);
            o = escapeWord(word, accm, out, o);
        }
        for (; i < end; i++) {
            fcs = Fcs16.updateByte(fcs, in[i]);
            o = escapeOne(in[i], accm, out, o);
        }
        fcs16 = fcs;
        return o;
    }

    /**
     * RFC 1662 §4.2: copies {@code in[off..off+len)} to {@code out} from {@code o}, replacing each
     * flag, escape and control character flagged in {@code accm} by 0x7d and the octet XOR 0x20.
     * Nothing else is escaped. Returns the new end of {@code out}.
     *
     * <p>Eight octets at a time, each word stored whole; the last store may run up to 16 octets
     * past the octets it means, which {@link #maxEncodedSize} has room for.
     */
    private static int escape(byte[] in, int off, int len, int accm, byte[] out, int o) {
        int i = off;
        int end = off + len;
        for (; end - i >= 8; i += 8) {
            o = escapeWord((long) LONG_LE.get(in, i), accm, out, o);
        }
        for (; i < end; i++) {
            o = escapeOne(in[i], accm, out, o);
        }
        return o;
    }

    /** Writes eight octets (the first in the low byte of {@code word}), escaped. */
    private static int escapeWord(long word, int accm, byte[] out, int o) {
        long specials = HdlcOctets.specials(word, accm);
        if (specials == 0) {
            LONG_LE.set(out, o, word); // nothing to escape: the usual case with ACCM 0
            return o + 8;
        }
        return OctetStuffing.stuff(word, specials, out, o);
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
