package io.jras.ppp.framing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.ppp.testkit.Seeds;
import io.jras.ppp.testkit.Seeds.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HdlcOctetsTest {

    private static final int[] SPECIAL_OCTETS = {0x7E, 0x7D, 0x00, 0x1F, 0x20, 0x7F, 0x80, 0xFE};

    record WordAndAccm(long word, int accm) {
    }

    /**
     * Eight octets, each half the time one of {@link #SPECIAL_OCTETS} and else any, with a map that
     * is half the time 0, all ones or XON/XOFF and else any int; 5000 seeds. The edge cases are
     * words of one octet repeated, and of the special octets, under each of those maps and the
     * boundary ints.
     */
    static Stream<Case<WordAndAccm>> wordsWithSpecialOctets() {
        List<Case<WordAndAccm>> edges = new ArrayList<>();
        List<Long> words = new ArrayList<>(List.of(0L, -1L, 0x7D7E7D7E7D7E7D7EL, 0x0706050403020100L,
                0xFE80_7F20_1F00_7D7EL, 0x7E7D_001F_207F_80FEL));
        for (int octet : SPECIAL_OCTETS) {
            words.add(0x0101010101010101L * octet);
        }
        for (long word : words) {
            for (int accm : new int[] {0, 0xFFFFFFFF, 0x000A0000, 1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
                edges.add(Seeds.edge(String.format("word=%016x accm=%08x", word, accm),
                        new WordAndAccm(word, accm)));
            }
        }
        return Seeds.cases(edges, 5000, r -> new WordAndAccm(word(r), accm(r)));
    }

    private static long word(SplittableRandom r) {
        long w = 0;
        for (int k = 0; k < 8; k++) {
            long octet = r.nextBoolean() ? Seeds.oneOf(r, SPECIAL_OCTETS) : r.nextInt(256);
            w |= octet << (8 * k);
        }
        return w;
    }

    private static int accm(SplittableRandom r) {
        return r.nextBoolean() ? Seeds.oneOf(r, 0, 0xFFFFFFFF, 0x000A0000) : Seeds.anyInt(r);
    }

    /** The word-at-a-time test marks exactly the octets the one-at-a-time rules would. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("wordsWithSpecialOctets")
    void specialsMarksExactlyFlagsEscapesAndControlsInTheAccm(Case<WordAndAccm> c) {
        c.check(in -> {
            long word = in.word();
            int accm = in.accm();
            long specials = HdlcOctets.specials(word, accm);
            for (int k = 0; k < 8; k++) {
                byte b = (byte) (word >>> (8 * k));
                int octet = b & 0xFF;
                boolean expected = octet == 0x7E || octet == 0x7D || HdlcOctets.inAccm(accm, b);
                assertThat((specials >>> (8 * k)) & 0xFF).as("octet %d = 0x%02x", k, octet)
                        .isEqualTo(expected ? 0x80L : 0L);
            }
        });
    }

    /** Any map: the boundary ints, then 1000 seeds; each against every one of the 256 octets. */
    static Stream<Case<Integer>> accms() {
        List<Case<Integer>> edges = new ArrayList<>();
        for (int accm : Seeds.edgeInts()) {
            edges.add(Seeds.edge(String.format("accm=%08x", accm), accm));
        }
        edges.add(Seeds.edge("accm=000a0000", 0x000A0000));
        return Seeds.cases(edges, 1000, Seeds::anyInt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accms")
    void inAccmIsTheAccmBitOfControlCharactersOnly(Case<Integer> c) {
        c.check(accm -> {
            for (int octet = 0; octet < 256; octet++) {
                assertThat(HdlcOctets.inAccm(accm, (byte) octet)).as("octet 0x%02x", octet)
                        .isEqualTo(octet < 0x20 && (accm & (1 << octet)) != 0);
            }
        });
    }

    /** Eight octets stuffed at once come out as RFC 1662 §4.2 escapes them one by one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("wordsWithSpecialOctets")
    void stuffingAWordEscapesEachMarkedOctet(Case<WordAndAccm> c) {
        c.check(in -> stuffsAsOneByOne(in.word(), in.accm()));
    }

    private static void stuffsAsOneByOne(long word, int accm) {
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
}
