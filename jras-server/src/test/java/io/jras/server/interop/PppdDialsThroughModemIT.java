package io.jras.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.link.DeviceSpec;
import io.jras.link.modem.AnswerConfig;
import io.jras.link.modem.sim.Destination;
import io.jras.link.modem.sim.ModemEmulator;
import io.jras.ppp.AuthProtocol;
import io.jras.server.AnswerServer;
import io.jras.server.ServerConfig;
import io.jras.server.SessionEnd;
import io.jras.server.SessionInfo;
import io.jras.server.SessionListener;
import io.jras.server.pool.AddressRange;
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

/**
 * The real pppd 2.4.9 (inside user-mode-linux) dials through the modem emulator with its own
 * {@code connect} chat script (ATZ, ATDT), calling the number of the modem line an AnswerServer
 * with no TCP listen at all answers: RING, ATA, CONNECT, then PPP with CHAP and then PAP, one call
 * after the other on the same line.
 */
@RealPeers
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PppdDialsThroughModemIT {

    static final Duration WITHIN = Duration.ofSeconds(60);
    static final String NUMBER = "5550100";
    static final String SECRET = "wonderland";

    @TempDir
    Path dir;

    final List<String> log = new CopyOnWriteArrayList<>();
    final List<String> modemLog = new CopyOnWriteArrayList<>();
    final BlockingQueue<SessionInfo> started = new LinkedBlockingQueue<>();
    final BlockingQueue<SessionEnd> ended = new LinkedBlockingQueue<>();

    static Map<String, String> dialing(String number) {
        // pppd's own dialer: chat says ATZ, waits for OK, dials, waits for CONNECT
        return Map.of("PPPD_EXTRA", "connect \"/usr/sbin/chat -v -t 20 '' ATZ OK ATDT" + number + " CONNECT ''\" maxconnect 4");
    }

    @Test
    void pppdDialsTheAnsweringLineTwiceAndGetsAPoolAddressEachTime() throws Exception {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        Path users = dir.resolve("chap-secrets");
        Files.writeString(users, "alice * \"" + SECRET + "\" *\n");
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
        try (ModemEmulator emulator = new ModemEmulator(Map.<String, Destination>of(), Map.of(NUMBER, any), any,
                ModemEmulator.Options.DEFAULTS.withRingInterval(Duration.ofMillis(500)).withGuardTime(Duration.ofMillis(300)),
                line -> {
                    modemLog.add(line);
                    System.out.println("[modem-sim] " + line);
                })) {
            emulator.start();
            DeviceSpec.Modem line = new DeviceSpec.Modem(new DeviceSpec.Tcp("127.0.0.1", emulator.lineAddress(NUMBER).getPort()));
            ServerConfig config = ServerConfig.of(List.of(), AddressRange.parse("192.0.2.10-192.0.2.19"))
                    .withAuth(List.of(AuthProtocol.CHAP_MD5, AuthProtocol.PAP)).withTrace(true);
            try (AnswerServer server = new AnswerServer(config, UsersFile.load(users, config.name()), new SessionListener() {
                @Override
                public void started(SessionInfo session) {
                    started.add(session);
                }

                @Override
                public void ended(SessionInfo session, SessionEnd end) {
                    ended.add(end);
                }
            }, l -> {
                log.add(l);
                System.out.println("[serve] " + l);
            })) {
                server.addModemLine(line, AnswerConfig.DEFAULTS.withGuardTime(Duration.ofMillis(300)));
                server.start();
                assertThat(server.addresses()).isEmpty();

                awaitWaiting(line, 1);
                int calls = 0;
                for (Auth auth : List.of(Auth.CHAP, Auth.PAP)) {
                    try (PeerProcess pppd = PeerProcess.pppdClient(emulator.port(), auth, dialing(NUMBER))) {
                        pppd.awaitLog((auth == Auth.PAP ? "PAP" : "CHAP") + " authentication succeeded", WITHIN);
                        // the pool hands out the address least recently used: .10, then .11
                        String address = "192.0.2.1" + calls;
                        pppd.awaitLog("^local  IP address " + address.replace(".", "\\.") + "$", WITHIN);
                        SessionInfo s = started.poll(WITHIN.toSeconds(), TimeUnit.SECONDS);
                        assertThat(s).as(String.join("\n", log)).isNotNull();
                        assertThat(s.deviceType()).isEqualTo("modem");
                        assertThat(s.device()).isEqualTo(line.toString());
                        assertThat(s.user()).isEqualTo("alice");
                        assertThat(s.addressText()).isEqualTo(address);
                        // maxconnect 4: pppd ends the call with LCP Terminate-Request, then its line
                        assertThat(pppd.awaitExit(WITHIN)).isEqualTo(PeerProcess.EXIT_CONNECT_TIME);
                        SessionEnd end = ended.poll(WITHIN.toSeconds(), TimeUnit.SECONDS);
                        assertThat(end).as(String.join("\n", log)).isNotNull();
                        assertThat(end.rasError()).as(end.reason()).isEqualTo(719);
                    }
                    // the line is hung up and waits for the next call
                    calls++;
                    awaitWaiting(line, calls + 1);
                }
                assertThat(modemLog).anyMatch(l -> l.contains("ATDT" + NUMBER + " -> CONNECT 115200 to line " + NUMBER));
                assertThat(log).noneMatch(l -> l.contains(SECRET));
            }
        }
    }

    /** Waits until the line has said it waits for a call {@code times} times (a state, not a timer). */
    private void awaitWaiting(DeviceSpec.Modem line, int times) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (log.stream().filter(l -> l.equals(line + ": waiting for a call")).count() < times) {
            assertThat(System.nanoTime()).as("waiting for a call, %d times\n%s", times, String.join("\n", log)).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
