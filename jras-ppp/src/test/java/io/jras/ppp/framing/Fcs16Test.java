package io.jras.ppp.framing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

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

    /** The sliced loop must agree with the one-bit-at-a-time definition at every length and offset. */
    @Property
    void slicedLoopMatchesBitwiseDefinition(
            @ForAll @Size(max = 80) byte[] data, @ForAll @IntRange(max = 0xFFFF) int start,
            @ForAll @IntRange(max = 7) int offset) {
        byte[] shifted = new byte[offset + data.length];
        System.arraycopy(data, 0, shifted, offset, data.length);
        assertThat(Fcs16.update(start, shifted, offset, data.length))
                .isEqualTo(bitwise(start, data));
    }

    /** Running the FCS in two pieces gives the same register as in one. */
    @Property
    void updateCanBeSplitAnywhere(@ForAll @Size(max = 64) byte[] data, @ForAll @IntRange(max = 64) int cut) {
        int at = Math.min(cut, data.length);
        int twoPieces = Fcs16.update(Fcs16.update(Fcs16.INIT, data, 0, at), data, at, data.length - at);
        assertThat(twoPieces).isEqualTo(Fcs16.update(Fcs16.INIT, data, 0, data.length));
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
