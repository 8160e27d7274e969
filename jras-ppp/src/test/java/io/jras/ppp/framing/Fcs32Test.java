package io.jras.ppp.framing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.jras.ppp.framing.Fcs16Test.Split;
import io.jras.ppp.testkit.Seeds.Case;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jras.ppp.framing.Fcs16Test#splits")
    void updateCanBeSplitAnywhere(Case<Split> c) {
        c.check(in -> {
            byte[] data = in.data();
            int at = Math.min(in.cut(), data.length);
            int twoPieces = Fcs32.update(Fcs32.update(Fcs32.INIT, data, 0, at), data, at, data.length - at);
            assertThat(twoPieces).isEqualTo(Fcs32.update(Fcs32.INIT, data, 0, data.length));
        });
    }
}
