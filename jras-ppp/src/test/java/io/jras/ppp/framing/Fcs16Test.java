package io.jras.ppp.framing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.jras.ppp.testkit.Seeds;
import io.jras.ppp.testkit.Seeds.Case;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Fcs16Test {

    /** CRC-16/X-25 "check" value: the complemented register after "123456789". */
    @Test
    void crc16X25CheckValueOf123456789Is906e() {
        byte[] data = "123456789".getBytes(US_ASCII);
        assertThat(Fcs16.update(Fcs16.INIT, data, 0, data.length) ^ 0xFFFF).isEqualTo(0x906E);
    }

    /** RFC 1662 §C.2: the receiver runs the FCS over data and FCS and must land on GOOD. */
    @Test
    void fcsOverDataAndItsComplementedFcsLowOctetFirstIsGood() {
        byte[] frame = Arrays.copyOf("123456789".getBytes(US_ASCII), 11);
        int fcs = Fcs16.update(Fcs16.INIT, frame, 0, 9) ^ 0xFFFF;
        frame[9] = (byte) fcs;
        frame[10] = (byte) (fcs >>> 8);
        assertThat(Fcs16.update(Fcs16.INIT, frame, 0, frame.length)).isEqualTo(Fcs16.GOOD);
    }

    /** Octets from a real LCP Configure-Request capture (see HdlcEncoderTest); its FCS was 0xa759. */
    @Test
    void capturedLcpConfigureRequestHasGoodFcs() {
        byte[] frame = Hex.decode("ff 03 c0 21 01 01 00 19 02 06 00 00 00 00 03 05 c2 23 05 05 06 b9 01 af"
                + " 08 07 02 08 02  59 a7");
        assertThat(Fcs16.update(Fcs16.INIT, frame, 0, frame.length)).isEqualTo(Fcs16.GOOD);
    }

    @Test
    void emptyRangeLeavesTheRegisterAlone() {
        assertThat(Fcs16.update(0x1234, new byte[3], 1, 0)).isEqualTo(0x1234);
    }

    record Slice(byte[] data, int start, int offset) {
    }

    /** Up to 80 octets, any 16-bit register, at offsets 0 to 7. */
    static Stream<Case<Slice>> slices() {
        List<Case<Slice>> edges = new ArrayList<>();
        for (Case<byte[]> data : Seeds.edgeBytes(0, 80)) {
            for (int start : new int[] {0, 1, 0xFFFE, 0xFFFF}) {
                for (int offset : new int[] {0, 1, 7}) {
                    edges.add(Seeds.edge(String.format("%s start=0x%04x offset=%d", data, start, offset),
                            new Slice(data.input(), start, offset)));
                }
            }
        }
        return Seeds.cases(edges, 1000, r -> new Slice(Seeds.bytes(r, 0, 80),
                Seeds.between(r, 0, 0xFFFF), Seeds.between(r, 0, 7)));
    }

    /** The sliced loop must agree with the one-bit-at-a-time definition at every length and offset. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("slices")
    void slicedLoopMatchesBitwiseDefinition(Case<Slice> c) {
        c.check(in -> {
            byte[] shifted = new byte[in.offset() + in.data().length];
            System.arraycopy(in.data(), 0, shifted, in.offset(), in.data().length);
            assertThat(Fcs16.update(in.start(), shifted, in.offset(), in.data().length))
                    .isEqualTo(bitwise(in.start(), in.data()));
        });
    }

    record Split(byte[] data, int cut) {
    }

    /** Up to 64 octets cut at 0 to 64 (a cut past the end is the end); shared with Fcs32Test. */
    static Stream<Case<Split>> splits() {
        List<Case<Split>> edges = new ArrayList<>();
        for (Case<byte[]> data : Seeds.edgeBytes(0, 64)) {
            for (int cut : new int[] {0, 1, 32, 63, 64}) {
                edges.add(Seeds.edge(data + " cut=" + cut, new Split(data.input(), cut)));
            }
        }
        return Seeds.cases(edges, 1000, r -> new Split(Seeds.bytes(r, 0, 64), Seeds.between(r, 0, 64)));
    }

    /** Running the FCS in two pieces gives the same register as in one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("splits")
    void updateCanBeSplitAnywhere(Case<Split> c) {
        c.check(in -> {
            byte[] data = in.data();
            int at = Math.min(in.cut(), data.length);
            int twoPieces = Fcs16.update(Fcs16.update(Fcs16.INIT, data, 0, at), data, at, data.length - at);
            assertThat(twoPieces).isEqualTo(Fcs16.update(Fcs16.INIT, data, 0, data.length));
        });
    }

    /** The FCS as RFC 1662 §C.2 defines it, bit by bit, with no tables. */
    static int bitwise(int fcs, byte[] data) {
        for (byte b : data) {
            fcs ^= b & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                fcs = (fcs & 1) != 0 ? (fcs >>> 1) ^ 0x8408 : fcs >>> 1;
            }
        }
        return fcs;
    }
}
