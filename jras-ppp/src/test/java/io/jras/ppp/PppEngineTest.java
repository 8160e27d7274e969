package io.jras.ppp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.ppp.PppEvent.Authenticated;
import io.jras.ppp.PppEvent.DatagramReceived;
import io.jras.ppp.PppEvent.LinkDown;
import io.jras.ppp.PppEvent.NetworkUp;
import io.jras.ppp.ipcp.IpcpConfig;
import io.jras.ppp.lcp.LcpConfig;
import io.jras.ppp.testkit.LinkPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two engines, client and authenticator, joined in memory under a fake clock. */
class PppEngineTest {

    static final int SERVER = Ipv4.parse("192.0.2.1");
    static final int CLIENT = Ipv4.parse("192.0.2.2");
    static final int DNS1 = Ipv4.parse("192.0.2.53");
    static final int DNS2 = Ipv4.parse("192.0.2.54");
    static final Duration LIMIT = Duration.ofMinutes(2);

    static PppConfig client(String password) {
        return PppConfig.client("alice", password).withRandom(new SplittableRandom(1));
    }

    static PppConfig server(AuthProtocol... require) {
        return PppConfig.authenticator(List.of(require), name -> Optional.ofNullable(Map.of("alice", "wonderland").get(name)),
                        IpcpConfig.server(SERVER, CLIENT, DNS1, DNS2))
                .withLocalName("labserver").withRandom(new SplittableRandom(2));
    }

    static LinkPair pair(PppConfig a, PppConfig b) {
        return new LinkPair(a, b).open();
    }

    private static void assertNetworkUp(LinkPair p) {
        List<NetworkUp> up = LinkPair.of(p.eventsA, NetworkUp.class).stream()
                .filter(e -> e.ncp().equals(Protocol.IPCP)).toList();
        assertThat(up).as(p.traces()).hasSize(1);
        Projection proj = up.getFirst().projection();
        assertThat(proj.localAddressText()).isEqualTo("192.0.2.2");
        assertThat(proj.remoteAddressText()).isEqualTo("192.0.2.1");
        assertThat(Ipv4.format(proj.primaryDns())).isEqualTo("192.0.2.53");
        assertThat(Ipv4.format(proj.secondaryDns())).isEqualTo("192.0.2.54");
        assertThat(p.a.phase()).isEqualTo(Phase.NETWORK);
        assertThat(p.b.phase()).isEqualTo(Phase.NETWORK);
    }

    @Test
    void withoutAuthenticationBothSidesReachTheNetworkPhaseWithAddressesAndDns() {
        LinkPair p = pair(client("wonderland"), server());
        p.driveUntilIdle(LIMIT);
        assertNetworkUp(p);
        assertThat(LinkPair.of(p.eventsA, Authenticated.class)).isEmpty();
        // IPV6CP opens beside IPCP, with distinct non-zero identifiers.
        Projection a = p.a.projection();
        Projection b = p.b.projection();
        assertThat(a.localInterfaceId()).isNotZero().isEqualTo(b.remoteInterfaceId());
        assertThat(a.remoteInterfaceId()).isNotZero().isEqualTo(b.localInterfaceId());
        assertThat(p.b.projection().localAddressText()).isEqualTo("192.0.2.1");
        assertThat(p.b.projection().remoteAddressText()).isEqualTo("192.0.2.2");
    }

    @ParameterizedTest
    @EnumSource(AuthProtocol.class)
    void eachAuthenticationProtocolLetsTheRightPasswordIn(AuthProtocol protocol) {
        LinkPair p = pair(client("wonderland"), server(protocol));
        p.driveUntilIdle(LIMIT);
        assertNetworkUp(p);
        List<Authenticated> a = LinkPair.of(p.eventsA, Authenticated.class);
        List<Authenticated> b = LinkPair.of(p.eventsB, Authenticated.class);
        assertThat(a).as(p.traces()).singleElement().satisfies(e -> {
            assertThat(e.protocol()).isEqualTo(protocol);
            assertThat(e.weAuthenticated()).isFalse();
        });
        assertThat(b).singleElement().satisfies(e -> {
            assertThat(e.weAuthenticated()).isTrue();
            assertThat(e.peerName()).isEqualTo("alice");
        });
        assertThat(p.a.projection().authenticatedWith()).isEqualTo(protocol);
        assertThat(p.b.projection().peerAuthenticatedWith()).isEqualTo(protocol);
    }

