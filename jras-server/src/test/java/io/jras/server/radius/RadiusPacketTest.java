package io.jras.server.radius;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RadiusPacketTest {

    static final RadiusSecret SECRET = RadiusSecret.of("xyzzy5461");

    @Test
    void encodeDecodeRoundTrip() {
        RadiusPacket p = new RadiusPacket(RadiusPacket.ACCESS_REQUEST, 42, new byte[16], List.of(
                RadiusAttribute.string(RadiusAttribute.USER_NAME, "alice"),
                RadiusAttribute.integer(RadiusAttribute.NAS_PORT, 7),
                RadiusAttribute.vendor(311, RadiusAttribute.MS_CHAP_CHALLENGE, new byte[16])));
        byte[] b = p.encode();
        assertThat(b.length).isEqualTo(p.length()).isEqualTo(20 + 7 + 6 + 24);
        RadiusPacket back = RadiusPacket.decode(b, b.length).orElseThrow();
        assertThat(back).isEqualTo(p);
        assertThat(back.vendorAttribute(311, RadiusAttribute.MS_CHAP_CHALLENGE)).hasValueSatisfying(v -> assertThat(v).hasSize(16));
        assertThat(back.vendorAttribute(311, RadiusAttribute.MS_CHAP2_SUCCESS)).isEmpty();
        assertThat(back.attribute(RadiusAttribute.NAS_PORT).flatMap(RadiusAttribute::asInteger)).contains(7L);
    }

    @Test
    void octetsBeyondTheLengthFieldArePaddingAndAShortPacketIsDropped() {
        byte[] b = new RadiusPacket(2, 1, new byte[16], List.of()).encode();
        byte[] padded = Arrays.copyOf(b, 30);
        assertThat(RadiusPacket.decode(padded, padded.length)).isPresent();
        assertThat(RadiusPacket.decode(b, 19)).isEmpty();
        b[3] = 21; // Length larger than what arrived
        assertThat(RadiusPacket.decode(b, 20)).isEmpty();
    }

    @Test
    void randomBytesNeverThrow() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[random.nextInt(0, 300)];
            random.nextBytes(b);
            if (b.length >= 4 && random.nextBoolean()) {
                b[2] = (byte) (b.length >> 8);
                b[3] = (byte) b.length;
            }
            RadiusPacket.decode(b, b.length).ifPresent(p -> assertThat(p.length()).isLessThanOrEqualTo(b.length));
        }
    }

    @Test
    void userPasswordHidingIsReversibleAndPaddedTo16Octets() {
        byte[] ra = new byte[16];
        new SplittableRandom(3).nextBytes(ra);
        for (String password : List.of("a", "wonderland", "exactly16octets!", "a password that is longer than 32 octets")) {
            byte[] clear = password.getBytes(StandardCharsets.UTF_8);
            byte[] hidden = RadiusCrypto.hidePassword(clear, SECRET, ra);
            assertThat(hidden.length % 16).isZero();
            assertThat(hidden.length).isGreaterThanOrEqualTo(clear.length);
            if (password.length() > 3) {
                assertThat(new String(hidden, StandardCharsets.ISO_8859_1)).doesNotContain(password);
            }
            // RFC 2865 §5.2: the server undoes it chunk by chunk with the same hashes
            byte[] back = new byte[hidden.length];
            byte[] previous = ra;
            for (int i = 0; i < hidden.length; i += 16) {
                var md5 = RadiusCrypto.md5();
                md5.update("xyzzy5461".getBytes(StandardCharsets.UTF_8));
                md5.update(previous);
                byte[] h = md5.digest();
                for (int j = 0; j < 16; j++) {
                    back[i + j] = (byte) (hidden[i + j] ^ h[j]);
                }
                previous = Arrays.copyOfRange(hidden, i, i + 16);
            }
            assertThat(Arrays.copyOf(back, clear.length)).isEqualTo(clear);
            for (int i = clear.length; i < back.length; i++) {
                assertThat(back[i]).as("padding").isZero();
            }
        }
    }

    @Test
    void theSecretIsNeverPrinted() {
        assertThat(SECRET.toString()).doesNotContain("xyzzy");
        RadiusConfig c = RadiusConfig.of(RadiusConfig.parseServer("127.0.0.1:1812"), SECRET, "nas");
        assertThat(c.toString()).doesNotContain("xyzzy");
        assertThat(c.acctServer().getPort()).isEqualTo(1813);
        RadiusAttribute a = new RadiusAttribute(RadiusAttribute.USER_PASSWORD, "wonderland".getBytes(StandardCharsets.UTF_8));
        assertThat(a.toString()).doesNotContain("wonderland");
    }

    @Test
    void serverAddressesParse() {
        assertThat(RadiusConfig.parseServer("127.0.0.1").getPort()).isEqualTo(1812);
        assertThat(RadiusConfig.parseServer("[::1]:11812").getPort()).isEqualTo(11812);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RadiusConfig.parseServer("127.0.0.1:0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1-65535");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RadiusConfig.parseServer(":1812"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
