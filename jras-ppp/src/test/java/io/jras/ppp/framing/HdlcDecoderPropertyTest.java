package io.jras.ppp.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever arrives on the line, the decoder never throws, and each non-empty stretch between two
 * flags ends up counted exactly once: as a frame or as one kind of error.
 */
class HdlcDecoderPropertyTest {

    private static final int XON_XOFF = (1 << 0x11) | (1 << 0x13);

    @Property(tries = 500)
    void randomOctetsNeverThrowAndEachFrameIsCountedOnce(
            @ForAll("lineNoise") byte[] noise, @ForAll("receiveConfigs") ReceiveConfig rx,
            @ForAll("chunkSizes") List<Integer> chunks) {
        checkInvariants(noise, rx, chunks);
    }

    @Property(tries = 300)
    void mutatedValidFramesNeverThrowAndEachFrameIsCountedOnce(
            @ForAll("framesOnTheLine") byte[] line, @ForAll("mutations") List<int[]> mutations,
            @ForAll("chunkSizes") List<Integer> chunks) {
        byte[] mutated = mutate(line, mutations);
        checkInvariants(mutated, new ReceiveConfig(XON_XOFF, 1500, FcsType.FCS16), chunks);
    }

    @Property(tries = 200)
    void unmutatedFramesAllArrive(@ForAll("framesOnTheLine") byte[] line,
            @ForAll("chunkSizes") List<Integer> chunks) {
        HdlcDecoder decoder = new HdlcDecoder();
        decoder.configure(new ReceiveConfig(XON_XOFF, 1500, FcsType.FCS16));
        feedInChunks(decoder, line, chunks, new RecordingHandler());
        FramingStatistics s = decoder.statistics();
        assertThat(s.framesReceived()).isEqualTo(segments(line, XON_XOFF) - s.bufferOverrunErrors());
        assertThat(s.crcErrors() + s.framingErrors()).isZero();
    }

    private static void checkInvariants(byte[] octets, ReceiveConfig rx, List<Integer> chunks) {
        byte[] line = new byte[octets.length + 2];
        line[0] = 0x7E; // so that what follows is a frame,
        System.arraycopy(octets, 0, line, 1, octets.length);
        line[line.length - 1] = 0x7E; // and the last one is closed

        HdlcDecoder whole = new HdlcDecoder();
        whole.configure(rx);
        RecordingHandler wholeFrames = new RecordingHandler();
        whole.feed(line, 0, line.length, wholeFrames);

        FramingStatistics s = whole.statistics();
        assertThat(s.lineBytesReceived()).isEqualTo(line.length);
        assertThat(s.framesReceived()).isEqualTo(wholeFrames.frames.size());
        assertThat(s.framesReceived() + s.crcErrors() + s.framingErrors() + s.bufferOverrunErrors())
                .isEqualTo(segments(line, rx.accm()));
        assertThat(wholeFrames.frames)
                .allSatisfy(f -> assertThat(f.info().length()).isLessThanOrEqualTo(3 * 1500));
        // Shown in the jqwik report, to see that every outcome is exercised.
        Statistics.label("frames").collect(s.framesReceived() > 0);
        Statistics.label("crc errors").collect(s.crcErrors() > 0);
        Statistics.label("framing errors").collect(s.framingErrors() > 0);
        Statistics.label("overruns").collect(s.bufferOverrunErrors() > 0);

        // The same octets in other pieces give the same frames and the same counts.
        HdlcDecoder pieces = new HdlcDecoder();
        pieces.configure(rx);
        RecordingHandler pieceFrames = new RecordingHandler();
        feedInChunks(pieces, line, chunks, pieceFrames);
        assertThat(pieceFrames.frames).isEqualTo(wholeFrames.frames);
        assertThat(pieces.statistics()).hasToString(s.toString());
    }

    /** Stretches between flags that hold something besides control characters the map drops. */
    private static long segments(byte[] line, int rxAccm) {
        long count = 0;
        boolean afterFlag = false;
        int size = 0;
        for (byte b : line) {
            if (b == 0x7E) {
                if (afterFlag && size > 0) {
                    count++;
                }
                afterFlag = true;
                size = 0;
            } else if (!HdlcOctets.inAccm(rxAccm, b)) {
                size++;
            }
        }
        return count;
    }