    @ParameterizedTest
    @EnumSource(AuthProtocol.class)
    void aWrongPasswordEndsBothSidesWith691(AuthProtocol protocol) {
        LinkPair p = pair(client("looking-glass"), server(protocol));
        p.driveUntilIdle(LIMIT);
        LinkDown downA = LinkPair.of(p.eventsA, LinkDown.class).getFirst();
        LinkDown downB = LinkPair.of(p.eventsB, LinkDown.class).getFirst();
        assertThat(downA.failure()).as(p.traces()).isInstanceOf(LinkFailure.AuthenticationFailed.class);
        assertThat(downA.failure().rasError()).isEqualTo(691);
        assertThat(downB.failure()).isInstanceOf(LinkFailure.PeerFailedAuthentication.class);
        assertThat(downB.failure().rasError()).isEqualTo(691);
        assertThat(p.a.isFinished()).isTrue();
        assertThat(p.b.isFinished()).isTrue();
        // The secret never reaches a trace line.
        assertThat(String.join("\n", p.traceA) + String.join("\n", p.traceB))
                .doesNotContain("looking-glass").doesNotContain("wonderland");
    }

    @Test
    void lostFramesAreRetransmittedAfterTheRestartTimer() {
        LinkPair p = new LinkPair(client("wonderland"), server(AuthProtocol.CHAP_MD5));
        p.aToB.dropNext(3);
        p.bToA.dropNext(2);
        p.open();
        p.driveUntilIdle(LIMIT);
        assertNetworkUp(p);
        assertThat(p.a.statistics().timeoutErrors()).isPositive();
        assertThat(p.aToB.framesDropped()).isEqualTo(3);
    }

    @Test
    void framesDeliveredOneByteAtATimeStillNegotiate() {
        LinkPair p = new LinkPair(client("wonderland"), server(AuthProtocol.MSCHAP_V2)).oneByteChunks(true).open();
        p.driveUntilIdle(LIMIT);
        assertNetworkUp(p);
    }

    @Test
    void corruptedFramesAreCountedAsCrcErrorsAndRecovered() {
        LinkPair p = new LinkPair(client("wonderland"), server(AuthProtocol.PAP));
        p.aToB.corruptNext(2);
        p.open();
        p.driveUntilIdle(LIMIT);
        assertNetworkUp(p);
        assertThat(p.b.statistics().crcErrors()).isEqualTo(2);
    }

    @Test
    void latencyDoesNotConfuseTheNegotiation() {
        LinkPair p = new LinkPair(client("wonderland"), server(AuthProtocol.CHAP_MD5)).latency(Duration.ofMillis(700)).open();
        p.driveUntilIdle(LIMIT);
        assertNetworkUp(p);
    }

    @Test
    void clientTerminateReachesThePeerAsRemoteTerminated() {
        LinkPair p = pair(client("wonderland"), server(AuthProtocol.PAP));
        p.driveUntilIdle(LIMIT);
        p.a.close("User request", p.now());
        p.driveUntilIdle(LIMIT);
        assertThat(LinkPair.of(p.eventsA, LinkDown.class).getFirst().failure())
                .isEqualTo(new LinkFailure.LocalClose("User request"));
        assertThat(LinkPair.of(p.eventsB, LinkDown.class).getFirst().failure())
                .isEqualTo(new LinkFailure.RemoteTerminated("User request"));
        assertThat(p.traceA).anyMatch(l -> l.matches("sent \\[LCP TermReq id=0x[0-9a-f]+ \"User request\"]"));
    }

    @Test
    void serverTerminateReachesTheClientAs719() {
        LinkPair p = pair(client("wonderland"), server());
        p.driveUntilIdle(LIMIT);
        p.b.close("Administrative shutdown", p.now());
        p.driveUntilIdle(LIMIT);
        LinkFailure f = LinkPair.of(p.eventsA, LinkDown.class).getFirst().failure();
        assertThat(f.rasError()).isEqualTo(719);
        assertThat(f.message()).contains("Administrative shutdown");
    }

