package io.jras.ppp.auth.pap;

import io.jras.ppp.auth.Octets;
import io.jras.ppp.testkit.Seeds;
import io.jras.ppp.testkit.Seeds.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PapPrinterTest {

    private static String describe(String hex) {
        return PapPrinter.describe(HexFormat.of().parseHex(hex));
    }

    @Test
    void papPrinterShowsTheUserAndHidesThePassword() {
        byte[] p = new PapPacket.AuthenticateRequest(1, Octets.utf8("alice"), Octets.utf8("wonderland")).encode();
        assertThat(PapPrinter.describe(p)).isEqualTo("AuthReq id=0x1 user=\"alice\" password=<hidden>");
    }

    @Test
    void papPrinterShowsRepliesWithTheirMessage() {
        assertThat(PapPrinter.describe(new PapPacket.AuthenticateAck(1, Octets.utf8("Login ok")).encode()))
                .isEqualTo("AuthAck id=0x1 \"Login ok\"");
        assertThat(PapPrinter.describe(new PapPacket.AuthenticateNak(0xfe, Octets.utf8("Login incorrect")).encode()))
                .isEqualTo("AuthNak id=0xfe \"Login incorrect\"");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            09010006aabb                         | code=0x9 id=0x1 <aabb>
            00070004                             | code=0x0 id=0x7
            0201                                 | short packet <0201>
            ''                                   | short packet <>
            02010003                             | AuthAck id=0x1 bad length=3 (4 octets)
            020100ff0000                         | AuthAck id=0x1 bad length=255 (6 octets)
            0101000c036162630377                 | AuthReq id=0x1 bad length=12 (10 octets)
            01010004                             | AuthReq id=0x1 malformed (0 octets hidden)
            0101000805616263                     | AuthReq id=0x1 malformed (4 octets hidden)
            0101000a0361626303777777             | AuthReq id=0x1 malformed (6 octets hidden)
            0101000c03616263037777777a7a         | AuthReq id=0x1 user="abc" password=<hidden>
            0101000e03616263037777777a7a         | AuthReq id=0x1 user="abc" password=<hidden> +2 octets
            02010004                             | AuthAck id=0x1
            030100070a6869                       | AuthNak id=0x1 malformed <0a6869>
            03010009026869ffee                   | AuthNak id=0x1 "hi" <ffee>
            020100060068ffff                     | AuthAck id=0x1 "" <68>
            """)
    void papPrinterRendersOddPacketsWithoutThrowing(String hex, String expected) {
        assertThat(describe(hex)).isEqualTo(expected);
    }

    @Test
    void papPrinterEscapesLikePppd() {
        byte[] user = {'a', '"', 'b', '\\', 'c', '\n', '\t', '\r', 0x01, (byte) 0xc3, (byte) 0xa9};
        byte[] p = new PapPacket.AuthenticateRequest(2, Octets.of(user), Octets.utf8("x")).encode();
        assertThat(PapPrinter.describe(p)).isEqualTo("AuthReq id=0x2 user=\"a\\\"b\\\\c\\n\\t\\r\\001\\303\\251\" password=<hidden>");
    }

    @Test
    void papPrinterReadsOnlyTheGivenSlice() {
        byte[] p = new PapPacket.AuthenticateAck(3, Octets.utf8("ok")).encode();
        byte[] framed = new byte[p.length + 4];
        Arrays.fill(framed, (byte) 0x55);
        System.arraycopy(p, 0, framed, 2, p.length);
        assertThat(PapPrinter.describe(framed, 2, p.length)).isEqualTo("AuthAck id=0x3 \"ok\"");
    }

    record Request(String user, String password, int cut, int lengthField, boolean overwriteLength) {
    }

    /**
     * A user of 0 to 40 letters a-z, a password of 4 to 60 letters A-Z, a cut at 0 to 200 and a
     * Length of 0 to 0xffff written or not; 500 seeds. The edge cases are the shortest and longest
     * names with cuts and Lengths around the header and at the ends of their ranges.
     */
    static Stream<Case<Request>> requests() {
        List<Case<Request>> edges = new ArrayList<>();
        for (String user : List.of("", "a", "z".repeat(40))) {
            for (String password : List.of("AAAA", "Z".repeat(60))) {
                for (int cut : new int[] {0, 1, 4, 5, 6, 200}) {
                    edges.add(Seeds.edge(String.format("user=%s password=%s cut=%d", user, password, cut),
                            new Request(user, password, cut, 0, false)));
                    for (int lengthField : new int[] {0, 4, 5, 6, 0xffff}) {
                        edges.add(Seeds.edge(String.format("user=%s password=%s cut=%d length=%d",
                                user, password, cut, lengthField), new Request(user, password, cut, lengthField, true)));
                    }
                }
            }
        }
        return Seeds.cases(edges, 500, r -> new Request(letters(r, 'a', 0, 40), letters(r, 'A', 4, 60),
                Seeds.between(r, 0, 200), Seeds.between(r, 0, 0xffff), r.nextBoolean()));
    }

    private static String letters(SplittableRandom r, char first, int minLength, int maxLength) {
        StringBuilder s = new StringBuilder();
        for (int n = Seeds.size(r, minLength, maxLength); s.length() < n; ) {
            s.append((char) (first + r.nextInt(26)));
        }
        return s.toString();
    }

    /** Whatever the Length field says and wherever the packet is cut, the password does not show. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void papPrinterNeverShowsThePassword(Case<Request> c) {
        c.check(in -> {
            String password = in.password();
            byte[] p = new PapPacket.AuthenticateRequest(1, Octets.utf8(in.user()), Octets.utf8(password)).encode();
            byte[] q = Arrays.copyOf(p, Math.min(in.cut(), p.length + 3));
            if (in.overwriteLength() && q.length >= 4) {
                q[2] = (byte) (in.lengthField() >> 8);
                q[3] = (byte) in.lengthField();
            }
            String line = PapPrinter.describe(q);
            assertThat(line).doesNotContain(password)
                    .doesNotContain(HexFormat.of().formatHex(password.getBytes(StandardCharsets.US_ASCII)));
        });
    }
}