    private static void feedInChunks(HdlcDecoder decoder, byte[] line, List<Integer> chunks,
            FrameHandler handler) {
        int i = 0;
        for (int k = 0; i < line.length; k++) {
            int n = Math.min(chunks.get(k % chunks.size()), line.length - i);
            decoder.feed(line, i, n, handler);
            i += n;
        }
    }

    /** Each mutation is {kind, position, value}: replace, delete or insert one octet. */
    private static byte[] mutate(byte[] line, List<int[]> mutations) {
        byte[] b = line;
        for (int[] m : mutations) {
            if (b.length == 0) {
                break;
            }
            int at = m[1] % b.length;
            ByteArrayOutputStream next = new ByteArrayOutputStream();
            next.write(b, 0, at);
            switch (m[0]) {
                case 0 -> { next.write(m[2]); next.write(b, at + 1, b.length - at - 1); }
                case 1 -> next.write(b, at + 1, b.length - at - 1);
                default -> { next.write(m[2]); next.write(b, at, b.length - at); }
            }
            b = next.toByteArray();
        }
        return b;
    }

    @Provide
    Arbitrary<byte[]> lineNoise() {
        Arbitrary<Byte> special = Arbitraries.of((byte) 0x7E, (byte) 0x7D, (byte) 0xFF, (byte) 0x03,
                (byte) 0x00, (byte) 0x11, (byte) 0x13, (byte) 0x21, (byte) 0xC0);
        Arbitrary<Byte> octets = Arbitraries.frequencyOf(
                Tuple.of(1, special), Tuple.of(4, Arbitraries.bytes()));
        Arbitrary<Byte> fewFlags = Arbitraries.bytes().filter(b -> b != 0x7E);
        return Arbitraries.oneOf(
                octets.list().ofMaxSize(3000).map(HdlcDecoderPropertyTest::toArray),
                // Long stretches without a flag, to overrun the buffer.
                fewFlags.list().ofMinSize(1400).ofMaxSize(4000).map(HdlcDecoderPropertyTest::toArray));
    }

    @Provide
    Arbitrary<ReceiveConfig> receiveConfigs() {
        return Combinators.combine(
                Arbitraries.of(0, 0xFFFFFFFF, XON_XOFF),
                Arbitraries.of(0, 296, 1500, 2000),
                Arbitraries.of(FcsType.class)).as(ReceiveConfig::new);
    }

    @Provide
    Arbitrary<List<Integer>> chunkSizes() {
        return Arbitraries.integers().between(1, 40).list().ofMinSize(1).ofMaxSize(20);
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        Arbitrary<int[]> one = Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.of(0x7E, 0x7D, 0x11, 0x00, 0xFF, 0x55))
                .as((kind, at, value) -> new int[] {kind, at, value});
        return one.list().ofMaxSize(6);
    }

    /** A few frames, as our encoder sends them on a link with XON/XOFF mapped, some too long. */
    @Provide
    Arbitrary<byte[]> framesOnTheLine() {
        Arbitrary<byte[]> info = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(200),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1495).ofMaxSize(1600));
        Arbitrary<Integer> protocol = Arbitraries.of(0x0021, 0xC021, 0x8021, 0xC023);
        Arbitrary<TransmitConfig> tx = Combinators.combine(
                Arbitraries.of(XON_XOFF, 0xFFFFFFFF), Arbitraries.of(true, false),
                Arbitraries.of(true, false))
                .as((accm, acfc, pfc) -> new TransmitConfig(accm, acfc, pfc, FcsType.FCS16));
        return Combinators.combine(tx, Combinators.combine(protocol, info).as(Tuple::of)
                .list().ofMinSize(1).ofMaxSize(5)).as((config, frames) -> {
                    HdlcEncoder encoder = new HdlcEncoder();
                    encoder.configure(config);
                    ByteArrayOutputStream line = new ByteArrayOutputStream();
                    for (var f : frames) {
                        byte[] out = new byte[HdlcEncoder.maxEncodedSize(f.get2().length)];
                        line.write(out, 0, encoder.encode(
                                f.get1(), f.get2(), 0, f.get2().length, false, out, 0));
                    }
                    return line.toByteArray();
                });
    }

    private static byte[] toArray(List<Byte> list) {
        byte[] b = new byte[list.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = list.get(i);
        }
        return b;
    }
}
