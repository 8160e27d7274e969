package io.jras.ppp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.ppp.PppEvent.LinkDown;
import io.jras.ppp.PppEvent.NetworkUp;
import io.jras.ppp.PppEvent.VerifyPeer;
import io.jras.ppp.auth.PeerProof;
import io.jras.ppp.auth.PeerVerdict;
import io.jras.ppp.auth.PeerVerifier;
import io.jras.ppp.ipcp.IpcpConfig;
import io.jras.ppp.testkit.LinkPair;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The authenticator role with a verifier that decides later (RADIUS): the engine hands out one
 * proof, keeps running, and answers the peer when the verdict comes. Fake clock, two engines.
 */
class DeferredVerificationTest {

    static final int SERVER = Ipv4.parse("192.0.2.1");
    static final int CLIENT = Ipv4.parse("192.0.2.2");

    static PppConfig server(AuthProtocol protocol) {
        return PppConfig.authenticator(List.of(protocol), PeerVerifier.DEFERRED, IpcpConfig.server(SERVER, CLIENT, 0, 0))
                .withLocalName("labserver").withRandom(new SplittableRandom(2));
    }

    static LinkPair pair(String password, AuthProtocol protocol) {
        return new LinkPair(PppConfig.client("alice", password).withRandom(new SplittableRandom(1)), server(protocol)).open();
    }

    private static VerifyPeer onlyRequest(LinkPair p) {
        List<VerifyPeer> asked = LinkPair.of(p.eventsB, VerifyPeer.class);
        assertThat(asked).as(p.traces()).hasSize(1);
        return asked.getFirst();
    }

