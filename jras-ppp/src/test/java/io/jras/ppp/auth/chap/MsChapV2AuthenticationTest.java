package io.jras.ppp.auth.chap;

import io.jras.ppp.auth.AuthConfig;
import io.jras.ppp.auth.AuthPair;
import io.jras.ppp.auth.Credentials;
import io.jras.ppp.auth.Octets;
import io.jras.ppp.auth.RecordingOutput;
import io.jras.ppp.auth.RecordingOutput.Failed;
import io.jras.ppp.auth.RecordingOutput.Succeeded;
import io.jras.ppp.auth.ScriptedRandom;
import io.jras.ppp.auth.SecretLookup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static io.jras.ppp.auth.chap.MsChapV2VectorsTest.AUTHENTICATOR_CHALLENGE;
import static io.jras.ppp.auth.chap.MsChapV2VectorsTest.AUTHENTICATOR_RESPONSE;
import static io.jras.ppp.auth.chap.MsChapV2VectorsTest.NT_RESPONSE;
import static io.jras.ppp.auth.chap.MsChapV2VectorsTest.PEER_CHALLENGE;
import static org.assertj.core.api.Assertions.assertThat;

class MsChapV2AuthenticationTest {

    static final SecretLookup SECRETS = name -> Optional.ofNullable(Map.of(
            "alice", "wonderland",
            "User", "clientPass",
            "LAB\\alice", "wonderland").get(name));
    static final AuthConfig CONFIG = AuthConfig.DEFAULTS;

    private ChapAuthenticatee authenticatee;
    private ChapAuthenticator authenticator;

    @BeforeAll
    static void rfc2759PrimitivesHoldBeforeAnyProtocolTest() {
        MsChapV2VectorsTest.verify();
    }

    private AuthPair pair(Credentials credentials, RandomGenerator eeRandom, RandomGenerator orRandom) {
        var eeOut = new RecordingOutput();
        var orOut = new RecordingOutput();
        authenticatee = new ChapAuthenticatee(new MsChapV2Digest(), credentials, CONFIG, eeRandom, eeOut);
        authenticator = new ChapAuthenticator(new MsChapV2Digest(), "labserver", SECRETS, CONFIG, orRandom, orOut);
        return new AuthPair(authenticatee, eeOut, authenticator, orOut, ChapPrinter::describe);
    }

    private AuthPair pair(Credentials credentials) {
        return pair(credentials, new SplittableRandom(11), new SplittableRandom(22));
    }

    @Test
    void msChapV2ReproducesTheRfc2759ExampleOnTheWire() {
        var pair = pair(new Credentials("User", "clientPass"),
                new ScriptedRandom(0, PEER_CHALLENGE),
                new ScriptedRandom(0x2a, AUTHENTICATOR_CHALLENGE)).start();

        assertThat(pair.authenticateeOut.takeVerdict()).isEqualTo(new Succeeded("labserver", "Access granted"));
        assertThat(pair.authenticatorOut.takeVerdict()).isEqualTo(new Succeeded("User", "Access granted"));
        String peer = HexFormat.of().formatHex(PEER_CHALLENGE);
        String nt = HexFormat.of().formatHex(NT_RESPONSE);
        assertThat(pair.trace()).isEqualTo("""
                sent  or->ee Challenge id=0x2a <5b5d7c7d7b3f2f3e3c2c602132262628>, name = "labserver"
                sent  ee->or Response id=0x2a <%s0000000000000000%s00>, name = "User"
                sent  or->ee Success id=0x2a "%s M=Access granted\"""".formatted(peer, nt, AUTHENTICATOR_RESPONSE));
        pair.authenticateeOut.assertExhausted();
        pair.authenticatorOut.assertExhausted();
    }

    @Test
    void msChapV2SucceedsWithTheRightPassword() {
        var pair = pair(new Credentials("alice", "wonderland")).start();

        assertThat(pair.authenticateeOut.takeVerdict()).isEqualTo(new Succeeded("labserver", "Access granted"));
        assertThat(pair.authenticatorOut.takeVerdict()).isEqualTo(new Succeeded("alice", "Access granted"));
        byte[] response = pair.authenticateeOut.history().get(0);
        // Value-Size 49: Peer-Challenge 16, reserved 8 zero, NT-Response 24, Flags 0
        assertThat(response[4]).isEqualTo((byte) 49);
        assertThat(Octets.copyOf(response, 5 + 16, 8)).isEqualTo(Octets.of(new byte[8]));
        assertThat(response[5 + 48]).isZero();
        assertThat(new String(response, 5 + 49, response.length - 54, StandardCharsets.UTF_8)).isEqualTo("alice");
        assertThat(ChapPrinter.describe(pair.authenticatorOut.history().get(1)))
                .matches("Success id=0x[0-9a-f]+ \"S=[0-9A-F]{40} M=Access granted\"");
    }

