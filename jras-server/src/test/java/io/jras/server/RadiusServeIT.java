package io.jras.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.ppp.LinkFailure;
import io.jras.ppp.PppEvent;
import io.jras.server.radius.FreeRadiusProcess;
import io.jras.server.radius.RadiusConfig;
import io.jras.server.radius.RadiusNas;
import io.jras.server.radius.RadiusSecret;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code jras serve --radius}: an AnswerServer that asks a real FreeRADIUS 3.2 (Debian's, started
 * here by {@link FreeRadiusProcess}) about every peer, and reports sessions to it, dialed by jras's
 * own client engine over loopback TCP. A FreeRADIUS that cannot start fails the test.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RadiusServeIT {

    static final String PASSWORD = "wonderland";
    static final String WRONG = "queenofhearts";
    /** Outside the pool: RADIUS's Framed-IP-Address for carol. */
    static final String CAROL_ADDRESS = "192.0.2.200";

    static FreeRadiusProcess radiusd;

    ServerFixture fixture;
    Dialer dialer;

    @BeforeAll
    static void startFreeRadius() throws Exception {
        radiusd = FreeRadiusProcess.start(List.of(
                new FreeRadiusProcess.User("alice", PASSWORD),
                new FreeRadiusProcess.User("carol", PASSWORD, List.of("Framed-IP-Address = " + CAROL_ADDRESS))));
    }

    @AfterAll
    static void stopFreeRadius() {
        if (radiusd != null) {
            radiusd.close();
        }
    }

    @AfterEach
    void tearDown() throws IOException {
        if (dialer != null) {
            dialer.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    static RadiusConfig radiusConfig(InetSocketAddress auth, InetSocketAddress acct, String secret) {
        return RadiusConfig.of(auth, RadiusSecret.of(secret), "jras-test").withAcctServer(acct)
                .withTimeout(Duration.ofMillis(500), 3);
    }

    ServerFixture serve(AuthProtocol protocol, RadiusConfig radius) throws IOException {
        fixture = new ServerFixture(ServerFixture.config().withAuth(List.of(protocol)),
                io.jras.server.users.UserDirectory.NONE, new RadiusNas(radius));
        return fixture;
    }

    ServerFixture serve(AuthProtocol protocol) throws IOException {
        return serve(protocol, radiusConfig(radiusd.authAddress(), radiusd.acctAddress(), radiusd.secret()));
    }

    /** Neither the peer's password nor the shared secret in the server log or either trace. */
    void assertNoSecretsIn(String... texts) {
        for (String t : texts) {
            assertThat(t).doesNotContain(PASSWORD).doesNotContain(WRONG).doesNotContain(radiusd.secret());
        }
    }

    @ParameterizedTest
    @EnumSource(AuthProtocol.class)
    void freeRadiusLetsTheRightPasswordIn(AuthProtocol protocol) throws Exception {
        serve(protocol);
        dialer = Dialer.dial(fixture.address(), "alice", PASSWORD);
        PppEvent.NetworkUp up = dialer.awaitIpcp();

        SessionInfo s = fixture.awaitStarted();
        assertThat(s.user()).isEqualTo("alice");
        assertThat(s.authProtocol()).isEqualTo(protocol);
        assertThat(up.projection().localAddressText()).isEqualTo(s.addressText()).startsWith("192.0.2.1");
        // MS-CHAPv2: the dialer checked FreeRADIUS's authenticator response (RFC 2759 §5) to get here
        assertThat(dialer.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(PppEvent.Authenticated.class,
                a -> assertThat(a.protocol()).isEqualTo(protocol)));
        assertThat(radiusd.logText()).contains("Sent Access-Accept");
        assertNoSecretsIn(fixture.logText(), dialer.trace());
    }

    @ParameterizedTest
    @EnumSource(AuthProtocol.class)
    void aWrongPasswordGets691AndTheLogSaysRadiusRefused(AuthProtocol protocol) throws Exception {
        serve(protocol);
        dialer = Dialer.dial(fixture.address(), "alice", WRONG);
        LinkFailure failure = dialer.awaitDown();

        assertThat(failure).as(dialer.trace()).isInstanceOf(LinkFailure.AuthenticationFailed.class);
        assertThat(failure.rasError()).isEqualTo(691);
        if (protocol == AuthProtocol.MSCHAP_V2) {
            assertThat(dialer.trace()).contains("E=691");
        }
        ServerFixture.Ended end = fixture.awaitEnded();
        assertThat(end.end().rasError()).isEqualTo(691);
        assertThat(end.session().started()).isFalse();
        assertThat(fixture.logText()).contains("user \"alice\" (" + protocol.displayName() + ") refused: rejected by RADIUS");
        assertThat(radiusd.logText()).contains("Sent Access-Reject");
        assertNoSecretsIn(fixture.logText(), dialer.trace());
    }

    @Test
    void anUnknownUserIsRefusedLikeAWrongPassword() throws Exception {
        serve(AuthProtocol.CHAP_MD5);
        dialer = Dialer.dial(fixture.address(), "mallory", PASSWORD);
        assertThat(dialer.awaitDown().rasError()).isEqualTo(691);
    }

    @Test
    void theFramedIpAddressOfTheAccessAcceptIsTheAddressThePeerGets() throws Exception {
        serve(AuthProtocol.PAP);
        dialer = Dialer.dial(fixture.address(), "carol", PASSWORD);
        PppEvent.NetworkUp up = dialer.awaitIpcp();
        assertThat(up.projection().localAddressText()).isEqualTo(CAROL_ADDRESS);
        assertThat(fixture.awaitStarted().addressText()).isEqualTo(CAROL_ADDRESS);
    }

    @Test
    void accountingStartAndStopArriveWithTheSessionTimeAndOctets() throws Exception {
        serve(AuthProtocol.MSCHAP_V2);
        int before = radiusd.accountingRecords().size();
        dialer = Dialer.dial(fixture.address(), "alice", PASSWORD);
        dialer.awaitIpcp();
        SessionInfo s = fixture.awaitStarted();
        Map<String, String> start = awaitRecord(before, "Start");
        assertThat(start.get("User-Name")).isEqualTo("alice");
        assertThat(start.get("Framed-IP-Address")).isEqualTo(s.addressText());
        assertThat(start.get("NAS-Identifier")).isEqualTo("jras-test");
        assertThat(start.get("Acct-Authentic")).isEqualTo("RADIUS");

        // a session that lasts: Acct-Session-Time counts whole seconds from IPCP up
        Thread.sleep(2200);
        dialer.session.close("user request");
        ServerFixture.Ended end = fixture.awaitEnded();
        Map<String, String> stop = awaitRecord(before + 1, "Stop");

        assertThat(stop.get("Acct-Session-Id")).isEqualTo(start.get("Acct-Session-Id"));
        long seconds = Long.parseLong(stop.get("Acct-Session-Time"));
        assertThat(seconds).isBetween(2L, end.end().duration().toSeconds());
        assertThat(Long.parseLong(stop.get("Acct-Input-Octets"))).isEqualTo(end.end().octetsIn()).isPositive();
        assertThat(Long.parseLong(stop.get("Acct-Output-Octets"))).isEqualTo(end.end().octetsOut()).isPositive();
        assertThat(stop.get("Acct-Input-Gigawords")).isEqualTo("0");
        assertThat(Long.parseLong(stop.get("Acct-Input-Packets"))).isPositive();
        assertThat(Long.parseLong(stop.get("Acct-Output-Packets"))).isPositive();
        // the dialer sent LCP Terminate-Request: the user asked for the end
        assertThat(stop.get("Acct-Terminate-Cause")).isEqualTo("User-Request");
        assertThat(stop.get("Framed-IP-Address")).isEqualTo(s.addressText());
        assertNoSecretsIn(fixture.logText(), dialer.trace());
    }

    @Test
    void serverStopSendsTheStopOfEveryLiveSession() throws Exception {
        serve(AuthProtocol.CHAP_MD5);
        int before = radiusd.accountingRecords().size();
        dialer = Dialer.dial(fixture.address(), "alice", PASSWORD);
        dialer.awaitIpcp();
        awaitRecord(before, "Start");
        fixture.close();
        Map<String, String> stop = awaitRecord(before + 1, "Stop");
        assertThat(stop.get("Acct-Terminate-Cause")).isEqualTo("NAS-Reboot");
    }

    @Test
    void aRadiusServerThatDoesNotAnswerFailsThePeerCleanly() throws Exception {
        InetSocketAddress silent;
        try (DatagramSocket hole = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            silent = new InetSocketAddress(InetAddress.getLoopbackAddress(), hole.getLocalPort());
            // the socket stays open and never reads: requests go nowhere, no ICMP comes back
            serve(AuthProtocol.PAP, radiusConfig(silent, silent, "not-the-secret-" + radiusd.secret()).withTimeout(
                    Duration.ofMillis(300), 2));
            dialer = Dialer.dial(fixture.address(), "alice", PASSWORD);
            LinkFailure failure = dialer.awaitDown();
            assertThat(failure.rasError()).as(dialer.trace()).isEqualTo(691);
            ServerFixture.Ended end = fixture.awaitEnded();
            assertThat(end.end().rasError()).isEqualTo(691);
            assertThat(fixture.logText()).contains("user \"alice\" (PAP) refused: RADIUS server 127.0.0.1:"
                    + silent.getPort() + " did not answer (2 tries)");
            assertNoSecretsIn(fixture.logText(), dialer.trace());
        }
    }

    @Test
    void aWrongSharedSecretIsNoAnswerAtAll() throws Exception {
        // FreeRADIUS drops requests whose Message-Authenticator does not verify
        serve(AuthProtocol.PAP, radiusConfig(radiusd.authAddress(), radiusd.acctAddress(), "wrong-secret")
                .withTimeout(Duration.ofMillis(300), 2));
        dialer = Dialer.dial(fixture.address(), "alice", PASSWORD);
        assertThat(dialer.awaitDown().rasError()).isEqualTo(691);
        fixture.awaitEnded();
        assertThat(fixture.logText()).contains("did not answer");
        assertThat(fixture.logText()).doesNotContain("wrong-secret");
    }

    @Test
    void sixHundredConcurrentAccessRequestsShareOneSocketAndItsIdentifiers() throws Exception {
        // more than the 256 Identifiers at once: the rest wait for one, FreeRADIUS sees no duplicate
        try (RadiusNas nas = new RadiusNas(RadiusConfig.of(radiusd.authAddress(), RadiusSecret.of(radiusd.secret()),
                "jras-load").withAcctServer(radiusd.acctAddress()))) {
            List<java.util.concurrent.CompletableFuture<io.jras.server.radius.RadiusVerdict>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 600; i++) {
                String password = i % 10 == 0 ? WRONG : PASSWORD;
                answers.add(nas.authenticate(new io.jras.ppp.auth.PeerProof.Pap("alice",
                        io.jras.ppp.auth.Octets.utf8(password)), new io.jras.server.radius.NasPort(i, null)));
            }
            for (int i = 0; i < 600; i++) {
                assertThat(answers.get(i).get(60, TimeUnit.SECONDS).verdict().accepted()).as("request " + i)
                        .isEqualTo(i % 10 != 0);
            }
            assertThat(nas.statistics().requests()).isEqualTo(600);
            assertThat(nas.statistics().responses()).isEqualTo(600);
            assertThat(nas.statistics().dropped()).isZero();
        }
    }

    private static Map<String, String> awaitRecord(int index, String status) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            List<Map<String, String>> records = radiusd.accountingRecords();
            if (records.size() > index) {
                Map<String, String> r = records.get(index);
                assertThat(r.get("Acct-Status-Type")).as(r.toString()).isEqualTo(status);
                return r;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no accounting " + status + " record in " + radiusd.detailFile() + "\n"
                + radiusd.logText());
    }

    static String format(int address) {
        return Ipv4.format(address);
    }
}
