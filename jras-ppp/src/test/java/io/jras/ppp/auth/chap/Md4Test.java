package io.jras.ppp.auth.chap;

import io.jras.ppp.testkit.Seeds;
import io.jras.ppp.testkit.Seeds.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class Md4Test {

    private static String md4(byte[] data) {
        return HexFormat.of().formatHex(Md4.digest(data));
    }

    /** RFC 1320 Appendix A.5, the test suite. */
    @ParameterizedTest(name = "MD4 (\"{0}\") = {1}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            ''                                                                               | 31d6cfe0d16ae931b73c59d7e0c089c0
            a                                                                                | bde52cb31de33e46245e05fbdbd6fb24
            abc                                                                              | a448017aaf21d8525fc10ae87aa6729d
            message digest                                                                   | d9130a8164549fe818874806e1c7014b
            abcdefghijklmnopqrstuvwxyz                                                       | d79e1c308aa5bbcdeea8ed63df412da9
            ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789                   | 043f8582f241db351ce627e153e7f0e4
            12345678901234567890123456789012345678901234567890123456789012345678901234567890 | e33b4ddc9c38f2199c3e7b164fcc0536
            """)
    void md4MatchesTheRfc1320TestSuite(String input, String digest) {
        assertThat(md4(input.getBytes(StandardCharsets.US_ASCII))).isEqualTo(digest);
    }

    /** Around the padding boundaries, against OpenSSL's legacy MD4 ("a" repeated n times). */
    @ParameterizedTest(name = "MD4 (\"a\" x {0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            55   | c889c81dd86c4d2e025778944ea02881
            56   | d5f9a9e9257077a5f08b0b92f348b0ad
            63   | 7ea3da77432d44c323671097d1348fc8
            64   | 52f5076fabd22680234a3fa9f9dc5732
            65   | 330e377bf231f3cacfecc2c182fe7e5b
            119  | e65dd227ccef97fa1d34d70189120f76
            120  | b03ddbd470b47c013e0c7ab2ddd763db
            1000 | 5f1bf26a8067c9159b91f1440f7c9e8a
            """)
    void md4PadsCorrectlyAroundBlockBoundaries(int n, String digest) {
        assertThat(md4("a".repeat(n).getBytes(StandardCharsets.US_ASCII))).isEqualTo(digest);
    }

    record Pieces(byte[] data, int piece) {
    }

    /**
     * Up to 300 octets fed 1 to 70 at a time; 1000 seeds. The edge cases are the usual arrays, and
     * arrays of the lengths around the padding boundaries, in the smallest and largest pieces and
     * in pieces that straddle a block.
     */
    static Stream<Case<Pieces>> pieces() {
        List<Case<byte[]>> datas = new ArrayList<>(Seeds.edgeBytes(0, 300));
        for (int n : new int[] {55, 56, 63, 64, 65, 119, 120, 128}) {
            datas.add(new Case<>(n + "xff", Seeds.filled(n, 0xFF)));
        }
        List<Case<Pieces>> edges = new ArrayList<>();
        for (Case<byte[]> data : datas) {
            for (int piece : new int[] {1, 2, 63, 64, 65, 69, 70}) {
                edges.add(Seeds.edge(data + " piece=" + piece, new Pieces(data.input(), piece)));
            }
        }
        return Seeds.cases(edges, 1000, r -> new Pieces(Seeds.bytes(r, 0, 300), Seeds.between(r, 1, 70)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pieces")
    void md4FedInPiecesEqualsMd4InOneGo(Case<Pieces> c) {
        c.check(in -> {
            byte[] data = in.data();
            int piece = in.piece();
            Md4 md4 = new Md4();
            for (int off = 0; off < data.length; off += piece) {
                md4.update(data, off, Math.min(piece, data.length - off));
            }
            assertThat(md4.digest()).isEqualTo(Md4.digest(data));
            // digest() resets the instance
            assertThat(HexFormat.of().formatHex(md4.digest())).isEqualTo("31d6cfe0d16ae931b73c59d7e0c089c0");
        });
    }

    @Test
    void md4InstanceIsReusableAfterDigest() {
        Md4 md4 = new Md4();
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        md4.update(abc, 0, 3);
        md4.digest();
        md4.update(abc, 0, 3);
        assertThat(HexFormat.of().formatHex(md4.digest())).isEqualTo("a448017aaf21d8525fc10ae87aa6729d");
    }
}
