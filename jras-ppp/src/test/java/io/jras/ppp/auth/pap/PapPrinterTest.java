package io.jras.ppp.auth.pap;

import io.jras.ppp.auth.Octets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

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

    /** Whatever the Length field says and wherever the packet is cut, the password does not show. */
    @Property(tries = 500)
    void papPrinterNeverShowsThePassword(@ForAll @StringLength(min = 0, max = 40) @CharRange(from = 'a', to = 'z') String user,
                                         @ForAll @StringLength(min = 4, max = 60) @CharRange(from = 'A', to = 'Z') String password,
                                         @ForAll @IntRange(max = 200) int cut,
                                         @ForAll @IntRange(max = 0xffff) int lengthField,
                                         @ForAll boolean overwriteLength) {
        byte[] p = new PapPacket.AuthenticateRequest(1, Octets.utf8(user), Octets.utf8(password)).encode();
        byte[] q = Arrays.copyOf(p, Math.min(cut, p.length + 3));
        if (overwriteLength && q.length >= 4) {
            q[2] = (byte) (lengthField >> 8);
            q[3] = (byte) lengthField;
        }
        String line = PapPrinter.describe(q);
        assertThat(line).doesNotContain(password)
                .doesNotContain(HexFormat.of().formatHex(password.getBytes(StandardCharsets.US_ASCII)));
    }
}
