package io.jras.ppp.framing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Fcs32Test {

    /** CRC-32 "check" value: the complemented register after "123456789". */
    @Test
    void crc32CheckValueOf123456789IsCbf43926() {
        byte[] data = "123456789".getBytes(US_ASCII);
        assertThat(~Fcs32.update(Fcs32.INIT, data, 0, data.length)).isEqualTo(0xCBF43926);
    }

    /** RFC 1662 §C.3: the receiver runs the FCS over data and FCS and must land on GOOD. */
    @Test
    void fcsOverDataAndItsComplementedFcsLowOctetFirstIsGood() {
        byte[] frame = Arrays.copyOf("123456789".getBytes(US_ASCII), 13);
        int fcs = ~Fcs32.update(Fcs32.INIT, frame, 0, 9);
        for (int k = 0; k < 4; k++) {
            frame[9 + k] = (byte) (fcs >>> (8 * k));
        }
        assertThat(Fcs32.update(Fcs32.INIT, frame, 0, frame.length)).isEqualTo(Fcs32.GOOD);
    }

    /** Continuing from a mid-frame register (the table path) agrees with one CRC32 run. */
    @Property
    void updateCanBeSplitAnywhere(@ForAll @Size(max = 64) byte[] data, @ForAll @IntRange(max = 64) int cut) {
        int at = Math.min(cut, data.length);
        int twoPieces = Fcs32.update(Fcs32.update(Fcs32.INIT, data, 0, at), data, at, data.length - at);
        assertThat(twoPieces).isEqualTo(Fcs32.update(Fcs32.INIT, data, 0, data.length));
    }
}
