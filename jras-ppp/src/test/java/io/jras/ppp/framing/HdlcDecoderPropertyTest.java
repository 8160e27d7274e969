package io.jras.ppp.framing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.ppp.testkit.Seeds;
import io.jras.ppp.testkit.Seeds.Case;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever arrives on the line, the decoder never throws, and each non-empty stretch between two
 * flags ends up counted exactly once: as a frame or as one kind of error. Each case is an edge case
 * or a fixed seed, and a failure names it.
 */
class HdlcDecoderPropertyTest {

    private static final int XON_XOFF = (1 << 0x11) | (1 << 0x13);

    private static final byte[] SPECIAL_NOISE = {0x7E, 0x7D, (byte) 0xFF, 0x03, 0x00, 0x11, 0x13, 0x21,
            (byte) 0xC0};

    private static final int[] PROTOCOLS = {0x0021, 0xC021, 0x8021, 0xC023};

    private static final int NOISE_SEEDS = 500;

    private static final int MUTATED_SEEDS = 300;

    record Noise(byte[] noise, ReceiveConfig rx, List<Integer> chunks) {
    }

    record MutatedLine(byte[] line, List<int[]> mutations, List<Integer> chunks) {
    }

    record Line(byte[] line, List<Integer> chunks) {
    }

    /**
     * Line noise under every receive configuration; 500 seeds. The edge cases are no noise, all
     * flags, all escapes, a lone flag or escape, the special octets over and over, and the longest
     * flagless stretches, each under all 24 configurations, fed whole-ish and octet by octet.
     */
    static Stream<Case<Noise>> lineNoise() {
        List<Case<byte[]>> noises = new ArrayList<>();
        noises.add(new Case<>("empty", new byte[0]));
        noises.add(new Case<>("[7e]", new byte[] {0x7E}));
        noises.add(new Case<>("[7d]", new byte[] {0x7D}));
        noises.add(new Case<>("3000x7e", Seeds.filled(3000, 0x7E)));
        noises.add(new Case<>("3000x7d", Seeds.filled(3000, 0x7D)));
        byte[] specials = new byte[3000];
        for (int i = 0; i < specials.length; i++) {
            specials[i] = SPECIAL_NOISE[i % SPECIAL_NOISE.length];
        }
        noises.add(new Case<>("3000 specials", specials));
        noises.add(new Case<>("1400x00", new byte[1400]));
        noises.add(new Case<>("4000xff", Seeds.filled(4000, 0xFF)));
        byte[] flagless = new byte[4000];
        SplittableRandom fixed = new SplittableRandom(4000);
        for (int i = 0; i < flagless.length; i++) {
            flagless[i] = flagless(fixed);
        }
        noises.add(new Case<>("4000 random flagless", flagless));
        List<Case<Noise>> edges = new ArrayList<>();
        for (Case<byte[]> noise : noises) {
            for (ReceiveConfig rx : allReceiveConfigs()) {
                for (List<Integer> chunks : List.of(List.of(40), List.of(1))) {
                    edges.add(Seeds.edge(noise + " " + rx + " chunks=" + chunks,
                            new Noise(noise.input(), rx, chunks)));
                }
            }
        }
        return Seeds.cases(edges, NOISE_SEEDS, HdlcDecoderPropertyTest::noise);
    }

