package io.jras.ppp.auth.pap;

import io.jras.ppp.auth.AuthConfig;
import io.jras.ppp.auth.AuthPair;
import io.jras.ppp.auth.Credentials;
import io.jras.ppp.auth.Octets;
import io.jras.ppp.auth.RecordingOutput;
import io.jras.ppp.auth.RecordingOutput.Failed;
import io.jras.ppp.auth.RecordingOutput.Succeeded;
import io.jras.ppp.auth.SecretLookup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PapAuthenticationTest {

    static final SecretLookup SECRETS = name -> Optional.ofNullable(Map.of("alice", "wonderland").get(name));
    static final AuthConfig CONFIG = AuthConfig.DEFAULTS;

    private PapAuthenticatee authenticatee;
    private PapAuthenticator authenticator;

    private AuthPair pair(Credentials credentials) {
        var eeOut = new RecordingOutput();
        var orOut = new RecordingOutput();
        authenticatee = new PapAuthenticatee(credentials, CONFIG, eeOut);
        authenticator = new PapAuthenticator(SECRETS, CONFIG, orOut);
        return new AuthPair(authenticatee, eeOut, authenticator, orOut, PapPrinter::describe);
    }

    private static String describe(byte[] p) {
        return PapPrinter.describe(p);
    }

    @Test
    void papAuthenticateeSucceedsWithTheRightPassword() {
        var pair = pair(new Credentials("alice", "wonderland")).start();

        assertThat(pair.authenticateeOut.takeVerdict()).isEqualTo(new Succeeded("", "Login ok"));
        assertThat(pair.authenticatorOut.takeVerdict()).isEqualTo(new Succeeded("alice", "Login ok"));
        assertThat(authenticatee.state()).isEqualTo(PapAuthenticatee.State.OPEN);
        assertThat(authenticator.state()).isEqualTo(PapAuthenticator.State.OPEN);
        assertThat(authenticator.peerName()).contains("alice");
        assertThat(pair.authenticatee.nextDeadline()).isEqualTo(Long.MAX_VALUE);
        assertThat(pair.authenticator.nextDeadline()).isEqualTo(Long.MAX_VALUE);
        assertThat(pair.trace()).isEqualTo("""
                sent  ee->or AuthReq id=0x1 user="alice" password=<hidden>
                sent  or->ee AuthAck id=0x1 "Login ok\"""");
        pair.authenticateeOut.assertExhausted();
        pair.authenticatorOut.assertExhausted();
    }

    @Test
    void papWrongPasswordFailsBothSidesWithTheAuthenticatorsMessage() {
        var pair = pair(new Credentials("alice", "looking-glass")).start();

        assertThat(pair.authenticateeOut.takeVerdict()).isEqualTo(new Failed("Login incorrect", false));
        assertThat(pair.authenticatorOut.takeVerdict()).isEqualTo(new Failed("Login incorrect", false));
        assertThat(pair.authenticatee.finished()).isTrue();
        assertThat(pair.authenticator.finished()).isTrue();
        assertThat(pair.trace()).doesNotContain("looking-glass").doesNotContain("wonderland");
        pair.authenticateeOut.assertExhausted();
        pair.authenticatorOut.assertExhausted();
    }

    @Test
    void papUnknownUserIsRefusedLikeAWrongPassword() {
        var pair = pair(new Credentials("mallory", "wonderland")).start();

        assertThat(pair.authenticatorOut.takeVerdict()).isEqualTo(new Failed("Login incorrect", false));
        assertThat(pair.authenticateeOut.takeVerdict()).isEqualTo(new Failed("Login incorrect", false));
        assertThat(authenticator.peerName()).contains("mallory");
    }

    @Test
    void papAuthenticateeRetransmitsAfterTheRestartIntervalWhenTheFirstRequestIsLost() {
        var pair = pair(new Credentials("alice", "wonderland"));
        pair.dropNextFromAuthenticatee(1);
        pair.start();
        assertThat(pair.authenticateeOut.verdictCount()).isZero();

        pair.advance(Duration.ofMillis(2999));
        assertThat(pair.authenticateeOut.history()).hasSize(1);

        pair.advance(Duration.ofMillis(1));
        assertThat(pair.authenticateeOut.takeVerdict()).isEqualTo(new Succeeded("", "Login ok"));
        assertThat(pair.authenticatorOut.takeVerdict()).isEqualTo(new Succeeded("alice", "Login ok"));
        assertThat(pair.trace()).isEqualTo("""
                lost  ee->or AuthReq id=0x1 user="alice" password=<hidden>
                sent  ee->or AuthReq id=0x2 user="alice" password=<hidden>
                sent  or->ee AuthAck id=0x2 "Login ok\"""");
    }

    @Test
    void papAuthenticateeRetransmitsUntilMaxRequests() {
        var out = new RecordingOutput();
        var ee = new PapAuthenticatee(new Credentials("alice", "wonderland"), CONFIG.withMaxRequests(4), out);
        long t0 = 5_000_000_000L;
        ee.start(t0);
        for (int i = 1; i <= 4; i++) {
            assertThat(describe(out.takeSent())).isEqualTo("AuthReq id=0x" + i + " user=\"alice\" password=<hidden>");
            assertThat(ee.nextDeadline()).isEqualTo(t0 + i * 3_000_000_000L);
            ee.onTimeout(ee.nextDeadline());
        }
        assertThat(out.takeVerdict()).isEqualTo(new Failed("No response to PAP Authenticate-Requests", true));
        assertThat(ee.transmits()).isEqualTo(4);
        assertThat(ee.finished()).isTrue();
        assertThat(ee.nextDeadline()).isEqualTo(Long.MAX_VALUE);
        ee.onTimeout(Long.MAX_VALUE - 1);
        out.assertExhausted();
    }

    @Test
    void papAuthenticateeGivesUpAfterTenRequestsByDefault() {
        var pair = pair(new Credentials("alice", "wonderland"));
        pair.dropNextFromAuthenticatee(Integer.MAX_VALUE);
        pair.start();
        pair.advance(Duration.ofSeconds(29));
        assertThat(pair.authenticateeOut.history()).hasSize(10);
        assertThat(pair.authenticateeOut.verdictCount()).isZero();
        pair.advance(Duration.ofSeconds(1));
        assertThat(pair.authenticateeOut.takeVerdict()).isEqualTo(new Failed("No response to PAP Authenticate-Requests", true));
        // the authenticator's own pap-timeout of 30 s ran out at the same instant
        assertThat(pair.authenticatorOut.takeVerdict())
                .isEqualTo(new Failed("Peer did not send a PAP Authenticate-Request", true));
    }

    @Test
    void papAuthenticatorTimesOutWhenThePeerSendsNoRequest() {
        var out = new RecordingOutput();
        var or = new PapAuthenticator(SECRETS, CONFIG.withPeerTimeout(Duration.ofSeconds(5)), out);
        or.start(100);
        assertThat(or.nextDeadline()).isEqualTo(100 + 5_000_000_000L);
        or.onTimeout(100 + 4_999_999_999L); // early wake-up: nothing happens
        assertThat(or.finished()).isFalse();
        or.onTimeout(100 + 5_000_000_000L);
        assertThat(out.takeVerdict()).isEqualTo(new Failed("Peer did not send a PAP Authenticate-Request", true));
        assertThat(or.nextDeadline()).isEqualTo(Long.MAX_VALUE);

        // a request arriving after the timeout is not judged
        byte[] late = new PapPacket.AuthenticateRequest(1, Octets.utf8("alice"), Octets.utf8("wonderland")).encode();
        or.receive(late, 0, late.length, 100 + 6_000_000_000L);
        assertThat(or.discarded()).isEqualTo(1);
        out.assertExhausted();
    }

    @Test
    void papAuthenticatorRepeatsTheAckForARetransmittedRequest() {
        var pair = pair(new Credentials("alice", "wonderland"));
        pair.dropNextFromAuthenticator(1);
        pair.start();
        assertThat(pair.authenticatorOut.takeVerdict()).isEqualTo(new Succeeded("alice", "Login ok"));
        assertThat(pair.authenticateeOut.verdictCount()).isZero();

        pair.advance(Duration.ofSeconds(3));

        assertThat(pair.authenticateeOut.takeVerdict()).isEqualTo(new Succeeded("", "Login ok"));
        assertThat(pair.authenticatorOut.verdictCount()).as("the authenticator reports once").isEqualTo(1);
        assertThat(pair.trace()).isEqualTo("""
                sent  ee->or AuthReq id=0x1 user="alice" password=<hidden>
                lost  or->ee AuthAck id=0x1 "Login ok"
                sent  ee->or AuthReq id=0x2 user="alice" password=<hidden>
                sent  or->ee AuthAck id=0x2 "Login ok\"""");
        pair.authenticateeOut.assertExhausted();
        pair.authenticatorOut.assertExhausted();
    }

    @Test
    void papAuthenticatorRepeatsTheNakForARetransmittedRequest() {
        var pair = pair(new Credentials("alice", "looking-glass"));
        pair.dropNextFromAuthenticator(1);
        pair.start();
        assertThat(pair.authenticatorOut.takeVerdict()).isEqualTo(new Failed("Login incorrect", false));

        pair.advance(Duration.ofSeconds(3));

        assertThat(pair.authenticateeOut.takeVerdict()).isEqualTo(new Failed("Login incorrect", false));
        assertThat(pair.authenticatorOut.verdictCount()).isEqualTo(1);
        assertThat(pair.trace()).endsWith("sent  or->ee AuthNak id=0x2 \"Login incorrect\"");
    }

    @Test
    void papAuthenticatorRepeatsTheFirstVerdictEvenForADifferentPassword() {
        // RFC 1334 leaves this to pppd's reading: a repeated request gets the status of the first
        var out = new RecordingOutput();
        var or = new PapAuthenticator(SECRETS, CONFIG, out);
        or.start(0);
        byte[] good = new PapPacket.AuthenticateRequest(7, Octets.utf8("alice"), Octets.utf8("wonderland")).encode();
        byte[] bad = new PapPacket.AuthenticateRequest(8, Octets.utf8("alice"), Octets.utf8("nope")).encode();
        or.receive(good, 0, good.length, 0);
        or.receive(bad, 0, bad.length, 0);
        assertThat(describe(out.takeSent())).isEqualTo("AuthAck id=0x7 \"Login ok\"");
        assertThat(describe(out.takeSent())).isEqualTo("AuthAck id=0x8 \"Login ok\"");
        assertThat(out.takeVerdict()).isEqualTo(new Succeeded("alice", "Login ok"));
        out.assertExhausted();
    }

    @Test
    void papAuthenticateeReportsOnceWhenTheAckIsDuplicated() {
        var out = new RecordingOutput();
        var ee = new PapAuthenticatee(new Credentials("alice", "wonderland"), CONFIG, out);
        ee.start(0);
        out.takeSent();
        byte[] ack = new PapPacket.AuthenticateAck(1, Octets.utf8("Welcome")).encode();
        ee.receive(ack, 0, ack.length, 1);
        ee.receive(ack, 0, ack.length, 2);
        byte[] nak = new PapPacket.AuthenticateNak(1, Octets.utf8("Go away")).encode();
        ee.receive(nak, 0, nak.length, 3);
        assertThat(out.takeVerdict()).isEqualTo(new Succeeded("", "Welcome"));
        assertThat(ee.discarded()).isEqualTo(2);
        out.assertExhausted();
    }

    @Test
    void papAuthenticateeDropsAReplyToAnIdItNeverSent() {
        var out = new RecordingOutput();
        var ee = new PapAuthenticatee(new Credentials("alice", "wonderland"), CONFIG, out);
        ee.start(0);
        out.takeSent();
        byte[] ack = new PapPacket.AuthenticateAck(2, Octets.utf8("Login ok")).encode();
        ee.receive(ack, 0, ack.length, 1);
        assertThat(ee.discarded()).isEqualTo(1);
        assertThat(ee.finished()).isFalse();
        out.assertExhausted();
    }

    @Test
    void papAuthenticateeAcceptsALateReplyToAnEarlierRequest() {
        var out = new RecordingOutput();
        var ee = new PapAuthenticatee(new Credentials("alice", "wonderland"), CONFIG, out);
        ee.start(0);
        ee.onTimeout(ee.nextDeadline());
        assertThat(describe(out.takeSent())).contains("id=0x1");
        assertThat(describe(out.takeSent())).contains("id=0x2");
        byte[] nak = new PapPacket.AuthenticateNak(1, Octets.empty()).encode();
        ee.receive(nak, 0, nak.length, ee.nextDeadline() - 1);
        assertThat(out.takeVerdict()).isEqualTo(new Failed("PAP Authenticate-Nak without a message", false));
    }

    @Test
    void papAuthenticateRequestIsEncodedAsRfc1334Says() {
        var out = new RecordingOutput();
        new PapAuthenticatee(new Credentials("alice", "wonderland"), CONFIG, out).start(0);
        // Code 1, Id 1, Length 21, Peer-ID-Length 5 "alice", Passwd-Length 10 "wonderland"
        assertThat(HexFormat.of().formatHex(out.takeSent()))
                .isEqualTo("01010015" + "05" + "616c696365" + "0a" + "776f6e6465726c616e64");
    }

    @Test
    void papAuthenticatorAnswersAsRfc1334Says() {
        var out = new RecordingOutput();
        var or = new PapAuthenticator(SECRETS, CONFIG, out);
        or.start(0);
        byte[] req = HexFormat.of().parseHex("01420015" + "05" + "616c696365" + "0a" + "776f6e6465726c616e64");
        or.receive(req, 0, req.length, 0);
        // Code 2, Id copied, Length 13, Msg-Length 8 "Login ok"
        assertThat(HexFormat.of().formatHex(out.takeSent())).isEqualTo("0242000d" + "08" + "4c6f67696e206f6b");
    }

    @Test
    void papMalformedPacketsAreCountedAndDropped() {
        var out = new RecordingOutput();
        var or = new PapAuthenticator(SECRETS, CONFIG, out);
        or.start(0);
        String[] malformed = {
                "",                           // nothing
                "0101",                       // short header
                "01010003",                   // Length below the header
                "01010020056162636465",       // Length beyond the octets received
                "01010009" + "0a6162636465",  // Peer-ID-Length past the end
                "0101000a" + "04616263640a",  // Passwd-Length past the end
                "01010004",                   // no Peer-ID-Length at all
                "09010004",                   // unknown code
        };
        for (String hex : malformed) {
            byte[] p = HexFormat.of().parseHex(hex);
            or.receive(p, 0, p.length, 0);
        }
        assertThat(or.discarded()).isEqualTo(malformed.length);
        assertThat(or.finished()).isFalse();
        out.assertExhausted();
    }

    @Test
    void papPacketsForTheOtherRoleAreIgnoredWithoutCounting() {
        var orOut = new RecordingOutput();
        var or = new PapAuthenticator(SECRETS, CONFIG, orOut);
        or.start(0);
        byte[] ack = new PapPacket.AuthenticateAck(1, Octets.utf8("x")).encode();
        or.receive(ack, 0, ack.length, 0);
        assertThat(or.discarded()).isZero();

        var eeOut = new RecordingOutput();
        var ee = new PapAuthenticatee(new Credentials("alice", "wonderland"), CONFIG, eeOut);
        ee.start(0);
        byte[] req = new PapPacket.AuthenticateRequest(1, Octets.utf8("bob"), Octets.utf8("pw")).encode();
        ee.receive(req, 0, req.length, 0);
        assertThat(ee.discarded()).isZero();
        assertThat(eeOut.history()).hasSize(1);
    }

    @Test
    void papPaddingPastTheLengthFieldIsIgnored() {
        var out = new RecordingOutput();
        var or = new PapAuthenticator(SECRETS, CONFIG, out);
        or.start(0);
        // one octet of something before, then the request, then two octets of padding after its Length
        byte[] framed = HexFormat.of().parseHex("ee" + "01010015" + "05" + "616c696365" + "0a" + "776f6e6465726c616e64" + "ffff");
        or.receive(framed, 1, framed.length - 1, 0);
        assertThat(out.takeVerdict()).isEqualTo(new Succeeded("alice", "Login ok"));
        assertThat(or.discarded()).isZero();
    }

    @Test
    void papAuthenticatorDiscardsRequestsBeforeStart() {
        var out = new RecordingOutput();
        var or = new PapAuthenticator(SECRETS, CONFIG, out);
        byte[] req = new PapPacket.AuthenticateRequest(1, Octets.utf8("alice"), Octets.utf8("wonderland")).encode();
        or.receive(req, 0, req.length, 0);
        assertThat(or.discarded()).isEqualTo(1);
        assertThat(or.state()).isEqualTo(PapAuthenticator.State.INITIAL);
        out.assertExhausted();
    }

    @Test
    void papStartingASideTwiceIsMisuse() {
        var ee = new PapAuthenticatee(new Credentials("alice", "wonderland"), CONFIG, new RecordingOutput());
        ee.start(0);
        assertThatThrownBy(() -> ee.start(1)).isInstanceOf(IllegalStateException.class);
        var or = new PapAuthenticator(SECRETS, CONFIG, new RecordingOutput());
        or.start(0);
        assertThatThrownBy(() -> or.start(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void papSecretsStayOutOfToString() {
        var ee = new PapAuthenticatee(new Credentials("alice", "wonderland"), CONFIG, new RecordingOutput());
        var req = new PapPacket.AuthenticateRequest(1, Octets.utf8("alice"), Octets.utf8("wonderland"));
        assertThat(ee.toString()).doesNotContain("wonderland");
        assertThat(req.toString()).doesNotContain("wonderland").contains("alice");
        assertThat(new Credentials("alice", "wonderland").toString()).doesNotContain("wonderland");
        assertThat(Octets.utf8("wonderland").toString()).doesNotContain("wonderland");
    }
}
