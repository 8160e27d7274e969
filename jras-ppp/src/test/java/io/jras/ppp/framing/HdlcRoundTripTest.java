package io.jras.ppp.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The encoder's frames come back out of the decoder, however the line cuts them up. */
class HdlcRoundTripTest {

    /** Links as configured before LCP, after a typical negotiation, and with FCS-32 and XON/XOFF. */
    static Stream<Arguments> links() {
        int xonXoff = (1 << 0x11) | (1 << 0x13);
        return Stream.of(
                Arguments.of("defaults", TransmitConfig.DEFAULT, ReceiveConfig.DEFAULT),
                Arguments.of("accm 0, acfc, pfc",
                        new TransmitConfig(0, true, true, FcsType.FCS16),
                        new ReceiveConfig(0, 1500, FcsType.FCS16)),
                Arguments.of("xon/xoff, fcs-32",
                        new TransmitConfig(xonXoff, false, true, FcsType.FCS32),
                        new ReceiveConfig(xonXoff, 1500, FcsType.FCS32)));
    }

    private record Sent(int protocol, byte[] info) {
        RecordingHandler.Frame received() {
            return new RecordingHandler.Frame(protocol, Hex.encode(info));
        }
    }

    /** Frames of many sizes, around the eight-octet fast path and up to 1500, with special octets. */
    private static List<Sent> frames() {
        Random random = new Random(1662);
        List<Sent> frames = new ArrayList<>();
        int[] protocols = {0x0021, 0xC021, 0x8021, 0x0057, 0xC223};
        int[] sizes = {1, 2, 7, 8, 9, 15, 16, 17, 64, 255, 1499, 1500};
        for (int k = 0; k < sizes.length; k++) {
            byte[] info = new byte[sizes[k]];
            random.nextBytes(info);
            frames.add(new Sent(protocols[k % protocols.length], info));
        }
        frames.add(new Sent(0x0021, Hex.decode("7e 7d 7e 7d 00 11 13 20 5d 5e ff 03 7e 7e 7e 7e 7e")));
        byte[] allFlags = new byte[40];
        java.util.Arrays.fill(allFlags, (byte) 0x7E);
        frames.add(new Sent(0xC021, allFlags));
        return frames;
    }

    private static byte[] line(TransmitConfig tx) {
        HdlcEncoder encoder = new HdlcEncoder();
        encoder.configure(tx);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (Sent s : frames()) {
            byte[] out = new byte[HdlcEncoder.maxEncodedSize(s.info.length)];
            line.write(out, 0, encoder.encode(s.protocol, s.info, 0, s.info.length, false, out, 0));
        }
        return line.toByteArray();
    }

    private static List<RecordingHandler.Frame> expected() {
        return frames().stream().map(Sent::received).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("links")
    void encodeThenDecodeRoundTripsTwiceOnTheSameDecoder(
            String name, TransmitConfig tx, ReceiveConfig rx) {
        byte[] line = line(tx);
        HdlcDecoder decoder = new HdlcDecoder();
        decoder.configure(rx);
        for (int round = 0; round < 2; round++) {
            decoder.reset();
            decoder.statistics().clear();
            RecordingHandler handler = new RecordingHandler();
            decoder.feed(line, 0, line.length, handler);
            assertThat(handler.frames).containsExactlyElementsOf(expected());
            assertThat(decoder.statistics().framesReceived()).isEqualTo(expected().size());
            assertThat(decoder.statistics().lineBytesReceived()).isEqualTo(line.length);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("links")
    void framesFedOneOctetAtATimeDecodeTheSame(String name, TransmitConfig tx, ReceiveConfig rx) {
        byte[] line = line(tx);
        HdlcDecoder decoder = new HdlcDecoder();
        decoder.configure(rx);
        RecordingHandler handler = new RecordingHandler();
        for (int i = 0; i < line.length; i++) {
            decoder.feed(line, i, 1, handler); // as a UART delivers them
        }
        assertThat(handler.frames).containsExactlyElementsOf(expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("links")
    void framesSplitAtEveryPositionDecodeTheSame(String name, TransmitConfig tx, ReceiveConfig rx) {
        byte[] line = line(tx);
        List<RecordingHandler.Frame> expected = expected();
        HdlcDecoder decoder = new HdlcDecoder();
        decoder.configure(rx);
        for (int cut = 0; cut <= line.length; cut++) {
            decoder.reset();
            RecordingHandler handler = new RecordingHandler();
            decoder.feed(line, 0, cut, handler);
            decoder.feed(line, cut, line.length - cut, handler);
            assertThat(handler.frames).as("cut at %d", cut).isEqualTo(expected);
        }
        assertThat(decoder.statistics().crcErrors() + decoder.statistics().framingErrors()
                + decoder.statistics().bufferOverrunErrors()).isZero();
    }
}
