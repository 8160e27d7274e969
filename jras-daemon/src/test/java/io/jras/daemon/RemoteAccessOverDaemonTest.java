package io.jras.daemon;

import static io.jras.daemon.testkit.DaemonFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.client.DialOptions;
import io.jras.client.Event;
import io.jras.client.Handles;
import io.jras.client.RasClientException;
import io.jras.client.RemoteAccess;
import io.jras.client.Status;
import io.jras.client.Tombstone;
import io.jras.client.internal.Views;
import io.jras.daemon.testkit.DaemonFixture;
import io.jras.daemon.testkit.PeerServer;
import io.jras.daemon.testkit.RawClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client API over the daemon behaves as the embedded one: the same records (the daemon maps
 * with the same {@link Views}), the same RAS codes and texts, listeners and watchers fed by
 * notifications.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RemoteAccessOverDaemonTest {

    private DaemonFixture fx;
    private RemoteAccess ras;

    @BeforeEach
    void start() throws Exception {
        fx = new DaemonFixture();
        ras = RemoteAccess.connect(fx.socket);
    }

    @AfterEach
    void stop() throws Exception {
        ras.close();
        fx.close();
    }

    private DialOptions office() {
        return DialOptions.entry("Office").withDevice(fx.peer.device())
                .withCredentials(PeerServer.USER, PeerServer.PASSWORD);
    }

    private long dialConnected() throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        long h = ras.dial(office(), (handle, state, code, error) -> {
            if (code == 0x2000) {
                up.countDown();
            }
        });
        assertThat(up.await(15, TimeUnit.SECONDS)).isTrue();
        return h;
    }

    @Test
    void dialReportsEveryStateToItsListenerInOrderWithItsHandle() throws Exception {
        List<String> states = new CopyOnWriteArrayList<>();
        List<Long> handles = new CopyOnWriteArrayList<>();
        long h = ras.dial(office(), (handle, state, code, error) -> {
            handles.add(handle);
            states.add(state + "/" + code + "/" + error);
        });
        await("Connected", () -> states.contains("Connected/8192/0"));
        assertThat(states).containsExactly("OpenPort/0/0", "PortOpened/1/0", "ConnectDevice/2/0", "DeviceConnected/3/0",
                "AllDevicesConnected/4/0", "Authenticate/5/0", "AuthAck/12/0", "Authenticated/14/0", "Projected/18/0",
                "Connected/8192/0");
        assertThat(handles).containsOnly(h);
    }

    @Test
    void statusAndListAreTheRecordsTheManagerMapsTo() throws Exception {
        long h = dialConnected();
        Status s = ras.status(h);
        assertThat(s).usingRecursiveComparison().ignoringFields("statistics")
                .isEqualTo(Views.status(fx.daemon.manager().status(h)));
        assertThat(s.statistics().bps()).isEqualTo(0); // TcpDevice reports no speed
        assertThat(ras.list()).containsExactlyElementsOf(fx.daemon.manager().enumerate().stream()
                .map(i -> Views.info(i, Users::nameOf)).toList());
        assertThat(ras.list()).singleElement().satisfies(i -> {
            assertThat(i.handle()).isEqualTo(h);
            assertThat(i.entry()).isEqualTo("Office");
            assertThat(i.owner()).isEqualTo("root");
        });
    }

    @Test
    void hangUpThenAwaitInvalidThenStatusFailsWith6AndATombstoneRemains() throws Exception {
        long h = dialConnected();
        ras.clearStatistics(h);
        assertThat(ras.tombstone(h)).isEmpty();
        ras.hangUp(h, false);
        assertThat(ras.awaitInvalid(h, Duration.ofSeconds(15))).isTrue();
        assertThatThrownBy(() -> ras.status(h)).isInstanceOfSatisfying(RasClientException.class, e -> {
            assertThat(e.code()).isEqualTo(6);
            assertThat(e.getMessage()).isEqualTo("The handle is invalid. (" + Handles.format(h) + ")");
        });
        Tombstone t = ras.tombstone(h).orElseThrow();
        assertThat(t.handle()).isEqualTo(h);
        assertThat(t.finalState()).isEqualTo("Disconnected");
        assertThat(t).isEqualTo(Views.tombstone(fx.daemon.manager().tombstone(h).orElseThrow()));
        assertThat(fx.peer.sawTerminateRequest()).isTrue();
    }

    @Test
    void failuresKeepTheirRasCodeAndTextAsTheEmbeddedFormGivesThem() throws Exception {
        assertThatThrownBy(() -> ras.dial(DialOptions.entry("Nowhere"), null))
                .isInstanceOfSatisfying(RasClientException.class, e -> {
                    assertThat(e.code()).isEqualTo(623);
                    assertThat(e.describe()).isEqualTo(
                            "Error 623: The system could not find the phone book entry for this connection. (Nowhere)");
                });
        assertThatThrownBy(() -> ras.hangUp(0x77, true)).isInstanceOfSatisfying(RasClientException.class,
                e -> assertThat(e.code()).isEqualTo(6));
        assertThat(ras.awaitInvalid(0x77, Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void watchDeliversTheEventStreamUntilTheSubscriptionIsClosed() throws Exception {
        List<Event> events = new CopyOnWriteArrayList<>();
        AutoCloseable sub = ras.watch(0, events::add);
        long h = dialConnected();
        await("the Connected event", () -> events.stream().anyMatch(e -> e.state().equals("Connected")));
        assertThat(events).allSatisfy(e -> assertThat(e.handle()).isEqualTo(h));
        assertThat(events.getFirst().seq()).isEqualTo(1);
        sub.close();
        int seen = events.size();
        ras.hangUp(h, false);
        assertThat(ras.awaitInvalid(h, Duration.ofSeconds(15))).isTrue();
        // A second watcher sees the removal; the closed one heard nothing more of it.
        List<Event> later = new CopyOnWriteArrayList<>();
        AutoCloseable again = ras.watch(0, later::add);
        await("the removed event", () -> later.stream().anyMatch(e -> e.kind().equals("removed")));
        again.close();
        assertThat(events).hasSize(seen);
    }

    @Test
    void aListenerThatBlocksHoldsUpNeitherTheAnswersNorTheDaemon() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        long h = ras.dial(office(), (handle, state, code, error) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await("Connected", () -> fx.daemon.manager().enumerate().getFirst().state() == io.jras.core.RasConnState.CONNECTED);
        assertThat(ras.status(h).state()).isEqualTo("Connected");
        release.countDown();
    }

    @Test
    void closingTheClientLeavesItsConnectionsToTheDaemon() throws Exception {
        long h = dialConnected();
        ras.close();
        try (RemoteAccess other = RemoteAccess.connect(fx.socket)) {
            assertThat(other.status(h).state()).isEqualTo("Connected");
            other.hangUp(h, false);
            assertThat(other.awaitInvalid(h, Duration.ofSeconds(15))).isTrue();
        }
    }

    @Test
    void whenTheDaemonGoesAwayCallsFailWith711() throws Exception {
        fx.daemon.close();
        await("the client noticed", () -> {
            try {
                ras.list();
                return false;
            } catch (RasClientException e) {
                return e.code() == 711;
            }
        });
        assertThatThrownBy(() -> ras.status(1)).isInstanceOfSatisfying(RasClientException.class,
                e -> assertThat(e.code()).isEqualTo(711));
    }

    @Test
    void theSameClientMayCallFromManyThreadsAtOnce() throws Exception {
        long h = dialConnected();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 50; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int j = 0; j < 20; j++) {
                        assertThat(ras.status(h).handle()).isEqualTo(h);
                        assertThat(ras.list()).hasSize(1);
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        for (Thread t : threads) {
            assertThat(t.join(RawClient.WITHIN)).isTrue();
        }
        assertThat(failures).isEmpty();
    }
}
