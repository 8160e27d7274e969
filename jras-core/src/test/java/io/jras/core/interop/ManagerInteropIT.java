package io.jras.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.core.ConnectionManager;
import io.jras.core.ConnectionStatus;
import io.jras.core.DialRequest;
import io.jras.core.LinkDevices;
import io.jras.core.ManagerConfig;
import io.jras.core.RasConnState;
import io.jras.link.RasException;
import io.jras.link.modem.sim.ModemEmulator;
import io.jras.ppp.Ipv4;
import io.jras.ppp.testkit.peers.PeerProcess;
import io.jras.ppp.testkit.peers.PeerProcess.Auth;
import io.jras.ppp.testkit.peers.RealPeers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The connection manager end to end against real peers: pppd-in-UML and slirp over TCP for each
 * authentication mode they offer, and a full modem dial through the emulator to each.
 */
@RealPeers
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ManagerInteropIT {

    static final Duration WITHIN = Duration.ofSeconds(40);

    private final ConnectionManager manager = new ConnectionManager(ManagerConfig.DEFAULT);

    @AfterEach
    void close() {
        manager.close();
    }

    private RasConnState state(long h) {
        try {
            return manager.status(h).state();
        } catch (RasException e) {
            return null;
        }
    }

    private void awaitState(long h, RasConnState want) throws InterruptedException {
        long end = System.nanoTime() + WITHIN.toNanos();
        while (state(h) != want) {
            if (System.nanoTime() > end || state(h) == RasConnState.DISCONNECTED && want != RasConnState.DISCONNECTED) {
                throw new AssertionError("wanted " + want + ", have " + statusText(h));
            }
            Thread.sleep(20);
        }
    }

    private String statusText(long h) {
        try {
            return manager.status(h).toString();
        } catch (RasException e) {
            return e.describe();
        }
    }

    private void hangUpAndAwait(long h) throws Exception {
        manager.hangUp(h);
        manager.completion(h).get(30, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(value = Auth.class, names = {"NONE", "PAP", "CHAP", "MSCHAPV2"})
    void theManagerConnectsToPppdAndHangsUpWithLcpTerminate(Auth auth) throws Exception {
        try (PeerProcess pppd = PeerProcess.pppdServer(auth, Map.of())) {
            long h = manager.dial(DialRequest.of("Lab", LinkDevices.forSpec("tcp:127.0.0.1:" + pppd.port()),
                    "alice", "wonderland"), null);
            awaitState(h, RasConnState.CONNECTED);
            ConnectionStatus s = manager.status(h);
            assertThat(s.projection().localAddressText()).isEqualTo("192.0.2.2");
            assertThat(Ipv4.format(s.projection().primaryDns())).isEqualTo("192.0.2.53");
            hangUpAndAwait(h);
            pppd.awaitLog("rcvd \\[LCP TermReq", WITHIN);
            assertThat(manager.tombstone(h).orElseThrow().connectedAt()).isNotNull();
        }
    }

    @Test
    void aWrongPasswordAtPppdLeavesTheHandleDisconnectedWith691() throws Exception {
        try (PeerProcess pppd = PeerProcess.pppdServer(Auth.CHAP, Map.of())) {
            long h = manager.dial(DialRequest.of("Lab", LinkDevices.forSpec("tcp:127.0.0.1:" + pppd.port()),
                    "alice", "wrong"), null);
            awaitState(h, RasConnState.DISCONNECTED);
            assertThat(manager.status(h).error()).isEqualTo(691);
            assertThat(manager.enumerate()).extracting(i -> i.handle()).contains(h);
            hangUpAndAwait(h);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Auth.class, names = {"NONE", "PAP", "CHAP"})
    void theManagerConnectsToSlirp(Auth auth) throws Exception {
        try (PeerProcess slirp = PeerProcess.slirp(auth, Map.of())) {
            long h = manager.dial(DialRequest.of("Slirp", LinkDevices.forSpec("tcp:127.0.0.1:" + slirp.port()),
                    "alice", "wonderland"), null);
            awaitState(h, RasConnState.CONNECTED);
            assertThat(manager.status(h).projection().localAddressText()).isEqualTo("10.0.2.15");
            hangUpAndAwait(h);
        }
    }

    @Test
    void aModemCallThroughTheEmulatorReachesSlirpAndPppd() throws Exception {
        try (PeerProcess slirp = PeerProcess.slirp(Auth.PAP, Map.of());
             PeerProcess pppd = PeerProcess.pppdServer(Auth.MSCHAPV2, Map.of());
             ModemEmulator modem = new ModemEmulator(ModemEmulator.parseMap(List.of(
                     "5551001=tcp:127.0.0.1:" + slirp.port(), "5551002=tcp:127.0.0.1:" + pppd.port())),
                     new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            modem.start();
            String device = "modem:tcp:127.0.0.1:" + modem.port();
            long toSlirp = manager.dial(DialRequest.of("Slirp", LinkDevices.forSpec(device), "alice", "wonderland")
                    .withPhoneNumbers(List.of("5551001")), null);
            long toPppd = manager.dial(DialRequest.of("Pppd", LinkDevices.forSpec(device), "alice", "wonderland")
                    .withPhoneNumbers(List.of("5551002")), null);
            awaitState(toSlirp, RasConnState.CONNECTED);
            awaitState(toPppd, RasConnState.CONNECTED);
            assertThat(manager.status(toSlirp).projection().localAddressText()).isEqualTo("10.0.2.15");
            assertThat(manager.status(toPppd).projection().localAddressText()).isEqualTo("192.0.2.2");
            assertThat(manager.status(toPppd).statistics().bps()).isEqualTo(115200);
            hangUpAndAwait(toSlirp);
            hangUpAndAwait(toPppd);
            pppd.awaitLog("rcvd \\[LCP TermReq", WITHIN);
        }
    }
}
