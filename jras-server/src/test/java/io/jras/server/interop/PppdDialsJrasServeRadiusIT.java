package io.jras.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.ppp.testkit.peers.PeerProcess;
import io.jras.ppp.testkit.peers.PeerProcess.Auth;
import io.jras.ppp.testkit.peers.RealPeers;
import io.jras.server.AnswerServer;
import io.jras.server.ServerConfig;
import io.jras.server.ServerLimits;
import io.jras.server.SessionEnd;
import io.jras.server.SessionInfo;
import io.jras.server.SessionListener;
import io.jras.server.pool.AddressRange;
import io.jras.server.radius.FreeRadiusProcess;
import io.jras.server.radius.RadiusConfig;
import io.jras.server.radius.RadiusNas;
import io.jras.server.radius.RadiusSecret;
import io.jras.server.users.UserDirectory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three real programs: pppd 2.4.9 (in user-mode-linux) dials what {@code jras serve --radius}
 * runs, and FreeRADIUS 3.2 decides and keeps the accounts.
 */
@RealPeers
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PppdDialsJrasServeRadiusIT {

    static final Duration WITHIN = Duration.ofSeconds(30);
    static final String PASSWORD = "wonderland"; // the harness's default PPP_PASS
    static final String WRONG = "queenofhearts";

    static FreeRadiusProcess radiusd;

    final List<String> log = new CopyOnWriteArrayList<>();
    final BlockingQueue<SessionInfo> started = new LinkedBlockingQueue<>();
    final BlockingQueue<SessionEnd> ended = new LinkedBlockingQueue<>();

    @BeforeAll
    static void startFreeRadius() throws Exception {
        radiusd = FreeRadiusProcess.start(List.of(new FreeRadiusProcess.User("alice", PASSWORD)));
    }

    @AfterAll
    static void stopFreeRadius() {
        if (radiusd != null) {
            radiusd.close();
        }
    }

    static AuthProtocol protocol(Auth auth) {
        return switch (auth) {
            case PAP -> AuthProtocol.PAP;
            case CHAP -> AuthProtocol.CHAP_MD5;
            case MSCHAPV2 -> AuthProtocol.MSCHAP_V2;
            default -> throw new IllegalArgumentException(auth.toString());
        };
    }

    AnswerServer serve(Auth auth) throws Exception {
        ServerConfig config = ServerConfig.of(List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                        AddressRange.parse("192.0.2.10-192.0.2.19"))
                .withDns(Ipv4.parse("192.0.2.53"), 0)
                .withAuth(List.of(protocol(auth)))
                .withTrace(true)
                .withLimits(ServerLimits.DEFAULTS.withNegotiationTimeout(Duration.ofSeconds(60)));
        RadiusNas nas = new RadiusNas(RadiusConfig.of(radiusd.authAddress(), RadiusSecret.of(radiusd.secret()), "jras-uml")
                .withAcctServer(radiusd.acctAddress()));
        AnswerServer server = new AnswerServer(config, UserDirectory.NONE, nas, new SessionListener() {
            @Override
            public void started(SessionInfo session) {
                started.add(session);
            }

            @Override
            public void ended(SessionInfo session, SessionEnd end) {
                ended.add(end);
            }
        }, line -> {
            log.add(line);
            System.out.println("[serve] " + line);
        });
        server.start();
        return server;
    }

    @ParameterizedTest
    @EnumSource(value = Auth.class, names = {"PAP", "CHAP", "MSCHAPV2"})
    void pppdIsLetInByFreeRadiusAndTheSessionIsAccounted(Auth auth) throws Exception {
        int before = radiusd.accountingRecords().size();
        try (AnswerServer server = serve(auth);
             PeerProcess pppd = PeerProcess.pppdClient(server.addresses().getFirst().getPort(), auth,
                     Map.of("PPPD_EXTRA", "maxconnect 3"))) {
            // MS-CHAPv2: pppd checks the authenticator response FreeRADIUS computed
            pppd.awaitLog(auth == Auth.PAP ? "PAP authentication succeeded" : "CHAP authentication succeeded", WITHIN);
            pppd.awaitLog("^local  IP address 192\\.0\\.2\\.10$", WITHIN);
            SessionInfo s = started.poll(WITHIN.toSeconds(), TimeUnit.SECONDS);
            assertThat(s).as(String.join("\n", log)).isNotNull();
            assertThat(s.user()).isEqualTo("alice");

            assertThat(pppd.awaitExit(WITHIN)).isEqualTo(PeerProcess.EXIT_CONNECT_TIME);
            SessionEnd end = ended.poll(WITHIN.toSeconds(), TimeUnit.SECONDS);
            assertThat(end).as(String.join("\n", log)).isNotNull();

            Map<String, String> stop = awaitRecord(before + 1);
            Map<String, String> start = radiusd.accountingRecords().get(before);
            assertThat(start.get("Acct-Status-Type")).isEqualTo("Start");
            assertThat(stop.get("Acct-Status-Type")).isEqualTo("Stop");
            assertThat(stop.get("Acct-Terminate-Cause")).isEqualTo("User-Request");
            assertThat(Long.parseLong(stop.get("Acct-Session-Time"))).isBetween(2L, 4L);
            assertThat(Long.parseLong(stop.get("Acct-Input-Octets"))).isEqualTo(end.octetsIn());
            assertThat(Long.parseLong(stop.get("Acct-Output-Octets"))).isEqualTo(end.octetsOut());
            assertThat(log).noneMatch(l -> l.contains(PASSWORD) || l.contains(radiusd.secret()));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Auth.class, names = {"PAP", "CHAP", "MSCHAPV2"})
    void aPasswordFreeRadiusRefusesMakesPppdExit19(Auth auth) throws Exception {
        try (AnswerServer server = serve(auth);
             PeerProcess pppd = PeerProcess.pppdClient(server.addresses().getFirst().getPort(), auth,
                     Map.of("PPP_PASS", WRONG))) {
            assertThat(pppd.awaitExit(WITHIN)).isEqualTo(PeerProcess.EXIT_AUTH_TOPEER_FAILED);
            SessionEnd end = ended.poll(WITHIN.toSeconds(), TimeUnit.SECONDS);
            assertThat(end).as(String.join("\n", log)).isNotNull();
            assertThat(end.rasError()).isEqualTo(691);
            assertThat(log).anyMatch(l -> l.contains("user \"alice\" (" + protocol(auth).displayName() + ") refused: rejected by RADIUS"));
            assertThat(log).noneMatch(l -> l.contains(WRONG) || l.contains(PASSWORD) || l.contains(radiusd.secret()));
        }
    }

    private static Map<String, String> awaitRecord(int index) throws Exception {
        long end = System.nanoTime() + WITHIN.toNanos();
        while (System.nanoTime() < end) {
            List<Map<String, String>> records = radiusd.accountingRecords();
            if (records.size() > index) {
                return records.get(index);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("accounting record " + index + " did not arrive\n" + radiusd.logText());
    }
}
