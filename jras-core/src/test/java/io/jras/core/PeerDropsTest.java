package io.jras.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.core.testkit.LoopbackPeerDevice;
import io.jras.core.testkit.LoopbackPeerDevice.Peer;
import io.jras.link.RasException;
import io.jras.ppp.Phase;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A peer that drops the line in every phase: each ends in a RAS error, and other connections carry on. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PeerDropsTest {

    private final ConnectionManager manager = new ConnectionManager(ManagerConfig.DEFAULT.withTick(Duration.ofMillis(50)));

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

    @ParameterizedTest
    @EnumSource(value = Phase.class, names = {"ESTABLISH", "AUTHENTICATE", "NETWORK"})
    void aPeerDroppingTheLineInEachPhaseEndsInARasErrorAndKeepsTheHandle(Phase phase) throws Exception {
        long bystander = manager.dial(DialRequest.of("Bystander", new LoopbackPeerDevice(Peer.NORMAL), "alice", "wonderland"), null);
        long h = manager.dial(DialRequest.of("Office",
                new LoopbackPeerDevice(Peer.DROPS_IN_PHASE).dropInPhase(phase), "alice", "wonderland"), null);
        ConnectionManagerTest.await("Disconnected", () -> state(h) == RasConnState.DISCONNECTED);
        ConnectionStatus s = manager.status(h);
        // Before the network is up the line dropping is 628; our engine may also have seen IPCP up (629).
        assertThat(s.error()).as(s.toString()).isIn(628, 629);
        assertThat(s.errorText()).isNotEmpty();
        ConnectionManagerTest.await("bystander Connected", () -> state(bystander) == RasConnState.CONNECTED);
        manager.hangUp(h);
        manager.completion(h).get(15, TimeUnit.SECONDS);
        assertThat(manager.status(bystander).state()).isEqualTo(RasConnState.CONNECTED);
    }

    @Test
    void aPortThatCannotBeOpenedIs633() throws Exception {
        long h = manager.dial(DialRequest.of("Office",
                new LoopbackPeerDevice(Peer.NORMAL).failFirstOpens(1, 633), "alice", "wonderland"), null);
        ConnectionManagerTest.await("Disconnected", () -> state(h) == RasConnState.DISCONNECTED);
        assertThat(manager.status(h).error()).isEqualTo(633);
    }
}
