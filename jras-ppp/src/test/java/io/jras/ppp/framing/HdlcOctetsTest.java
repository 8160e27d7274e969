package io.jras.ppp.framing;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class HdlcOctetsTest {

    /** The word-at-a-time test marks exactly the octets the one-at-a-time rules would. */
    @Property(tries = 5000)
    void specialsMarksExactlyFlagsEscapesAndControlsInTheAccm(
            @ForAll("wordsWithSpecialOctets") long word, @ForAll("accms") int accm) {
        long specials = HdlcOctets.specials(word, accm);
        for (int k = 0; k < 8; k++) {
            byte b = (byte) (word >>> (8 * k));
            int octet = b & 0xFF;
            boolean expected = octet == 0x7E || octet == 0x7D || HdlcOctets.inAccm(accm, b);
            assertThat((specials >>> (8 * k)) & 0xFF).as("octet %d = 0x%02x", k, octet)
                    .isEqualTo(expected ? 0x80L : 0L);
        }
    }

    @Property
    void inAccmIsTheAccmBitOfControlCharactersOnly(@ForAll int accm, @ForAll byte b) {
        int octet = b & 0xFF;
        assertThat(HdlcOctets.inAccm(accm, b)).isEqualTo(octet < 0x20 && (accm & (1 << octet)) != 0);
    }

    /** Eight octets stuffed at once come out as RFC 1662 §4.2 escapes them one by one. */
    @Property(tries = 5000)
    void stuffingAWordEscapesEachMarkedOctet(
            @ForAll("wordsWithSpecialOctets") long word, @ForAll("accms") int accm) {
        byte[] out = new byte[16];
        int n = OctetStuffing.stuff(word, HdlcOctets.specials(word, accm), out, 0);
        StringBuilder expected = new StringBuilder();
        for (int k = 0; k < 8; k++) {
            byte b = (byte) (word >>> (8 * k));
            if (b == 0x7E || b == 0x7D || HdlcOctets.inAccm(accm, b)) {
                expected.append(String.format("7d %02x ", (b ^ 0x20) & 0xFF));
            } else {
                expected.append(String.format("%02x ", b & 0xFF));
            }
        }
        assertThat(Hex.encode(out, 0, n)).isEqualTo(expected.toString().trim());
    }

    @Provide
    Arbitrary<Integer> accms() {
        return Arbitraries.oneOf(Arbitraries.of(0, 0xFFFFFFFF, 0x000A0000), Arbitraries.integers());
    }

    @Provide
    Arbitrary<Long> wordsWithSpecialOctets() {
        Arbitrary<Integer> octet = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(0x7E, 0x7D, 0x00, 0x1F, 0x20, 0x7F, 0x80, 0xFE)),
                Tuple.of(1, Arbitraries.integers().between(0, 255)));
        return octet.list().ofSize(8).map(list -> {
            long w = 0;
            for (int k = 0; k < 8; k++) {
                w |= (long) list.get(k) << (8 * k);
            }
            return w;
        });
    }
}