    @Test
    void msChapV2WrongPasswordFailsBothSidesWithTheAuthenticatorsMessage() {
        var pair = pair(new Credentials("alice", "looking-glass")).start();

        assertThat(pair.authenticatorOut.takeVerdict()).isEqualTo(new Failed("Authentication failed", false));
        assertThat(pair.authenticateeOut.takeVerdict()).isEqualTo(new Failed("Authentication failed", false));
        assertThat(authenticatee.failure()).hasValueSatisfying(f -> {
            assertThat(f.errorCode()).isEqualTo(OptionalInt.of(691));
            assertThat(f.retryAllowed()).isFalse();
        });
        assertThat(ChapPrinter.describe(pair.authenticatorOut.history().get(1)))
                .matches("Failure id=0x[0-9a-f]+ \"E=691 R=0 C=[0-9A-F]{32} V=3 M=Authentication failed\"");
    }

    @Test
    void msChapV2TamperedAuthenticatorResponseFailsTheAuthenticatee() {
        var pair = pair(new Credentials("alice", "wonderland"));
        pair.authenticator.start(pair.clock.now());
        pair.authenticatee.start(pair.clock.now());
        byte[] challenge = pair.authenticatorOut.takeSent();
        authenticatee.receive(challenge, 0, challenge.length, 0);
        byte[] response = pair.authenticateeOut.takeSent();
        authenticator.receive(response, 0, response.length, 0);
        byte[] success = pair.authenticatorOut.takeSent();
        assertThat(pair.authenticatorOut.takeVerdict()).isEqualTo(new Succeeded("alice", "Access granted"));

        // one hex digit of S= changed on the way: whoever sent it does not know the password
        success[4 + 2] = (byte) (success[4 + 2] == '0' ? '1' : '0');
        authenticatee.receive(success, 0, success.length, 0);

        assertThat(pair.authenticateeOut.takeVerdict()).isEqualTo(new Failed("authenticator response mismatch", false));
        assertThat(authenticatee.state()).isEqualTo(ChapAuthenticatee.State.BAD_AUTH);
        assertThat(authenticatee.failure()).contains(ChapFailure.of("authenticator response mismatch"));
    }

    @Test
    void msChapV2SuccessWithoutAnAuthenticatorResponseFailsTheAuthenticatee() {
        var out = new RecordingOutput();
        var ee = new ChapAuthenticatee(new MsChapV2Digest(), new Credentials("alice", "wonderland"), CONFIG,
                new SplittableRandom(3), out);
        ee.start(0);
        byte[] challenge = new ChapPacket.Challenge(1, Octets.of(AUTHENTICATOR_CHALLENGE), Octets.utf8("x")).encode();
        ee.receive(challenge, 0, challenge.length, 0);
        out.takeSent();
        byte[] success = new ChapPacket.Success(1, Octets.utf8("Access granted")).encode();
        ee.receive(success, 0, success.length, 0);
        assertThat(out.takeVerdict()).isEqualTo(new Failed("authenticator response missing", false));
        out.assertExhausted();
    }

    @Test
    void msChapV2DomainUserIsLookedUpWholeAndHashedWithoutTheDomain() {
        var pair = pair(new Credentials("LAB\\alice", "wonderland")).start();
        assertThat(pair.authenticatorOut.takeVerdict()).isEqualTo(new Succeeded("LAB\\alice", "Access granted"));
        assertThat(pair.authenticateeOut.takeVerdict()).isEqualTo(new Succeeded("labserver", "Access granted"));

        // the NT-Response is the one for the bare name "alice"
        byte[] response = pair.authenticateeOut.history().get(0);
        byte[] challenge = pair.authenticatorOut.history().get(0);
        byte[] auth = Octets.copyOf(challenge, 5, 16).toByteArray();
        byte[] peer = Octets.copyOf(response, 5, 16).toByteArray();
        assertThat(Octets.copyOf(response, 5 + 24, 24).toByteArray()).isEqualTo(
                MsChapV2.generateNtResponse(auth, peer, "alice".getBytes(StandardCharsets.US_ASCII), "wonderland"));
    }

    @Test
    void msChapV2RetransmittedChallengeGetsTheSameResponse() {
        var pair = pair(new Credentials("alice", "wonderland"));
        pair.dropNextFromAuthenticatee(1); // the first Response is lost
        pair.start();
        pair.advance(Duration.ofSeconds(3));

        assertThat(pair.authenticateeOut.takeVerdict()).isEqualTo(new Succeeded("labserver", "Access granted"));
        assertThat(pair.authenticatorOut.takeVerdict()).isEqualTo(new Succeeded("alice", "Access granted"));
        var responses = pair.authenticateeOut.history();
        assertThat(responses).hasSizeGreaterThanOrEqualTo(2);
        assertThat(responses).allSatisfy(r -> assertThat(r).isEqualTo(responses.get(0)));
        assertThat(pair.authenticatorOut.verdictCount()).isEqualTo(1);
        assertThat(pair.authenticateeOut.verdictCount()).isEqualTo(1);
    }

