package io.jras.ppp.auth.chap;

import io.jras.ppp.auth.Octets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class ChapPrinterTest {

    private static String describe(String hex) {
        return ChapPrinter.describe(HexFormat.of().parseHex(hex));
    }

    @Test
    void chapPrinterShowsChallengeValueAndName() {
        byte[] p = new ChapPacket.Challenge(1, Octets.fromHex("5b5d7c7d7b3f2f3e3c2c602132262628"),
                Octets.utf8("labserver")).encode();
        assertThat(ChapPrinter.describe(p))
                .isEqualTo("Challenge id=0x1 <5b5d7c7d7b3f2f3e3c2c602132262628>, name = \"labserver\"");
    }

    @Test
    void chapPrinterShowsResponseValueAndName() {
        byte[] p = new ChapPacket.Response(0x1f, Octets.fromHex("d0746cfec3b68995b2f59f07ab80adfd"),
                Octets.utf8("alice")).encode();
        assertThat(ChapPrinter.describe(p))
                .isEqualTo("Response id=0x1f <d0746cfec3b68995b2f59f07ab80adfd>, name = \"alice\"");
    }

    @Test
    void chapPrinterShowsSuccessAndFailureMessages() {
        assertThat(ChapPrinter.describe(new ChapPacket.Success(1,
                Octets.utf8("S=407A5589115FD0D6209F510FE9C04566932CDA56 M=Access granted")).encode()))
                .isEqualTo("Success id=0x1 \"S=407A5589115FD0D6209F510FE9C04566932CDA56 M=Access granted\"");
        assertThat(ChapPrinter.describe(new ChapPacket.Failure(1,
                Octets.utf8("E=691 R=0 C=00112233445566778899AABBCCDDEEFF V=3 M=Authentication failed")).encode()))
                .isEqualTo("Failure id=0x1 \"E=691 R=0 C=00112233445566778899AABBCCDDEEFF V=3 M=Authentication failed\"");
        assertThat(ChapPrinter.describe(new ChapPacket.Success(2, Octets.empty()).encode()))
                .isEqualTo("Success id=0x2 \"\"");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            09010006aabb             | code=0x9 id=0x1 <aabb>
            05020004                 | code=0x5 id=0x2
            0101                     | short packet <0101>
            01010003                 | Challenge id=0x1 bad length=3 (4 octets)
            0101002010aa             | Challenge id=0x1 bad length=32 (6 octets)
            01010004                 | Challenge id=0x1 malformed <>
            0201000500               | Response id=0x1 malformed <00>
            0201000703aabb           | Response id=0x1 malformed <03aabb>
            0201000601aa             | Response id=0x1 <aa>, name = ""
            0201000601aaffff         | Response id=0x1 <aa>, name = ""
            0401000622ff             | Failure id=0x1 "\\"\\377"
            """)
    void chapPrinterRendersOddPacketsWithoutThrowing(String hex, String expected) {
        assertThat(describe(hex)).isEqualTo(expected);
    }
}
