package io.jras.ppp.auth.chap;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MS-CHAPv2 primitives against the example of RFC 2759 §9.2, one step at a time. The protocol
 * tests check the same vectors in a {@code @BeforeAll} through {@link #verify()}, so that they never
 * run over broken primitives.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MsChapV2VectorsTest {

    static final byte[] USER_NAME = "User".getBytes(StandardCharsets.US_ASCII);
    static final String PASSWORD = "clientPass";
    static final byte[] AUTHENTICATOR_CHALLENGE = hex("5B5D7C7D7B3F2F3E3C2C602132262628");
    static final byte[] PEER_CHALLENGE = hex("21402324255E262A28295F2B3A337C7E");
    static final byte[] CHALLENGE = hex("D02E4386BCE91226");
    static final byte[] PASSWORD_HASH = hex("44EBBA8D5312B8D611474411F56989AE");
    static final byte[] NT_RESPONSE = hex("82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF");
    static final byte[] PASSWORD_HASH_HASH = hex("41C00C584BD2D91C4017A2A12FA59F3F");
    static final String AUTHENTICATOR_RESPONSE = "S=407A5589115FD0D6209F510FE9C04566932CDA56";

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    /** All of RFC 2759 §9.2 at once; throws AssertionError on the first mismatch. */
    static void verify() {
        assertThat(MsChapV2.ntPasswordHash(PASSWORD)).as("NtPasswordHash").isEqualTo(PASSWORD_HASH);
        assertThat(MsChapV2.hashNtPasswordHash(PASSWORD_HASH)).as("HashNtPasswordHash").isEqualTo(PASSWORD_HASH_HASH);
        assertThat(MsChapV2.challengeHash(PEER_CHALLENGE, AUTHENTICATOR_CHALLENGE, USER_NAME)).as("ChallengeHash").isEqualTo(CHALLENGE);
        assertThat(MsChapV2.challengeResponse(CHALLENGE, PASSWORD_HASH)).as("ChallengeResponse").isEqualTo(NT_RESPONSE);
        assertThat(MsChapV2.generateNtResponse(AUTHENTICATOR_CHALLENGE, PEER_CHALLENGE, USER_NAME, PASSWORD))
                .as("GenerateNTResponse").isEqualTo(NT_RESPONSE);
        assertThat(MsChapV2.authenticatorResponseText(MsChapV2.generateAuthenticatorResponse(
                PASSWORD, NT_RESPONSE, PEER_CHALLENGE, AUTHENTICATOR_CHALLENGE, USER_NAME)))
                .as("GenerateAuthenticatorResponse").isEqualTo(AUTHENTICATOR_RESPONSE);
    }

    @Test
    @Order(1)
    void ntPasswordHashIsMd4OfTheUnicodePassword() {
        assertThat(MsChapV2.ntPasswordHash(PASSWORD)).isEqualTo(PASSWORD_HASH);
    }

    @Test
    @Order(2)
    void hashNtPasswordHashMatchesRfc2759Example() {
        assertThat(MsChapV2.hashNtPasswordHash(PASSWORD_HASH)).isEqualTo(PASSWORD_HASH_HASH);
    }

    @Test
    @Order(3)
    void challengeHashMatchesRfc2759Example() {
        assertThat(MsChapV2.challengeHash(PEER_CHALLENGE, AUTHENTICATOR_CHALLENGE, USER_NAME)).isEqualTo(CHALLENGE);
    }

    @Test
    @Order(4)
    void challengeHashIgnoresTheDomainPrefix() {
        byte[] qualified = "LAB\\User".getBytes(StandardCharsets.US_ASCII);
        assertThat(MsChapV2.challengeHash(PEER_CHALLENGE, AUTHENTICATOR_CHALLENGE, qualified)).isEqualTo(CHALLENGE);
        assertThat(MsChapV2.withoutDomain("A\\B\\User".getBytes(StandardCharsets.US_ASCII))).isEqualTo(USER_NAME);
        assertThat(MsChapV2.withoutDomain("User\\".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    @Order(5)
    void challengeResponseMatchesRfc2759Example() {
        assertThat(MsChapV2.challengeResponse(CHALLENGE, PASSWORD_HASH)).isEqualTo(NT_RESPONSE);
    }

    @Test
    @Order(6)
    void generateNtResponseMatchesRfc2759Example() {
        assertThat(MsChapV2.generateNtResponse(AUTHENTICATOR_CHALLENGE, PEER_CHALLENGE, USER_NAME, PASSWORD))
                .isEqualTo(NT_RESPONSE);
    }

    @Test
    @Order(7)
    void generateAuthenticatorResponseMatchesRfc2759Example() {
        byte[] response = MsChapV2.generateAuthenticatorResponse(PASSWORD, NT_RESPONSE, PEER_CHALLENGE,
                AUTHENTICATOR_CHALLENGE, USER_NAME);
        assertThat(MsChapV2.authenticatorResponseText(response)).isEqualTo(AUTHENTICATOR_RESPONSE);
    }

    @Test
    @Order(8)
    void checkAuthenticatorResponseAcceptsOnlyTheExactResponse() {
        assertThat(MsChapV2.checkAuthenticatorResponse(PASSWORD, NT_RESPONSE, PEER_CHALLENGE,
                AUTHENTICATOR_CHALLENGE, USER_NAME, AUTHENTICATOR_RESPONSE)).isTrue();
        assertThat(MsChapV2.checkAuthenticatorResponse(PASSWORD, NT_RESPONSE, PEER_CHALLENGE,
                AUTHENTICATOR_CHALLENGE, USER_NAME, "S=407A5589115FD0D6209F510FE9C04566932CDA57")).isFalse();
        assertThat(MsChapV2.checkAuthenticatorResponse("serverPass", NT_RESPONSE, PEER_CHALLENGE,
                AUTHENTICATOR_CHALLENGE, USER_NAME, AUTHENTICATOR_RESPONSE)).isFalse();
        assertThat(MsChapV2.checkAuthenticatorResponse(PASSWORD, NT_RESPONSE, PEER_CHALLENGE,
                AUTHENTICATOR_CHALLENGE, USER_NAME, "")).isFalse();
    }

    @Test
    @Order(9)
    void desKeysGetOddParity() {
        // 56 one bits → every octet 0xfe plus a parity bit: seven ones, so the low bit stays 0
        assertThat(MsChapV2.desKey(hex("ffffffffffffff"), 0)).isEqualTo(hex("fefefefefefefefe"));
        assertThat(MsChapV2.desKey(hex("00000000000000"), 0)).isEqualTo(hex("0101010101010101"));
        for (byte b : MsChapV2.desKey(hex("0123456789abcd"), 0)) {
            assertThat(Integer.bitCount(b & 0xff) % 2).isEqualTo(1);
        }
    }
}
