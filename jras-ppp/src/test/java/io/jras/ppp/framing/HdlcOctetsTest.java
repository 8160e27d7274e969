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
    void specialsMarksExactlyFlagsEscapesAndControls(
            @ForAll("wordsWithSpecialOctets") long word, @ForAll boolean controls) {
        long specials = HdlcOctets.specials(word, controls);
        for (int k = 0; k < 8; k++) {
            int octet = (int) (word >>> (8 * k)) & 0xFF;
            boolean expected = octet == 0x7E || octet == 0x7D || (controls && octet < 0x20);
            assertThat((specials >>> (8 * k)) & 0xFF).as("octet %d = 0x%02x", k, octet)
                    .isEqualTo(expected ? 0x80L : 0L);
        }
    }

    @Property
    void inAccmIsTheAccmBitOfControlCharactersOnly(@ForAll int accm, @ForAll byte b) {
        int octet = b & 0xFF;
        assertThat(HdlcOctets.inAccm(accm, b)).isEqualTo(octet < 0x20 && (accm & (1 << octet)) != 0);
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