    @Test
    void msChapV2ChallengeOfTheWrongSizeIsDiscarded() {
        var out = new RecordingOutput();
        var ee = new ChapAuthenticatee(new MsChapV2Digest(), new Credentials("alice", "wonderland"), CONFIG,
                new SplittableRandom(3), out);
        ee.start(0);
        byte[] challenge = new ChapPacket.Challenge(1, Octets.of(new byte[8]), Octets.utf8("x")).encode();
        ee.receive(challenge, 0, challenge.length, 0);
        assertThat(ee.discarded()).isEqualTo(1);
        assertThat(ee.state()).isEqualTo(ChapAuthenticatee.State.LISTEN);
        out.assertExhausted();
    }

    @Test
    void msChapV2ResponseOfTheWrongSizeIsRefused() {
        var out = new RecordingOutput();
        var or = new ChapAuthenticator(new MsChapV2Digest(), "labserver", SECRETS, CONFIG, new SplittableRandom(5), out);
        or.start(0);
        int id = out.takeSent()[1] & 0xff;
        byte[] response = new ChapPacket.Response(id, Octets.of(new byte[16]), Octets.utf8("alice")).encode();
        or.receive(response, 0, response.length, 0);
        assertThat(ChapPrinter.describe(out.takeSent())).contains("\"E=691 R=0 C=");
        assertThat(out.takeVerdict()).isEqualTo(new Failed("Authentication failed", false));
    }

    @Test
    void msChapV2FailureMessagesAreReadAsRfc2759Section6Says() {
        var digest = new MsChapV2Digest();
        assertThat(digest.interpretFailure(Octets.utf8("E=691 R=1 C=00112233445566778899AABBCCDDEEFF V=3 M=Bad password")))
                .isEqualTo(new ChapFailure("Bad password", OptionalInt.of(691), true));
        assertThat(digest.interpretFailure(Octets.utf8("E=648 R=0 C=00112233445566778899AABBCCDDEEFF V=3")))
                .isEqualTo(new ChapFailure("Password expired", OptionalInt.of(648), false));
        assertThat(digest.interpretFailure(Octets.utf8("E=123 R=0")))
                .isEqualTo(new ChapFailure("E=123 R=0", OptionalInt.of(123), false));
        assertThat(digest.interpretFailure(Octets.utf8("E= M=odd")))
                .isEqualTo(new ChapFailure("odd", OptionalInt.empty(), false));
        assertThat(digest.interpretFailure(Octets.utf8("I don't like you.  Go 'way.")))
                .isEqualTo(ChapFailure.of("I don't like you.  Go 'way."));
        assertThat(digest.interpretFailure(Octets.utf8("E=99999999999999999999")).errorCode())
                .isEqualTo(OptionalInt.of(999999999));
        assertThat(digest.interpretFailure(Octets.empty())).isEqualTo(ChapFailure.of("CHAP Failure without a message"));
    }

    @Test
    void msChapV2SuccessMessagesAreReadAsPppdReadsThem() {
        var digest = new MsChapV2Digest();
        var answer = new ChapDigest.Answer(Octets.of(new byte[49]), Octets.fromHex("407A5589115FD0D6209F510FE9C04566932CDA56"));
        String s = AUTHENTICATOR_RESPONSE;
        assertThat(digest.checkSuccess(answer, Octets.utf8(s + " M=Welcome"))).isEqualTo(new ChapDigest.SuccessCheck(true, "Welcome"));
        assertThat(digest.checkSuccess(answer, Octets.utf8(s))).isEqualTo(new ChapDigest.SuccessCheck(true, ""));
        assertThat(digest.checkSuccess(answer, Octets.utf8(s + "M=Welcome"))).isEqualTo(new ChapDigest.SuccessCheck(true, "Welcome"));
        assertThat(digest.checkSuccess(answer, Octets.utf8(s.toLowerCase().replace("s=", "S="))).accepted()).isTrue();
        assertThat(digest.checkSuccess(answer, Octets.utf8("S=407A5589115FD0D6209F510FE9C04566932CDA5")))
                .isEqualTo(new ChapDigest.SuccessCheck(false, "authenticator response missing"));
        assertThat(digest.checkSuccess(answer, Octets.utf8("S=407A5589115FD0D6209F510FE9C04566932CDA5G M=x")))
                .isEqualTo(new ChapDigest.SuccessCheck(false, "authenticator response mismatch"));
        assertThat(digest.checkSuccess(answer, Octets.utf8("S=0000000000000000000000000000000000000000 M=x")))
                .isEqualTo(new ChapDigest.SuccessCheck(false, "authenticator response mismatch"));
    }
}
