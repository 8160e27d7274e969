package io.jras.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.server.AnswerServer;
import io.jras.server.ServerConfig;
import io.jras.server.ServerLimits;
import io.jras.server.SessionEnd;
import io.jras.server.SessionInfo;
import io.jras.server.SessionListener;
import io.jras.server.pool.AddressRange;
import io.jras.server.users.UserDirectory;
import io.jras.server.users.UsersFile;
import io.jras.ppp.testkit.peers.PeerProcess;
import io.jras.ppp.testkit.peers.PeerProcess.Auth;
import io.jras.ppp.testkit.peers.RealPeers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real pppd 2.4.9 (inside user-mode-linux) dials what {@code jras serve} runs: an AnswerServer
 * with a users file in pppd's own format, a pool and DNS.
 */
@RealPeers
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PppdDialsJrasServeIT {

    static final Duration WITHIN = Duration.ofSeconds(30);
    static final String SECRET = "wonderland";
    static final String WRONG = "queenofhearts";

    @TempDir
    Path dir;

    final List<String> log = new CopyOnWriteArrayList<>();
    final BlockingQueue<SessionInfo> started = new LinkedBlockingQueue<>();
    final BlockingQueue<SessionEnd> ended = new LinkedBlockingQueue<>();

    static List<AuthProtocol> protocols(Auth auth) {
        return switch (auth) {
            case PAP -> List.of(AuthProtocol.PAP);
            case CHAP -> List.of(AuthProtocol.CHAP_MD5);
            case MSCHAPV2 -> List.of(AuthProtocol.MSCHAP_V2);
            default -> List.of();
        };
    }

    AnswerServer serve(Auth auth) throws Exception {
        Path users = dir.resolve("chap-secrets");
        Files.writeString(users, """
                # client  server  secret        addresses
                alice     *       "%s"          192.0.2.0/24
                """.formatted(SECRET));
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
        ServerConfig config = ServerConfig.of(List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                        AddressRange.parse("192.0.2.10-192.0.2.19"))
                .withDns(Ipv4.parse("192.0.2.53"), Ipv4.parse("192.0.2.54"))
                .withAuth(protocols(auth))
                .withTrace(true)
                // UML boots in a few seconds; its connect comes once pppd runs
                .withLimits(ServerLimits.DEFAULTS.withNegotiationTimeout(Duration.ofSeconds(60)));
        UserDirectory directory = auth == Auth.NONE ? UserDirectory.NONE : UsersFile.load(users, config.name());
        AnswerServer server = new AnswerServer(config, directory, new SessionListener() {
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

    int port(AnswerServer server) {
        return server.addresses().getFirst().getPort();
    }

    @ParameterizedTest
    @EnumSource(value = Auth.class, names = {"NONE", "PAP", "CHAP", "MSCHAPV2"})
    void pppdAuthenticatesAndGetsAPoolAddressAndDns(Auth auth) throws Exception {
        try (AnswerServer server = serve(auth);
             PeerProcess pppd = PeerProcess.pppdClient(port(server), auth, Map.of("PPPD_EXTRA", "maxconnect 4"))) {
            switch (auth) {
                case PAP -> pppd.awaitLog("PAP authentication succeeded", WITHIN);
                case CHAP, MSCHAPV2 -> pppd.awaitLog("CHAP authentication succeeded", WITHIN);
                default -> { }
            }
            pppd.awaitLog("^local  IP address 192\\.0\\.2\\.10$", WITHIN);
            pppd.awaitLog("^remote IP address 192\\.0\\.2\\.9$", WITHIN);
            pppd.awaitLog("^primary   DNS address 192\\.0\\.2\\.53$", WITHIN);
            pppd.awaitLog("^secondary DNS address 192\\.0\\.2\\.54$", WITHIN);

            SessionInfo s = started.poll(WITHIN.toSeconds(), TimeUnit.SECONDS);
            assertThat(s).as(String.join("\n", log)).isNotNull();
            assertThat(s.addressText()).isEqualTo("192.0.2.10");
            assertThat(s.user()).isEqualTo(auth == Auth.NONE ? "" : "alice");
            assertThat(s.authProtocol()).isEqualTo(auth == Auth.NONE ? null : protocols(auth).getFirst());

            // maxconnect 4: pppd ends the call with LCP Terminate-Request
            assertThat(pppd.awaitExit(WITHIN)).isEqualTo(PeerProcess.EXIT_CONNECT_TIME);
            SessionEnd end = ended.poll(WITHIN.toSeconds(), TimeUnit.SECONDS);
            assertThat(end).as(String.join("\n", log)).isNotNull();
            assertThat(end.rasError()).as(end.reason()).isEqualTo(719);
            assertThat(server.addressesAvailable()).isEqualTo(10);
            assertThat(log).noneMatch(l -> l.contains(SECRET));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Auth.class, names = {"PAP", "CHAP", "MSCHAPV2"})
    void aWrongPasswordMakesPppdExit19AndLeavesNoSecretInTheLog(Auth auth) throws Exception {
        try (AnswerServer server = serve(auth);
             PeerProcess pppd = PeerProcess.pppdClient(port(server), auth, Map.of("PPP_PASS", WRONG))) {
            assertThat(pppd.awaitExit(WITHIN)).isEqualTo(PeerProcess.EXIT_AUTH_TOPEER_FAILED);
            SessionEnd end = ended.poll(WITHIN.toSeconds(), TimeUnit.SECONDS);
            assertThat(end).as(String.join("\n", log)).isNotNull();
            assertThat(end.rasError()).isEqualTo(691);
            assertThat(started).isEmpty();
            assertThat(log).anyMatch(l -> l.matches("session 1 ended before the network came up: .* user \"alice\" .*\\(691\\)"));
            assertThat(log).noneMatch(l -> l.contains(WRONG) || l.contains(SECRET));
        }
    }

    @Test
    void twoPppdClientsAtOnceGetTwoAddresses() throws Exception {
        Path logsA = Files.createDirectories(dir.resolve("a"));
        Path logsB = Files.createDirectories(dir.resolve("b"));
        try (AnswerServer server = serve(Auth.MSCHAPV2);
             PeerProcess a = PeerProcess.pppdClient(port(server), Auth.MSCHAPV2, Map.of("LAB_LOGS", logsA.toString()));
             PeerProcess b = PeerProcess.pppdClient(port(server), Auth.MSCHAPV2, Map.of("LAB_LOGS", logsB.toString()))) {
            String ipA = a.awaitLog("^local  IP address (192\\.0\\.2\\.1\\d)$", WITHIN).group(1);
            String ipB = b.awaitLog("^local  IP address (192\\.0\\.2\\.1\\d)$", WITHIN).group(1);
            assertThat(ipA).isNotEqualTo(ipB);
            assertThat(List.of(started.poll(WITHIN.toSeconds(), TimeUnit.SECONDS).addressText(),
                    started.poll(WITHIN.toSeconds(), TimeUnit.SECONDS).addressText())).containsExactlyInAnyOrder(ipA, ipB);
            assertThat(server.sessions()).hasSize(2);
            // jras serve's SIGTERM path: every session gets LCP Terminate; pppd hears it and exits
            server.stop();
            assertThat(ended).hasSize(2).allMatch(e -> e.reason().equals("server stopping"));
            for (PeerProcess pppd : List.of(a, b)) {
                pppd.awaitLog("^LCP terminated by peer \\(server stopping\\)$", WITHIN);
                // pppd acks, then sees the line close: "Modem hangup"
                assertThat(pppd.awaitExit(WITHIN)).isEqualTo(PeerProcess.EXIT_HANGUP);
            }
        }
    }
}
