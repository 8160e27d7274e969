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
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChapMd5AuthenticationTest {

    static final SecretLookup SECRETS = name -> Optional.ofNullable(Map.of("alice", "wonderland").get(name));
    static final AuthConfig CONFIG = AuthConfig.DEFAULTS;
    static final byte[] CHALLENGE = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");

    private ChapAuthenticatee authenticatee;
    private ChapAuthenticator authenticator;

    /** The authenticator starts at id 1 with the challenge 00 01 .. 0f. */
    private AuthPair pair(Credentials credentials) {
        return pair(credentials, new ScriptedRandom(1, CHALLENGE));
    }

    private AuthPair pair(Credentials credentials, RandomGenerator authenticatorRandom) {
        var eeOut = new RecordingOutput();
        var orOut = new RecordingOutput();
        authenticatee = new ChapAuthenticatee(new Md5Digest(), credentials, CONFIG, new SplittableRandom(7), eeOut);
        authenticator = new ChapAuthenticator(new Md5Digest(), "labserver", SECRETS, CONFIG, authenticatorRandom, orOut);
        return new AuthPair(authenticatee, eeOut, authenticator, orOut, ChapPrinter::describe);
    }

    private static String hex(byte[] p) {
        return HexFormat.of().formatHex(p);
    }

    @Test
    void chapMd5SucceedsWithTheRightSecret() {
        var pair = pair(new Credentials("alice", "wonderland")).start();

        assertThat(pair.authenticateeOut.takeVerdict()).isEqualTo(new Succeeded("labserver", "Access granted"));
        assertThat(pair.authenticatorOut.takeVerdict()).isEqualTo(new Succeeded("alice", "Access granted"));
        assertThat(authenticator.peerName()).contains("alice");
        assertThat(authenticatee.state()).isEqualTo(ChapAuthenticatee.State.OPEN);
        assertThat(authenticator.state()).isEqualTo(ChapAuthenticator.State.OPEN);
        // MD5(0x01 || "wonderland" || 00..0f), computed independently
        assertThat(pair.trace()).isEqualTo("""
                sent  or->ee Challenge id=0x1 <000102030405060708090a0b0c0d0e0f>, name = "labserver"
                sent  ee->or Response id=0x1 <d0746cfec3b68995b2f59f07ab80adfd>, name = "alice"
                sent  or->ee Success id=0x1 "Access granted\"""");
        assertThat(pair.authenticatee.nextDeadline()).isEqualTo(Long.MAX_VALUE);
        assertThat(pair.authenticator.nextDeadline()).isEqualTo(Long.MAX_VALUE);
        pair.authenticateeOut.assertExhausted();
        pair.authenticatorOut.assertExhausted();
    }

    @Test
    void chapPacketsAreEncodedAsRfc1994Says() {
        var pair = pair(new Credentials("alice", "wonderland")).start();
        // Code 1, Id 1, Length 4+1+16+9, Value-Size 16, Value, Name "labserver"
        assertThat(hex(pair.authenticatorOut.history().get(0)))
                .isEqualTo("0101001e" + "10" + "000102030405060708090a0b0c0d0e0f" + "6c6162736572766572");
        // Code 2, Id copied, Length 4+1+16+5, Value-Size 16, Value, Name "alice"
        assertThat(hex(pair.authenticateeOut.history().get(0)))
                .isEqualTo("0201001a" + "10" + "d0746cfec3b68995b2f59f07ab80adfd" + "616c696365");
        // Code 3, Id copied, Length 4+14, Message
        assertThat(hex(pair.authenticatorOut.history().get(1)))
                .isEqualTo("03010012" + "416363657373206772616e746564");
    }

    @Test
    void chapMd5WrongSecretFailsBothSidesWithTheAuthenticatorsMessage() {
        var pair = pair(new Credentials("alice", "looking-glass")).start();

        assertThat(pair.authenticatorOut.takeVerdict()).isEqualTo(new Failed("Access denied", false));
        assertThat(pair.authenticateeOut.takeVerdict()).isEqualTo(new Failed("Access denied", false));
        assertThat(authenticatee.failure()).contains(ChapFailure.of("Access denied"));
        assertThat(pair.trace()).endsWith("sent  or->ee Failure id=0x1 \"Access denied\"");
    }

    @Test
    void chapUnknownNameIsDeniedLikeAWrongSecret() {
        var pair = pair(new Credentials("mallory", "wonderland")).start();

        assertThat(pair.authenticatorOut.takeVerdict()).isEqualTo(new Failed("Access denied", false));
        assertThat(pair.authenticateeOut.takeVerdict()).isEqualTo(new Failed("Access denied", false));
        assertThat(authenticator.peerName()).contains("mallory");
    }

    @Test
    void chapAuthenticatorRetransmitsTheSameChallengeAfterTheRestartInterval() {
        var pair = pair(new Credentials("alice", "wonderland"));
        pair.dropNextFromAuthenticator(1);
        pair.start();
        pair.advance(Duration.ofMillis(2999));
        assertThat(pair.authenticatorOut.history()).hasSize(1);

        pair.advance(Duration.ofMillis(1));

        assertThat(pair.authenticateeOut.takeVerdict()).isEqualTo(new Succeeded("labserver", "Access granted"));
        assertThat(pair.authenticatorOut.takeVerdict()).isEqualTo(new Succeeded("alice", "Access granted"));
        assertThat(pair.authenticatorOut.history().get(1)).isEqualTo(pair.authenticatorOut.history().get(0));
        assertThat(pair.trace()).startsWith("""
                lost  or->ee Challenge id=0x1 <000102030405060708090a0b0c0d0e0f>, name = "labserver"
                sent  or->ee Challenge id=0x1 <000102030405060708090a0b0c0d0e0f>, name = "labserver"
                """);
    }

    @Test
    void chapAuthenticatorGivesUpAfterMaxChallenges() {
        var out = new RecordingOutput();
        var or = new ChapAuthenticator(new Md5Digest(), "labserver", SECRETS, CONFIG.withMaxChallenges(3),
                new ScriptedRandom(9, CHALLENGE), out);
        or.start(0);
        for (int i = 1; i <= 3; i++) {
            assertThat(ChapPrinter.describe(out.takeSent())).startsWith("Challenge id=0x9 <0001");
            assertThat(or.nextDeadline()).isEqualTo(i * 3_000_000_000L);
            or.onTimeout(or.nextDeadline());
        }
        assertThat(out.takeVerdict()).isEqualTo(new Failed("No response to CHAP Challenges", true));
        assertThat(or.transmits()).isEqualTo(3);
        assertThat(or.nextDeadline()).isEqualTo(Long.MAX_VALUE);
        out.assertExhausted();
    }

    @Test
    void chapAuthenticateeAnswersARetransmittedChallengeWithTheSameResponse() {
        var out = new RecordingOutput();
        var ee = new ChapAuthenticatee(new Md5Digest(), new Credentials("alice", "wonderland"), CONFIG,
                new SplittableRandom(1), out);
        ee.start(0);
        byte[] challenge = new ChapPacket.Challenge(1, Octets.of(CHALLENGE), Octets.utf8("labserver")).encode();
        ee.receive(challenge, 0, challenge.length, 1);
        ee.receive(challenge, 0, challenge.length, 2_000_000_000L);
        byte[] first = out.takeSent();
        assertThat(out.takeSent()).isEqualTo(first);
        // the repeated Challenge pushed the own retransmission a full interval out
        assertThat(ee.nextDeadline()).isEqualTo(5_000_000_000L);
        assertThat(ee.transmits()).isEqualTo(1);
        out.assertExhausted();
    }

    @Test
    void chapAuthenticatorRepeatsSuccessForARepeatedResponse() {
        var pair = pair(new Credentials("alice", "wonderland"));
        pair.authenticator.start(pair.clock.now());
        pair.authenticatee.start(pair.clock.now());
        // deliver the Challenge and the Response by hand, then lose the Success
        var orOut = pair.authenticatorOut;
        byte[] challenge = orOut.takeSent();
        authenticatee.receive(challenge, 0, challenge.length, pair.clock.now());
        byte[] response = pair.authenticateeOut.takeSent();
        authenticator.receive(response, 0, response.length, pair.clock.now());
        byte[] lostSuccess = orOut.takeSent();
        assertThat(orOut.takeVerdict()).isEqualTo(new Succeeded("alice", "Access granted"));

        pair.advance(Duration.ofSeconds(3)); // the authenticatee repeats its Response

        assertThat(pair.authenticateeOut.takeVerdict()).isEqualTo(new Succeeded("labserver", "Access granted"));
        assertThat(orOut.history()).hasSize(3);
        assertThat(orOut.history().get(2)).isEqualTo(lostSuccess);
        assertThat(orOut.verdictCount()).isEqualTo(1);
        assertThat(authenticator.discarded()).isZero();
        pair.authenticatorOut.assertExhausted();
        pair.authenticateeOut.assertExhausted();
    }

    @Test
    void chapAuthenticatorRepeatsFailureForARepeatedResponseEvenWithTheRightSecret() {
        var out = new RecordingOutput();
        var or = new ChapAuthenticator(new Md5Digest(), "labserver", SECRETS, CONFIG, new ScriptedRandom(1, CHALLENGE), out);
        or.start(0);
        out.takeSent();
        byte[] wrong = new ChapPacket.Response(1, Octets.of(new byte[16]), Octets.utf8("alice")).encode();
        byte[] right = new ChapPacket.Response(1, Octets.fromHex("d0746cfec3b68995b2f59f07ab80adfd"), Octets.utf8("alice")).encode();
        or.receive(wrong, 0, wrong.length, 1);
        or.receive(right, 0, right.length, 2);
        // RFC 1994 §4.1: the same reply Code for the current Challenge, so no second guess
        assertThat(ChapPrinter.describe(out.takeSent())).isEqualTo("Failure id=0x1 \"Access denied\"");
        assertThat(ChapPrinter.describe(out.takeSent())).isEqualTo("Failure id=0x1 \"Access denied\"");
        assertThat(out.takeVerdict()).isEqualTo(new Failed("Access denied", false));
        out.assertExhausted();
    }

    @Test
    void chapAuthenticatorDropsAResponseWithAStaleId() {
        var out = new RecordingOutput();
        var or = new ChapAuthenticator(new Md5Digest(), "labserver", SECRETS, CONFIG, new ScriptedRandom(1, CHALLENGE), out);
        or.start(0);
        out.takeSent();
        byte[] stale = new ChapPacket.Response(0, Octets.fromHex("d0746cfec3b68995b2f59f07ab80adfd"), Octets.utf8("alice")).encode();
        or.receive(stale, 0, stale.length, 1);
        assertThat(or.discarded()).isEqualTo(1);
        assertThat(or.finished()).isFalse();
        out.assertExhausted();
    }

    @Test
    void chapAuthenticateeTimesOutWithoutAChallenge() {
        var out = new RecordingOutput();
        var ee = new ChapAuthenticatee(new Md5Digest(), new Credentials("alice", "wonderland"),
                CONFIG.withChallengeWaitTimeout(Duration.ofSeconds(10)), new SplittableRandom(1), out);
        ee.start(0);
        assertThat(ee.nextDeadline()).isEqualTo(10_000_000_000L);
        ee.onTimeout(9_999_999_999L);
        assertThat(ee.finished()).isFalse();
        ee.onTimeout(10_000_000_000L);
        assertThat(out.takeVerdict()).isEqualTo(new Failed("No CHAP Challenge from peer", true));
        out.assertExhausted();
    }

    @Test
    void chapAuthenticateeRetransmitsItsResponseUntilMaxResponses() {
        var out = new RecordingOutput();
        var ee = new ChapAuthenticatee(new Md5Digest(), new Credentials("alice", "wonderland"),
                CONFIG.withMaxResponses(3), new SplittableRandom(1), out);
        ee.start(0);
        byte[] challenge = new ChapPacket.Challenge(1, Octets.of(CHALLENGE), Octets.utf8("labserver")).encode();
        ee.receive(challenge, 0, challenge.length, 0);
        byte[] response = out.takeSent();
        for (int i = 1; i < 3; i++) {
            ee.onTimeout(ee.nextDeadline());
            assertThat(out.takeSent()).isEqualTo(response);
        }
        assertThat(ee.transmits()).isEqualTo(3);
        ee.onTimeout(ee.nextDeadline());
        assertThat(out.takeVerdict()).isEqualTo(new Failed("No reply to CHAP Response", true));
        assertThat(ee.failure()).isEmpty();
        out.assertExhausted();
    }

    @Test
    void chapAuthenticateeReportsOnceAndIgnoresRepliesWithOtherIds() {
        var out = new RecordingOutput();
        var ee = new ChapAuthenticatee(new Md5Digest(), new Credentials("alice", "wonderland"), CONFIG,
                new SplittableRandom(1), out);
        ee.start(0);
        byte[] challenge = new ChapPacket.Challenge(5, Octets.of(CHALLENGE), Octets.utf8("labserver")).encode();
        ee.receive(challenge, 0, challenge.length, 0);
        out.takeSent();
        byte[] otherId = new ChapPacket.Failure(6, Octets.utf8("no")).encode();
        byte[] success = new ChapPacket.Success(5, Octets.utf8("Welcome")).encode();
        byte[] lateFailure = new ChapPacket.Failure(5, Octets.utf8("no")).encode();
        ee.receive(otherId, 0, otherId.length, 1);
        ee.receive(success, 0, success.length, 2);
        ee.receive(success, 0, success.length, 3);
        ee.receive(lateFailure, 0, lateFailure.length, 4);
        assertThat(out.takeVerdict()).isEqualTo(new Succeeded("labserver", "Welcome"));
        assertThat(ee.discarded()).isEqualTo(3);
        out.assertExhausted();
    }

    @Test
    void chapAuthenticateeAnswersAReChallengeAfterSuccess() {
        var pair = pair(new Credentials("alice", "wonderland")).start();
        pair.authenticateeOut.takeVerdict();
        byte[] rechallenge = new ChapPacket.Challenge(77, Octets.of(new byte[] {1, 2, 3}), Octets.utf8("labserver")).encode();
        authenticatee.receive(rechallenge, 0, rechallenge.length, pair.clock.now());
        byte[] answer = pair.authenticateeOut.takeSent();
        assertThat(ChapPrinter.describe(answer)).startsWith("Response id=0x4d <").endsWith(", name = \"alice\"");
        assertThat(authenticatee.state()).isEqualTo(ChapAuthenticatee.State.OPEN);
        assertThat(authenticatee.nextDeadline()).isEqualTo(Long.MAX_VALUE);
        pair.authenticateeOut.assertExhausted();
    }

    @Test
    void chapMalformedPacketsAreCountedAndDropped() {
        var out = new RecordingOutput();
        var ee = new ChapAuthenticatee(new Md5Digest(), new Credentials("alice", "wonderland"), CONFIG,
                new SplittableRandom(1), out);
        ee.start(0);
        String[] malformed = {
                "",                     // nothing
                "010100",               // short header
                "01010002",             // Length below the header
                "010100ff1001",         // Length beyond the octets received
                "01010004",             // Challenge without Value-Size
                "0101000500",           // Value-Size 0
                "0101000610aa",         // Value-Size past the end
                "07010004",             // unknown code
                "03010004",             // Success before any Response
        };
        for (String h : malformed) {
            byte[] p = HexFormat.of().parseHex(h);
            ee.receive(p, 0, p.length, 0);
        }
        assertThat(ee.discarded()).isEqualTo(malformed.length);
        assertThat(ee.state()).isEqualTo(ChapAuthenticatee.State.LISTEN);
        out.assertExhausted();
    }

    @Test
    void chapPacketsForTheOtherRoleAreIgnoredWithoutCounting() {
        var out = new RecordingOutput();
        var or = new ChapAuthenticator(new Md5Digest(), "labserver", SECRETS, CONFIG, new SplittableRandom(1), out);
        or.start(0);
        for (ChapPacket p : new ChapPacket[] {
                new ChapPacket.Challenge(1, Octets.of(CHALLENGE), Octets.utf8("peer")),
                new ChapPacket.Success(1, Octets.empty()),
                new ChapPacket.Failure(1, Octets.empty())}) {
            byte[] b = p.encode();
            or.receive(b, 0, b.length, 0);
        }
        assertThat(or.discarded()).isZero();
        assertThat(or.state()).isEqualTo(ChapAuthenticator.State.CHALLENGE_SENT);
    }

    @Test
    void chapStartingASideTwiceIsMisuse() {
        var ee = new ChapAuthenticatee(new Md5Digest(), new Credentials("alice", "wonderland"), CONFIG,
                new SplittableRandom(1), new RecordingOutput());
        ee.start(0);
        assertThatThrownBy(() -> ee.start(1)).isInstanceOf(IllegalStateException.class);
        var or = new ChapAuthenticator(new Md5Digest(), "labserver", SECRETS, CONFIG, new SplittableRandom(1),
                new RecordingOutput());
        or.start(0);
        assertThatThrownBy(() -> or.start(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void chapDigestIsChosenByTheLcpAlgorithmOctet() {
        assertThat(ChapDigest.forCode(5)).get().isInstanceOf(Md5Digest.class);
        assertThat(ChapDigest.forCode(0x81)).get().isInstanceOf(MsChapV2Digest.class);
        assertThat(ChapDigest.forCode(0x80)).isEmpty();
    }

    @Test
    void chapSecretsStayOutOfToString() {
        var ee = new ChapAuthenticatee(new Md5Digest(), new Credentials("alice", "wonderland"), CONFIG,
                new SplittableRandom(1), new RecordingOutput());
        assertThat(ee.toString()).doesNotContain("wonderland");
    }
}
