package io.jras.ppp.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.ppp.testkit.Seeds;
import io.jras.ppp.testkit.Seeds.Case;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HdlcEncoderTest {

    private static final int LCP = 0xC021;
    private static final int IPCP = 0x8021;
    private static final int IPV4 = 0x0021;

    /** LCP Configure-Request id=1: ACCM 0, auth CHAP-MD5, magic 0xb901af08, PFC, ACFC. */
    private static final String CONF_REQ =
            "01 01 00 19  02 06 00 00 00 00  03 05 c2 23 05  05 06 b9 01 af 08  07 02  08 02";

    private final HdlcEncoder encoder = new HdlcEncoder();

    @Test
    void defaultAccmEscapesEveryControlCharacterAsInACapturedConfigureRequest() {
        // Captured from a real peer before LCP opened: every octet below 0x20 is escaped.
        assertThat(encode(LCP, CONF_REQ, false)).isEqualTo(Hex.encode(Hex.decode("""
                7e
                ff 7d 23  c0 21                       // address, control 03, LCP
                7d 21 7d 21 7d 20 7d 39               // code 1, id 1, length 0x0019
                7d 22 7d 26 7d 20 7d 20 7d 20 7d 20   // ACCM 00000000
                7d 23 7d 25 c2 23 7d 25               // auth CHAP, MD5
                7d 25 7d 26 b9 7d 21 af 7d 28         // magic b9 01 af 08
                7d 27 7d 22  7d 28 7d 22              // PFC, ACFC
                59 a7                                 // FCS-16, low octet first
                7e""")));
    }

    @Test
    void accmZeroSendsControlCharactersUnescaped() {
        encoder.configure(new TransmitConfig(0, false, false, FcsType.FCS16));
        assertThat(encode(LCP, CONF_REQ, false)).isEqualTo(Hex.encode(Hex.decode(
                "7e ff 03 c0 21 " + CONF_REQ + " 59 a7 7e")));
    }

    @Test
    void flagAndControlEscapeAreAlwaysEscaped() {
        encoder.configure(new TransmitConfig(0, true, true, FcsType.FCS16));
        assertThat(encode(IPV4, "7e 7d 5e 5d", false)).startsWith("7e 21 7d 5e 7d 5d 5e 5d ");
    }

    @Test
    void onlyControlCharactersWhoseAccmBitIsSetAreEscaped() {
        int xonXoff = (1 << 0x11) | (1 << 0x13);
        encoder.configure(new TransmitConfig(xonXoff, true, true, FcsType.FCS16));
        // 0x11 and 0x13 are in the map; 0x12, 0x20, 0x7f and 0x80-0xff never need escaping.
        assertThat(encode(IPV4, "11 12 13 20 7f 80 ff", false))
                .startsWith("7e 21 7d 31 12 7d 33 20 7f 80 ff ");
    }

    @Test
    void acfcLeavesOutAddressAndControl() {
        encoder.configure(new TransmitConfig(0, true, false, FcsType.FCS16));
        assertThat(encode(IPV4, "45 00 00 1c", false)).isEqualTo("7e 00 21 45 00 00 1c 57 3e 7e");
    }

    @Test
    void pfcSendsAProtocolBelow0x100AsOneOctet() {
        encoder.configure(new TransmitConfig(0, false, true, FcsType.FCS16));
        assertThat(encode(IPV4, "45 00 00 1c", false)).isEqualTo("7e ff 03 21 45 00 00 1c 70 c7 7e");
    }

    @Test
    void acfcAndPfcTogetherLeaveAOneOctetHeader() {
        encoder.configure(new TransmitConfig(0, true, true, FcsType.FCS16));
        assertThat(encode(IPV4, "45 00 00 1c", false)).isEqualTo("7e 21 45 00 00 1c af 06 7e");
    }

    @Test
    void pfcNeverCompressesAProtocolAbove0xff() {
        encoder.configure(new TransmitConfig(0, true, true, FcsType.FCS16));
        assertThat(encode(IPCP, "01 01 00 0a 03 06 c0 a8 00 01", false))
                .isEqualTo("7e 80 21 01 01 00 0a 03 06 c0 a8 00 01 28 25 7e");
    }

    @Test
    void withoutOptionsTheHeaderIsFull() {
        encoder.configure(new TransmitConfig(0, false, false, FcsType.FCS16));
        assertThat(encode(IPV4, "45 00 00 1c", false)).isEqualTo("7e ff 03 00 21 45 00 00 1c ec 10 7e");
    }

    @Test
    void lcpDefaultsSendAsThoughNoOptionWereNegotiated() {
        encoder.configure(new TransmitConfig(0, true, true, FcsType.FCS16));
        String withDefaults = encode(LCP, CONF_REQ, true);
        encoder.configure(TransmitConfig.DEFAULT);
        assertThat(withDefaults).isEqualTo(encode(LCP, CONF_REQ, false));
    }

    @Test
    void lcpDefaultsKeepTheConfiguredFcs() {
        encoder.configure(new TransmitConfig(0, true, true, FcsType.FCS32));
        // CRC-32 of ff 03 c0 21 01 01 00 04 is 0x21db1259, sent low octet first; 0x12 is escaped.
        assertThat(encode(LCP, "01 01 00 04", true))
                .isEqualTo("7e ff 7d 23 c0 21 7d 21 7d 21 7d 20 7d 24 59 7d 32 db 21 7e");
    }

    @Test
    void encodeWritesAtTheOffsetAndReturnsTheLength() {
        encoder.configure(new TransmitConfig(0, true, true, FcsType.FCS16));
        byte[] out = new byte[3 + HdlcEncoder.maxEncodedSize(4)];
        int n = encoder.encode(IPV4, Hex.decode("45 00 00 1c"), 0, 4, false, out, 3);
        assertThat(n).isEqualTo(9);
        assertThat(Hex.encode(out, 0, 3 + n)).isEqualTo("00 00 00 7e 21 45 00 00 1c af 06 7e");
    }

    @Test
    void anInvalidProtocolNumberIsOurOwnBugAndFailsFast() {
        byte[] out = new byte[64];
        for (int bad : new int[] {0x0020, 0x0121, 0x10021, -1}) {
            assertThatThrownBy(() -> encoder.encode(bad, new byte[0], 0, 0, false, out, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("RFC 1661 §2");
        }
    }

    @Test
    void anOutputArraySmallerThanMaxEncodedSizeIsRejectedBeforeWriting() {
        byte[] out = new byte[HdlcEncoder.maxEncodedSize(10) - 1];
        assertThatThrownBy(() -> encoder.encode(IPV4, new byte[10], 0, 10, false, out, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(out).containsOnly(0);
    }

    /** With the full map and all octets needing escape, the frame reaches the bound and no further. */
    @Test
    void maxEncodedSizeIsReachedWhenEveryOctetIsEscaped() {
        encoder.configure(new TransmitConfig(0xFFFFFFFF, false, false, FcsType.FCS32));
        byte[] info = new byte[100];
        Arrays.fill(info, (byte) 0x7E);
        byte[] out = new byte[HdlcEncoder.maxEncodedSize(info.length)];
        int n = encoder.encode(0x0021, info, 0, info.length, false, out, 0);
        // Address, control (escaped), protocol 00 (escaped) 21, information, FCS: at most all.
        assertThat(n).isLessThanOrEqualTo(out.length).isGreaterThan(2 * info.length);
    }

    record Frame(byte[] info, int accm, boolean acfc, boolean pfc, boolean lcpDefaults) {
    }

    /**
     * Up to 300 octets of information, any map, every option either way; 1000 seeds. The edge
     * cases put empty, one-octet and 300-octet information of flags, escapes, every control
     * character and random octets under the boundary maps, with every combination of options.
     */
    static Stream<Case<Frame>> frames() {
        byte[] controls = new byte[300];
        for (int i = 0; i < controls.length; i++) {
            controls[i] = (byte) (i % 0x20);
        }
        List<Case<byte[]>> infos = new ArrayList<>(Seeds.edgeBytes(0, 300));
        infos.add(new Case<>("[7e]", new byte[] {0x7E}));
        infos.add(new Case<>("[7d]", new byte[] {0x7D}));
        infos.add(new Case<>("300x7e", Seeds.filled(300, 0x7E)));
        infos.add(new Case<>("300x7d", Seeds.filled(300, 0x7D)));
        infos.add(new Case<>("300 controls", controls));
        List<Case<Frame>> edges = new ArrayList<>();
        for (Case<byte[]> info : infos) {
            for (int accm : new int[] {0, 0xFFFFFFFF, (1 << 0x11) | (1 << 0x13), 1, Integer.MIN_VALUE}) {
                for (int options = 0; options < 8; options++) {
                    boolean acfc = (options & 1) != 0;
                    boolean pfc = (options & 2) != 0;
                    boolean lcpDefaults = (options & 4) != 0;
                    edges.add(Seeds.edge(String.format("info=%s accm=%08x acfc=%b pfc=%b lcpDefaults=%b",
                            info, accm, acfc, pfc, lcpDefaults), new Frame(info.input(), accm, acfc, pfc, lcpDefaults)));
                }
            }
        }
        return Seeds.cases(edges, 1000, r -> new Frame(Seeds.bytes(r, 0, 300), Seeds.anyInt(r),
                r.nextBoolean(), r.nextBoolean(), r.nextBoolean()));
    }

    /**
     * Between its two flags a frame holds no flag and no octet the map asks to escape, and a
     * decoder with the same map gets the information back.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void encodedFrameHasFlagsOnlyAtItsEndsNoMappedControlCharacterAndDecodes(Case<Frame> c) {
        c.check(in -> {
            byte[] info = in.info();
            int accm = in.accm();
            encoder.configure(new TransmitConfig(accm, in.acfc(), in.pfc(), FcsType.FCS16));
            byte[] out = new byte[HdlcEncoder.maxEncodedSize(info.length)];
            int n = encoder.encode(IPV4, info, 0, info.length, in.lcpDefaults(), out, 0);
            int effectiveAccm = in.lcpDefaults() ? 0xFFFFFFFF : accm;
            assertThat(out[0]).isEqualTo((byte) 0x7E);
            assertThat(out[n - 1]).isEqualTo((byte) 0x7E);
            for (int i = 1; i < n - 1; i++) {
                assertThat(out[i]).isNotEqualTo((byte) 0x7E);
                assertThat(HdlcOctets.inAccm(effectiveAccm, out[i])).isFalse();
            }
            HdlcDecoder decoder = new HdlcDecoder();
            decoder.configure(new ReceiveConfig(accm, 1500, FcsType.FCS16));
            RecordingHandler handler = new RecordingHandler();
            decoder.feed(out, 0, n, handler);
            if (info.length > 0 || !(in.acfc() && in.pfc()) || in.lcpDefaults()) {
                assertThat(handler.frames).containsExactly(
                        new RecordingHandler.Frame(IPV4, Hex.encode(info)));
            } // else a 3-octet frame, too short for RFC 1662 §4.3: see HdlcDecoderTest
        });
    }

    private String encode(int protocol, String infoHex, boolean lcpDefaults) {
        byte[] info = Hex.decode(infoHex);
        byte[] out = new byte[HdlcEncoder.maxEncodedSize(info.length)];
        int n = encoder.encode(protocol, info, 0, info.length, lcpDefaults, out, 0);
        return Hex.encode(out, 0, n);
    }
}