    @ParameterizedTest
    @EnumSource(AuthProtocol.class)
    void oneProofIsHandedOutAndTheLinkWaitsForTheVerdictThroughTheClientsRetransmissions(AuthProtocol protocol) {
        LinkPair p = pair("wonderland", protocol);
        // 20 s: the client repeats its Request/Response every 3 s meanwhile
        p.advance(Duration.ofSeconds(20));

        VerifyPeer asked = onlyRequest(p);
        assertThat(asked.protocol()).isEqualTo(protocol);
        assertThat(asked.proof().name()).isEqualTo("alice");
        assertThat(asked.proof().protocol()).isEqualTo(protocol);
        assertThat(p.b.phase()).isEqualTo(Phase.AUTHENTICATE);
        assertThat(p.a.phase()).isEqualTo(Phase.AUTHENTICATE);
        assertThat(LinkPair.of(p.eventsA, LinkDown.class)).isEmpty();

        // the verdict a RADIUS server would give, computed from the proof alone
        PeerVerdict verdict = asked.proof().check("wonderland");
        assertThat(verdict.accepted()).isTrue();
        assertThat(p.b.verdict(verdict, p.now())).isTrue();
        p.driveUntilIdle(Duration.ofMinutes(1));

        assertThat(LinkPair.of(p.eventsA, NetworkUp.class)).as(p.traces()).isNotEmpty();
        assertThat(p.b.projection().peerName()).isEqualTo("alice");
        assertThat(p.b.projection().peerAuthenticatedWith()).isEqualTo(protocol);
        // a second verdict finds nothing pending
        assertThat(p.b.verdict(verdict, p.now())).isFalse();
        assertThat(LinkPair.of(p.eventsB, VerifyPeer.class)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(AuthProtocol.class)
    void aRejectionEndsTheLinkWith691AndTheReasonStaysLocal(AuthProtocol protocol) {
        LinkPair p = pair("looking-glass", protocol);
        p.step();
        VerifyPeer asked = onlyRequest(p);
        assertThat(asked.proof().check("wonderland").accepted()).isFalse();

        assertThat(p.b.verdict(PeerVerdict.reject("RADIUS server did not answer"), p.now())).isTrue();
        p.driveUntilIdle(Duration.ofMinutes(1));

        LinkDown downA = LinkPair.of(p.eventsA, LinkDown.class).getFirst();
        LinkDown downB = LinkPair.of(p.eventsB, LinkDown.class).getFirst();
        assertThat(downA.failure().rasError()).as(p.traces()).isEqualTo(691);
        assertThat(downB.failure()).isInstanceOf(LinkFailure.PeerFailedAuthentication.class);
        assertThat(downB.failure().message()).contains("RADIUS server did not answer");
        assertThat(downA.failure().message()).doesNotContain("RADIUS");
        assertThat(p.traces()).doesNotContain("looking-glass").doesNotContain("wonderland");
        assertThat(asked.proof().toString()).doesNotContain("looking-glass");
    }

    @Test
    void msChapV2ClientRefusesAnAcceptanceWithTheWrongAuthenticatorResponse() {
        LinkPair p = pair("wonderland", AuthProtocol.MSCHAP_V2);
        p.step();
        onlyRequest(p);
        p.b.verdict(PeerVerdict.accept("S=" + "0".repeat(40)), p.now());
        p.driveUntilIdle(Duration.ofMinutes(1));
        // RFC 2759 §5: the peer ends the session when the authenticator cannot prove it knows the password
        LinkDown downA = LinkPair.of(p.eventsA, LinkDown.class).getFirst();
        assertThat(downA.failure()).as(p.traces()).isInstanceOf(LinkFailure.AuthenticationFailed.class);
        assertThat(downA.failure().message()).contains("authenticator response mismatch");
    }

    @Test
    void msChapV2AcceptanceWithoutAnAuthenticatorResponseIsAFailure() {
        LinkPair p = pair("wonderland", AuthProtocol.MSCHAP_V2);
        p.step();
        onlyRequest(p);
        p.b.verdict(PeerVerdict.accept(), p.now());
        p.driveUntilIdle(Duration.ofMinutes(1));
        assertThat(LinkPair.of(p.eventsA, LinkDown.class).getFirst().failure().rasError()).as(p.traces()).isEqualTo(691);
        assertThat(LinkPair.of(p.eventsB, LinkDown.class).getFirst().failure().message())
                .contains("without an MS-CHAPv2 authenticator response");
    }

    @ParameterizedTest
    @EnumSource(AuthProtocol.class)
    void aVerdictThatNeverComesFailsThePeerAfterThePeerTimeout(AuthProtocol protocol) {
        LinkPair p = pair("wonderland", protocol);
        p.advance(Duration.ofSeconds(29));
        assertThat(LinkPair.of(p.eventsB, LinkDown.class)).isEmpty();
        p.advance(Duration.ofSeconds(2));
        p.driveUntilIdle(Duration.ofMinutes(1));
        onlyRequest(p);
        assertThat(LinkPair.of(p.eventsA, LinkDown.class).getFirst().failure().rasError()).as(p.traces()).isEqualTo(691);
        assertThat(LinkPair.of(p.eventsB, LinkDown.class).getFirst().failure().message()).contains("no verdict");
        // too late now
        assertThat(p.b.verdict(PeerVerdict.accept(), p.now())).isFalse();
    }

    @Test
    void theLocalSecretLookupJudgesTheSameProofsAsItAlwaysDid() {
        PeerProof.Pap pap = new PeerProof.Pap("alice", io.jras.ppp.auth.Octets.utf8("wonderland"));
        io.jras.ppp.auth.SecretLookup users = name -> java.util.Optional.of("wonderland").filter(s -> name.equals("alice"));
        assertThat(users.verify(pap)).hasValueSatisfying(v -> assertThat(v.accepted()).isTrue());
        assertThat(users.verify(new PeerProof.Pap("mallory", io.jras.ppp.auth.Octets.utf8("wonderland"))))
                .hasValueSatisfying(v -> assertThat(v.accepted()).isFalse());
        assertThat(pap.toString()).doesNotContain("wonderland");
    }
}
