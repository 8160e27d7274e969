package io.jras.ppp.framing;

import static io.jras.ppp.framing.RecordingHandler.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HdlcDecoderTest {

    private static final int LCP = 0xC021;
    private static final int IPV4 = 0x0021;

    /** Receive ACCM 0, as most links negotiate, so that fixtures can show octets unescaped. */
    private static final ReceiveConfig ACCM_0 = new ReceiveConfig(0, 1500, FcsType.FCS16);

    private final HdlcDecoder decoder = new HdlcDecoder();
    private final RecordingHandler handler = new RecordingHandler();

    HdlcDecoderTest() {
        decoder.configure(ACCM_0);
    }

    @Test
    void capturedConfigureRequestIsDecodedWithTheDefaultConfiguration() {
        decoder.configure(ReceiveConfig.DEFAULT);
        // pppd's first frame after "CONNECT": every control character escaped.
        feed("""
                7e ff 7d 23 c0 21
                7d 21 7d 21 7d 20 7d 34                   // code 1, id 1, length 0x0014
                7d 22 7d 26 7d 20 7d 20 7d 20 7d 20       // ACCM 00000000
                7d 25 7d 26 7d 2e 79 7d 3a 59             // magic 0e 79 1a 59
                7d 27 7d 22 7d 28 7d 22                   // PFC, ACFC
                ef 3e 7e                                  // FCS-16
                """);
        assertThat(handler.frames).containsExactly(
                frame(LCP, "01 01 00 14 02 06 00 00 00 00 05 06 0e 79 1a 59 07 02 08 02"));
        assertThat(decoder.statistics().framesReceived()).isEqualTo(1);
    }

    @Test
    void octetsBeforeTheFirstFlagAreNotAFrame() {
        feed("43 4f 4e 4e 45 43 54 0d 0a"); // "CONNECT\r\n" from the modem
        feed("7e 21 45 00 00 1c af 06 7e");
        assertThat(handler.frames).containsExactly(frame(IPV4, "45 00 00 1c"));
        assertThat(errors()).isZero();
    }

    @Test
    void addressAndControlMayBeLeftOut() {
        feed("7e ff 03 00 21 45 00 00 1c ec 10 7e"); // full header
        feed("7e 00 21 45 00 00 1c 57 3e 7e"); // ACFC
        assertThat(handler.frames).containsExactly(
                frame(IPV4, "45 00 00 1c"), frame(IPV4, "45 00 00 1c"));
    }

    @Test
    void aProtocolWithAnOddFirstOctetIsOneOctetLong() {
        feed("7e ff 03 21 45 00 00 1c 70 c7 7e"); // PFC
        feed("7e 21 45 00 00 1c af 06 7e"); // PFC and ACFC
        assertThat(handler.frames).containsExactly(
                frame(IPV4, "45 00 00 1c"), frame(IPV4, "45 00 00 1c"));
    }

    @Test
    void unescapedControlCharInReceiveAccmIsIgnored() {
        decoder.configure(new ReceiveConfig((1 << 0x11) | (1 << 0x13), 1500, FcsType.FCS16));
        // XON (0x11) and XOFF (0x13) inserted by the line, in and around the frame and after an escape.
        feed("7e 11 21 45 13 00 00 1c af 06 7e");
        feed("7e 21 45 7d 11 20 00 1c 13 af 06 7e"); // 7d 11 20: the escape still applies to 20
        assertThat(handler.frames).containsExactly(
                frame(IPV4, "45 00 00 1c"), frame(IPV4, "45 00 00 1c"));
        assertThat(errors()).isZero();
    }

    @Test
    void controlCharNotInReceiveAccmIsData() {
        decoder.configure(new ReceiveConfig(1 << 0x11, 1500, FcsType.FCS16));
        // Only XON is in our map: the peer may send 00, 12 and 13 as they are.
        feed(encoded(IPV4, "12 00 13", new TransmitConfig(0, true, true, FcsType.FCS16)));
        assertThat(handler.frames).containsExactly(frame(IPV4, "12 00 13"));
    }

    @Test
    void escapedOctetsAreRestored() {
        decoder.configure(ReceiveConfig.DEFAULT);
        feed(encoded(IPV4, "7e 7d 00 1f 20", TransmitConfig.DEFAULT));
        assertThat(handler.frames).containsExactly(frame(IPV4, "7e 7d 00 1f 20"));
    }

    @Test
    void backToBackFlagsAreNotErrors() {
        feed("7e 7e 7e 21 45 00 00 1c af 06 7e 7e 7e");
        assertThat(handler.frames).hasSize(1);
        assertThat(errors()).isZero();
    }

    @Test
    void oneFlagBetweenFramesIsEnough() {
        feed("7e 21 45 00 00 1c af 06 7e 21 45 00 00 1c af 06 7e");
        assertThat(handler.frames).hasSize(2);
    }

    @Test
    void badFcsIsCountedAsCrcError() {
        feed("7e 21 45 00 00 1d af 06 7e");
        assertThat(handler.frames).isEmpty();
        assertThat(decoder.statistics().crcErrors()).isEqualTo(1);
        assertThat(errors()).isEqualTo(1);
    }

    @Test
    void frameShorterThanFourOctetsIsAFramingErrorNotACrcError() {
        feed("7e 21 af 06 7e"); // RFC 1662 §4.3: 3 octets with FCS-16
        assertThat(decoder.statistics().framingErrors()).isEqualTo(1);
        assertThat(decoder.statistics().crcErrors()).isZero();
    }

    @Test
    void escapeBeforeFlagAbortsTheFrameAndTheFlagStartsTheNext() {
        feed("7e 21 45 00 7d 7e 21 45 00 00 1c af 06 7e");
        assertThat(decoder.statistics().framingErrors()).isEqualTo(1);
        assertThat(handler.frames).containsExactly(frame(IPV4, "45 00 00 1c"));
    }

    @Test
    void addressWithoutUiControlIsAFramingError() {
        feed(withFcs16("ff 13 00 21 45"));
        assertThat(decoder.statistics().framingErrors()).isEqualTo(1);
        assertThat(handler.frames).isEmpty();
    }

    @Test
    void protocolWithAnEvenLowOctetIsAFramingError() {
        feed(withFcs16("ff 03 00 20 45"));
        assertThat(decoder.statistics().framingErrors()).isEqualTo(1);
    }

    @Test
    void frameWithNoProtocolIsAFramingError() {
        feed(withFcs16("ff 03 00"));
        assertThat(decoder.statistics().framingErrors()).isEqualTo(1);
    }

    @Test
    void informationLongerThanMruIsDroppedAsOverrunAndTheNextFrameIsReceived() {
        decoder.configure(new ReceiveConfig(0, 1600, FcsType.FCS16));
        TransmitConfig tx = new TransmitConfig(0, true, true, FcsType.FCS16);
        feed(encoded(IPV4, zeros(1601), tx));
        feed(encoded(IPV4, zeros(1600), tx));
        assertThat(decoder.statistics().bufferOverrunErrors()).isEqualTo(1);
        assertThat(handler.frames).hasSize(1);
        assertThat(handler.frames.getFirst().info()).hasSize(1600 * 3 - 1);
    }

    @Test
    void anEndlessFrameIsCutOffAtTheBufferAndSkippedToTheNextFlag() {
        byte[] garbage = new byte[100_000];
        Arrays.fill(garbage, (byte) 0x55);
        feed("7e");
        decoder.feed(garbage, 0, garbage.length, handler);
        feed("7e 21 45 00 00 1c af 06 7e");
        assertThat(decoder.statistics().bufferOverrunErrors()).isEqualTo(1);
        assertThat(handler.frames).containsExactly(frame(IPV4, "45 00 00 1c"));
    }

    @Test
    void mruBelow1500StillAccepts1500() {
        decoder.configure(new ReceiveConfig(0, 296, FcsType.FCS16));
        TransmitConfig tx = new TransmitConfig(0, false, false, FcsType.FCS16);
        feed(encoded(IPV4, zeros(1500), tx));
        feed(encoded(IPV4, zeros(1501), tx));
        assertThat(handler.frames).hasSize(1);
        assertThat(decoder.statistics().bufferOverrunErrors()).isEqualTo(1);
    }

    @Test
    void fcs32FramesAreCheckedWithFcs32() {
        decoder.configure(new ReceiveConfig(0, 1500, FcsType.FCS32));
        feed("7e ff 7d 23 c0 21 7d 21 7d 21 7d 20 7d 24 59 7d 32 db 21 7e");
        feed("7e ff 7d 23 c0 21 7d 21 7d 21 7d 20 7d 24 59 7d 32 db 22 7e");
        assertThat(handler.frames).containsExactly(frame(LCP, "01 01 00 04"));
        assertThat(decoder.statistics().crcErrors()).isEqualTo(1);
    }

    @Test
    void aFrameWithTheOtherFcsTypeFailsTheCheck() {
        decoder.configure(new ReceiveConfig(0, 1500, FcsType.FCS32));
        feed("7e 21 45 00 00 1c af 06 7e");
        assertThat(handler.frames).isEmpty();
        assertThat(decoder.statistics().crcErrors()).isEqualTo(1);
    }

    @Test
    void resetDropsTheFrameUnderWayAndHuntsForAFlag() {
        feed("7e 21 45 00");
        decoder.reset();
        feed("00 1c af 06 7e 21 45 00 00 1c af 06 7e");
        assertThat(handler.frames).containsExactly(frame(IPV4, "45 00 00 1c"));
        assertThat(errors()).isZero();
    }

    @Test
    void theHandlerMayReconfigureTheDecoderBetweenFrames() {
        // As the link layer does when LCP opens: the next frame already uses FCS-32.
        FrameHandler reconfiguring = (protocol, info, off, len) -> {
            handler.onFrame(protocol, info, off, len);
            decoder.configure(new ReceiveConfig(0, 1500, FcsType.FCS32));
        };
        byte[] both = Hex.decode("7e 21 45 00 00 1c af 06"
                + " 7e ff 7d 23 c0 21 7d 21 7d 21 7d 20 7d 24 59 7d 32 db 21 7e");
        decoder.feed(both, 0, both.length, reconfiguring);
        assertThat(handler.frames).containsExactly(
                frame(IPV4, "45 00 00 1c"), frame(LCP, "01 01 00 04"));
    }

    @Test
    void aFrameUnderWayWhenTheFcsTypeChangesIsCheckedWithTheNewType() {
        decoder.configure(new ReceiveConfig(0, 1500, FcsType.FCS32));
        feed("7e 21 45 00");
        decoder.configure(ACCM_0); // back to FCS-16 in the middle of the frame
        feed("00 1c af 06 7e");
        assertThat(handler.frames).containsExactly(frame(IPV4, "45 00 00 1c"));
    }

    @Test
    void aHandlerThatThrowsLeavesTheDecoderReadyForTheNextFrame() {
        byte[] two = Hex.decode("7e 21 45 00 00 1c af 06 7e 21 45 00 00 1c af 06 7e");
        FrameHandler throwing = (protocol, info, off, len) -> {
            throw new IllegalStateException("handler bug");
        };
        assertThatThrownBy(() -> decoder.feed(two, 0, two.length, throwing))
                .hasMessage("handler bug");
        feed("21 45 00 00 1c af 06 7e");
        assertThat(handler.frames).containsExactly(frame(IPV4, "45 00 00 1c"));
    }

    @Test
    void everyOctetFedIsCountedAndClearResetsTheCounters() {
        feed("00 7e 21 45 00 00 1c af 06 7e 7e 21 00 7e");
        FramingStatistics s = decoder.statistics();
        assertThat(s.lineBytesReceived()).isEqualTo(14);
        assertThat(s.framesReceived()).isEqualTo(1);
        assertThat(s.framingErrors()).isEqualTo(1);
        assertThat(s.alignmentErrors()).isZero();
        s.clear();
        assertThat(s.lineBytesReceived() + s.framesReceived() + s.framingErrors()).isZero();
    }

    private long errors() {
        FramingStatistics s = decoder.statistics();
        return s.crcErrors() + s.framingErrors() + s.bufferOverrunErrors();
    }

    @Test
    void controlTrafficKeepsTheFrameBufferSmall() {
        feed(encoded(LCP, "09 01 00 08 12 34 56 78", new TransmitConfig(0, false, false, FcsType.FCS16)));
        assertThat(handler.frames).containsExactly(frame(LCP, "09 01 00 08 12 34 56 78"));
        assertThat(decoder.bufferSize()).isEqualTo(HdlcDecoder.INITIAL_FRAME_BUFFER);
    }

    @Test
    void aFullSizeFrameAfterSmallOnesGrowsTheBufferAndArrivesWhole() {
        byte[] info = new byte[1500];
        for (int i = 0; i < info.length; i++) {
            info[i] = (byte) (i * 7); // control characters too, so that some are escaped
        }
        TransmitConfig escapeAll = new TransmitConfig(0xFFFFFFFF, false, false, FcsType.FCS16);
        feed(encoded(LCP, "09 01 00 08 12 34 56 78", escapeAll));
        byte[] big = encoded(IPV4, info, escapeAll);
        for (byte b : big) {
            decoder.feed(new byte[] {b}, 0, 1, handler); // octet by octet: every growth step on the slow paths
        }
        feed(big); // and at once: the word-wise path into the grown buffer
        assertThat(handler.frames).hasSize(3);
        assertThat(handler.frames.get(1).info()).isEqualTo(Hex.encode(info, 0, info.length));
        assertThat(handler.frames.get(2).info()).isEqualTo(Hex.encode(info, 0, info.length));
        assertThat(decoder.bufferSize()).isLessThanOrEqualTo(4 + 1500 + 2);
        assertThat(decoder.statistics().bufferOverrunErrors()).isZero();
    }

    private void feed(String hex) {
        feed(Hex.decode(hex));
    }

    private void feed(byte[] octets) {
        decoder.feed(octets, 0, octets.length, handler);
    }

    private static byte[] encoded(int protocol, String infoHex, TransmitConfig tx) {
        return encoded(protocol, Hex.decode(infoHex), tx);
    }

    private static byte[] encoded(int protocol, byte[] info, TransmitConfig tx) {
        HdlcEncoder encoder = new HdlcEncoder();
        encoder.configure(tx);
        byte[] out = new byte[HdlcEncoder.maxEncodedSize(info.length)];
        return Arrays.copyOf(out, encoder.encode(protocol, info, 0, info.length, false, out, 0));
    }

    /** A flagged, unescaped frame of these octets and their FCS-16, to build malformed frames. */
    private static byte[] withFcs16(String hex) {
        byte[] body = Hex.decode(hex);
        int fcs = Fcs16.update(Fcs16.INIT, body, 0, body.length) ^ 0xFFFF;
        byte[] f = new byte[body.length + 4];
        f[0] = 0x7E;
        System.arraycopy(body, 0, f, 1, body.length);
        f[body.length + 1] = (byte) fcs;
        f[body.length + 2] = (byte) (fcs >>> 8);
        f[body.length + 3] = 0x7E;
        return f;
    }

    private static byte[] zeros(int n) {
        return new byte[n];
    }
}