    @Test
    void terminateIsRetransmittedThenGivesUpWhenThePeerIsGone() {
        LinkPair p = pair(client("wonderland"), server());
        p.driveUntilIdle(LIMIT);
        p.aToB.dropAll(true);
        p.a.close("bye", p.now());
        long start = p.now();
        p.driveUntilIdle(LIMIT);
        assertThat(p.a.isFinished()).isTrue();
        // Max-Terminate (2) Terminate-Requests, 3 s apart, then TO-: 6 s.
        assertThat(Duration.ofNanos(p.now() - start)).isEqualTo(Duration.ofSeconds(6));
        assertThat(p.traceA.stream().filter(l -> l.startsWith("sent [LCP TermReq")).count()).isEqualTo(2);
    }

    @Test
    void aSilentPeerMakesLcpTimeOutWith718AfterMaxConfigureRequests() {
        LinkPair p = new LinkPair(client("wonderland"), server());
        p.aToB.dropAll(true);
        p.bToA.dropAll(true);
        p.open();
        long start = p.now();
        p.driveUntilIdle(LIMIT);
        LinkFailure f = LinkPair.of(p.eventsA, LinkDown.class).getFirst().failure();
        assertThat(f).isEqualTo(new LinkFailure.NegotiationTimeout(Protocol.LCP));
        assertThat(f.rasError()).isEqualTo(718);
        assertThat(p.traceA.stream().filter(l -> l.startsWith("sent [LCP ConfReq")).count()).isEqualTo(10);
        assertThat(Duration.ofNanos(p.now() - start)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aPeerThatRefusesEveryAuthenticationWeAcceptGets691() {
        PppConfig papOnly = client("wonderland").withLcp(LcpConfig.client().withAcceptAuth(Set.of(AuthProtocol.PAP)));
        LinkPair p = pair(papOnly, server(AuthProtocol.MSCHAP_V2));
        p.driveUntilIdle(LIMIT);
        LinkFailure f = LinkPair.of(p.eventsB, LinkDown.class).getFirst().failure();
        assertThat(f).as(p.traces()).isInstanceOf(LinkFailure.AuthenticationRefused.class);
        assertThat(f.rasError()).isEqualTo(691);
    }

    @Test
    void theAuthenticatorFallsBackToAProtocolThePeerNaksFor() {
        PppConfig papOnly = client("wonderland").withLcp(LcpConfig.client().withAcceptAuth(Set.of(AuthProtocol.PAP)));
        LinkPair p = pair(papOnly, server(AuthProtocol.MSCHAP_V2, AuthProtocol.PAP));
        p.driveUntilIdle(LIMIT);
        assertNetworkUp(p);
        assertThat(p.a.projection().authenticatedWith()).isEqualTo(AuthProtocol.PAP);
    }

    @Test
    void deadPeerIsDetectedByLcpEchoAndEndsWith721() {
        PppConfig keepalive = client("wonderland").withLcp(LcpConfig.client().withEcho(Duration.ofSeconds(1), 3));
        LinkPair p = pair(keepalive, server());
        p.driveUntilIdle(Duration.ofSeconds(10));
        assertNetworkUp(p);
        // While the peer answers, echoes keep the link up.
        p.advance(Duration.ofSeconds(20));
        assertThat(p.a.isFinished()).isFalse();
        p.bToA.dropAll(true);
        p.driveUntilIdle(LIMIT);
        LinkFailure f = LinkPair.of(p.eventsA, LinkDown.class).getFirst().failure();
        assertThat(f).isEqualTo(new LinkFailure.PeerDead(3));
        assertThat(f.rasError()).isEqualTo(721);
    }

    @Test
    void aPeerWithoutIpv6cpProtocolRejectsItAndIpv4CarriesTheLink() {
        LinkPair p = pair(client("wonderland"), server().withIpv6(false));
        p.driveUntilIdle(LIMIT);
        assertNetworkUp(p);
        assertThat(p.traceB).anyMatch(l -> l.startsWith("sent [LCP ProtRej"));
        assertThat(p.a.projection().localInterfaceId()).isZero();
        assertThat(p.a.isFinished()).isFalse();
    }

    @Test
    void datagramsFlowBothWaysOnceIpcpIsOpened() {
        LinkPair p = pair(client("wonderland"), server(AuthProtocol.CHAP_MD5));
        p.driveUntilIdle(LIMIT);
        byte[] ping = {0x45, 0, 0, 20, 1, 2, 3, 4, 64, 1, 0, 0, (byte) 192, 0, 2, 2, (byte) 192, 0, 2, 1};
        assertThat(p.a.sendDatagram(Protocol.IPV4, ping, 0, ping.length)).isTrue();
        assertThat(p.b.sendDatagram(Protocol.IPV4, new byte[] {0x7e, 0x7d, 0x11, 0x13}, 0, 4)).isTrue();
        p.step();
        assertThat(LinkPair.of(p.eventsB, DatagramReceived.class)).singleElement()
                .satisfies(d -> assertThat(d.packet()).isEqualTo(ping));
        assertThat(LinkPair.of(p.eventsA, DatagramReceived.class)).singleElement()
                .satisfies(d -> assertThat(d.packet()).containsExactly(0x7e, 0x7d, 0x11, 0x13));
    }

    @Test
    void theAuthenticatorCanAssignAnotherPeerAddressUntilIpcpOpens() {
        LinkPair p = new LinkPair(client("wonderland"), server(AuthProtocol.PAP));
        assertThat(p.b.assignPeerAddress(Ipv4.parse("198.51.100.7"))).isTrue();
        p.open();
        p.driveUntilIdle(LIMIT);
        assertThat(p.a.projection().localAddressText()).isEqualTo("198.51.100.7");
        assertThat(p.b.projection().remoteAddressText()).isEqualTo("198.51.100.7");
        assertThat(p.b.assignPeerAddress(Ipv4.parse("198.51.100.8"))).isFalse();
    }

    @Test
    void aDatagramIsRefusedBeforeIpcpOpens() {
        LinkPair p = new LinkPair(client("wonderland"), server());
        assertThat(p.a.sendDatagram(Protocol.IPV4, new byte[20], 0, 20)).isFalse();
    }

    @Test
    void aLoopedBackLineIsDetectedAs737() {
        // One engine whose output is fed straight back to its own input.
        List<String> trace = new java.util.ArrayList<>();
        PppEngine e = new PppEngine(client("wonderland").withTrace(trace::add));
        long now = 0;
        e.open(now);
        LinkFailure failure = null;
        for (int i = 0; i < 1000 && failure == null; i++) {
            for (byte[] out; (out = e.pollTransmit()) != null; ) {
                e.receive(out, now);
            }
            for (PppEvent ev; (ev = e.pollEvent()) != null; ) {
                if (ev instanceof LinkDown d) {
                    failure = d.failure();
                }
            }
            if (failure == null && e.pollTransmit() == null) {
                now = Math.max(now, e.nextDeadline());
                e.handleTimeout(now);
            }
        }
        assertThat(failure).as(String.join("\n", trace)).isEqualTo(new LinkFailure.Loopback());
        assertThat(failure.rasError()).isEqualTo(737);
    }

    @Test
    void lowerLayerDownEndsTheLinkAtOnce() {
        LinkPair p = pair(client("wonderland"), server());
        p.driveUntilIdle(LIMIT);
        p.a.lowerDown(p.now());
        p.step();
        LinkFailure f = LinkPair.of(p.eventsA, LinkDown.class).getFirst().failure();
        assertThat(f).isEqualTo(new LinkFailure.LowerLayerDown(true));
        assertThat(p.a.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void eventsFollowTheDocumentedGrammar() {
        LinkPair p = pair(client("wonderland"), server(AuthProtocol.PAP));
        p.driveUntilIdle(LIMIT);
        p.a.close("bye", p.now());
        p.driveUntilIdle(LIMIT);
        List<String> names = p.eventsA.stream()
                .filter(e -> !(e instanceof DatagramReceived))
                .map(e -> e instanceof PppEvent.PhaseChanged pc ? "Phase(" + pc.to() + ")"
                        : e instanceof NetworkUp nu ? "NetworkUp(" + nu.ncp() + ")" : e.getClass().getSimpleName())
                .toList();
        // The two NCPs negotiate independently: either may open first.
        assertThat(names.subList(0, 5)).containsExactly("Phase(ESTABLISH)", "LinkEstablished", "Phase(AUTHENTICATE)",
                "Authenticated", "Phase(NETWORK)");
        assertThat(names.subList(5, 7)).containsExactlyInAnyOrder("NetworkUp(IPCP)", "NetworkUp(IPV6CP)");
        assertThat(names.subList(7, names.size())).containsExactly("Phase(TERMINATE)", "Phase(DEAD)", "LinkDown");
    }
}