    private static Noise noise(SplittableRandom r) {
        return new Noise(noiseOctets(r), receiveConfig(r), chunkSizes(r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lineNoise")
    void randomOctetsNeverThrowAndEachFrameIsCountedOnce(Case<Noise> c) {
        c.check(in -> checkInvariants(in.noise(), in.rx(), in.chunks()));
    }

    /**
     * Frames from our encoder, then up to six octets replaced, deleted or inserted; 300 seeds. The
     * edge cases are the edge lines (below), each unchanged, without its opening flag, with a flag
     * inserted in the middle, with an escape just before the closing flag, with six octets
     * replaced by escapes, and with a change at position {@code Integer.MAX_VALUE}.
     */
    static Stream<Case<MutatedLine>> mutatedFrames() {
        List<Case<MutatedLine>> edges = new ArrayList<>();
        for (Case<Line> line : edgeLines()) {
            int n = line.input().line().length;
            List<Case<List<int[]>>> mutations = List.of(
                    new Case<>("unchanged", List.of()),
                    new Case<>("opening flag deleted", List.<int[]>of(new int[] {1, 0, 0})),
                    new Case<>("flag inserted mid-line", List.<int[]>of(new int[] {2, n / 2, 0x7E})),
                    new Case<>("escape before the closing flag", List.<int[]>of(new int[] {2, n - 1, 0x7D})),
                    new Case<>("six octets replaced by escapes", IntStream.range(0, 6)
                            .mapToObj(k -> new int[] {0, 1 + k * (n - 2) / 6, 0x7D}).toList()),
                    new Case<>("octet at MAX_VALUE replaced", List.<int[]>of(new int[] {0, Integer.MAX_VALUE, 0xFF})));
            for (Case<List<int[]>> m : mutations) {
                edges.add(Seeds.edge(line + " " + m,
                        new MutatedLine(line.input().line(), m.input(), line.input().chunks())));
            }
        }
        return Seeds.cases(edges, MUTATED_SEEDS, HdlcDecoderPropertyTest::mutatedLine);
    }

    private static MutatedLine mutatedLine(SplittableRandom r) {
        return new MutatedLine(framesOnTheLine(r), mutations(r), chunkSizes(r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutatedFrames")
    void mutatedValidFramesNeverThrowAndEachFrameIsCountedOnce(Case<MutatedLine> c) {
        c.check(in -> {
            byte[] mutated = mutate(in.line(), in.mutations());
            checkInvariants(mutated, new ReceiveConfig(XON_XOFF, 1500, FcsType.FCS16), in.chunks());
        });
    }

    /**
     * What the property tool's statistics used to show, now checked: over their seeds, the two
     * properties above meet every outcome, so that their invariants are tested against each. Noise
     * brings every kind of error (a random stretch passes the FCS once in 65536); mutated frames
     * bring frames too.
     */
    @Test
    void randomInputsReachEveryOutcome() {
        long[] noise = new long[4];
        for (int seed = 0; seed < NOISE_SEEDS; seed++) {
            Noise in = noise(new SplittableRandom(seed));
            countOutcomes(noise, framed(in.noise()), in.rx());
        }
        assertThat(noise[1]).as("noise seeds with crc errors").isPositive();
        assertThat(noise[2]).as("noise seeds with framing errors").isPositive();
        assertThat(noise[3]).as("noise seeds with overruns").isPositive();
        long[] mutated = new long[4];
        for (int seed = 0; seed < MUTATED_SEEDS; seed++) {
            MutatedLine in = mutatedLine(new SplittableRandom(seed));
            countOutcomes(mutated, framed(mutate(in.line(), in.mutations())),
                    new ReceiveConfig(XON_XOFF, 1500, FcsType.FCS16));
        }
        assertThat(mutated[0]).as("mutated seeds with frames").isPositive();
        assertThat(mutated[1]).as("mutated seeds with crc errors").isPositive();
        assertThat(mutated[2]).as("mutated seeds with framing errors").isPositive();
        assertThat(mutated[3]).as("mutated seeds with overruns").isPositive();
    }

    private static void countOutcomes(long[] counts, byte[] line, ReceiveConfig rx) {
        HdlcDecoder decoder = new HdlcDecoder();
        decoder.configure(rx);
        decoder.feed(line, 0, line.length, new RecordingHandler());
        FramingStatistics s = decoder.statistics();
        counts[0] += s.framesReceived() > 0 ? 1 : 0;
        counts[1] += s.crcErrors() > 0 ? 1 : 0;
        counts[2] += s.framingErrors() > 0 ? 1 : 0;
        counts[3] += s.bufferOverrunErrors() > 0 ? 1 : 0;
    }

    /** Frames from our encoder; the edge lines, then 200 seeds. */
    static Stream<Case<Line>> framesOnTheLine() {
        List<Case<Line>> edges = edgeLines().stream().map(l -> Seeds.edge(l.name(), l.input())).toList();
        return Seeds.cases(edges, 200, r -> new Line(framesOnTheLine(r), chunkSizes(r)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framesOnTheLine")
    void unmutatedFramesAllArrive(Case<Line> c) {
        c.check(in -> {
            byte[] line = in.line();
            HdlcDecoder decoder = new HdlcDecoder();
            decoder.configure(new ReceiveConfig(XON_XOFF, 1500, FcsType.FCS16));
            feedInChunks(decoder, line, in.chunks(), new RecordingHandler());
            FramingStatistics s = decoder.statistics();
            assertThat(s.framesReceived()).isEqualTo(segments(line, XON_XOFF) - s.bufferOverrunErrors());
            assertThat(s.crcErrors() + s.framingErrors()).isZero();
        });
    }

    private static byte[] framed(byte[] octets) {
        byte[] line = new byte[octets.length + 2];
        line[0] = 0x7E; // so that what follows is a frame,
        System.arraycopy(octets, 0, line, 1, octets.length);
        line[line.length - 1] = 0x7E; // and the last one is closed
        return line;
    }

    private static void checkInvariants(byte[] octets, ReceiveConfig rx, List<Integer> chunks) {
        byte[] line = framed(octets);

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
        // That every outcome is exercised: randomInputsReachEveryOutcome.

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

    /**
     * Half the time up to 3000 octets, one in five a special one; else 1400 to 4000 octets without
     * a flag, to overrun the buffer.
     */
    private static byte[] noiseOctets(SplittableRandom r) {
        if (r.nextBoolean()) {
            byte[] b = new byte[Seeds.size(r, 0, 3000)];
            for (int i = 0; i < b.length; i++) {
                b[i] = r.nextInt(5) == 0 ? SPECIAL_NOISE[r.nextInt(SPECIAL_NOISE.length)] : (byte) r.nextInt(256);
            }
            return b;
        }
        byte[] b = new byte[Seeds.size(r, 1400, 4000)];
        for (int i = 0; i < b.length; i++) {
            b[i] = flagless(r);
        }
        return b;
    }

    private static byte flagless(SplittableRandom r) {
        int b = r.nextInt(255);
        return (byte) (b < 0x7E ? b : b + 1);
    }

    private static List<ReceiveConfig> allReceiveConfigs() {
        List<ReceiveConfig> configs = new ArrayList<>();
        for (int accm : new int[] {0, 0xFFFFFFFF, XON_XOFF}) {
            for (int mru : new int[] {0, 296, 1500, 2000}) {
                for (FcsType fcs : FcsType.values()) {
                    configs.add(new ReceiveConfig(accm, mru, fcs));
                }
            }
        }
        return configs;
    }

    private static ReceiveConfig receiveConfig(SplittableRandom r) {
        return new ReceiveConfig(Seeds.oneOf(r, 0, 0xFFFFFFFF, XON_XOFF), Seeds.oneOf(r, 0, 296, 1500, 2000),
                Seeds.oneOf(r, List.of(FcsType.values())));
    }

    /** 1 to 20 chunk sizes of 1 to 40 octets, used in turn. */
    private static List<Integer> chunkSizes(SplittableRandom r) {
        return IntStream.range(0, Seeds.size(r, 1, 20)).mapToObj(k -> Seeds.between(r, 1, 40)).toList();
    }

    /** Up to six mutations. */
    private static List<int[]> mutations(SplittableRandom r) {
        return IntStream.range(0, Seeds.size(r, 0, 6))
                .mapToObj(k -> new int[] {Seeds.between(r, 0, 2), Seeds.between(r, 0, Integer.MAX_VALUE),
                        Seeds.oneOf(r, 0x7E, 0x7D, 0x11, 0x00, 0xFF, 0x55)})
                .toList();
    }

    /**
     * One to five frames, as our encoder sends them on a link with XON/XOFF or every control
     * character mapped, with or without ACFC and PFC; information of 1 to 200 octets or, to be too
     * long, 1495 to 1600.
     */
    private static byte[] framesOnTheLine(SplittableRandom r) {
        TransmitConfig tx = new TransmitConfig(Seeds.oneOf(r, XON_XOFF, 0xFFFFFFFF), r.nextBoolean(),
                r.nextBoolean(), FcsType.FCS16);
        int count = Seeds.size(r, 1, 5);
        List<Integer> protocols = new ArrayList<>();
        List<byte[]> infos = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            protocols.add(Seeds.oneOf(r, PROTOCOLS));
            infos.add(r.nextBoolean() ? Seeds.bytes(r, 1, 200) : Seeds.bytes(r, 1495, 1600));
        }
        return encode(tx, protocols, infos);
    }

    private static byte[] encode(TransmitConfig tx, List<Integer> protocols, List<byte[]> infos) {
        HdlcEncoder encoder = new HdlcEncoder();
        encoder.configure(tx);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int k = 0; k < infos.size(); k++) {
            byte[] info = infos.get(k);
            byte[] out = new byte[HdlcEncoder.maxEncodedSize(info.length)];
            line.write(out, 0, encoder.encode(protocols.get(k), info, 0, info.length, false, out, 0));
        }
        return line.toByteArray();
    }

    /**
     * Under each of the eight transmit configurations: one frame of a single flag octet, of 200
     * random octets, of 1495 escapes (the shortest of the long ones), of 1600 random octets (the
     * longest), and five frames of 1600 flags; protocols in turn; fed octet by octet and 40 at a
     * time.
     */
    private static List<Case<Line>> edgeLines() {
        SplittableRandom fixed = new SplittableRandom(1600);
        List<Case<List<byte[]>>> shapes = List.of(
                new Case<>("[7e]", List.of(new byte[] {0x7E})),
                new Case<>("200 random", List.of(Seeds.bytes(fixed, 200, 200))),
                new Case<>("1495x7d", List.of(Seeds.filled(1495, 0x7D))),
                new Case<>("1600 random", List.of(Seeds.bytes(fixed, 1600, 1600))),
                new Case<>("5 of 1600x7e", IntStream.range(0, 5).mapToObj(k -> Seeds.filled(1600, 0x7E)).toList()));
        List<Case<Line>> lines = new ArrayList<>();
        for (int accm : new int[] {XON_XOFF, 0xFFFFFFFF}) {
            for (int options = 0; options < 4; options++) {
                TransmitConfig tx = new TransmitConfig(accm, (options & 1) != 0, (options & 2) != 0, FcsType.FCS16);
                for (Case<List<byte[]>> shape : shapes) {
                    List<Integer> protocols = IntStream.range(0, shape.input().size())
                            .mapToObj(k -> PROTOCOLS[k % PROTOCOLS.length]).toList();
                    byte[] line = encode(tx, protocols, shape.input());
                    for (List<Integer> chunks : List.of(List.of(1), List.of(40))) {
                        lines.add(new Case<>(shape + " " + tx + " chunks=" + chunks, new Line(line, chunks)));
                    }
                }
            }
        }
        return lines;
    }
}
