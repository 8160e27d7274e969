package io.jras.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.core.events.ManagerEvent;
import io.jras.core.testkit.LoopbackPeerDevice;
import io.jras.core.testkit.LoopbackPeerDevice.Peer;
import io.jras.link.RasException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The RAS contract of DESIGN §1 against real PPP engines on loopback sockets (the far end is a jras
 * engine in the authenticator role). Waits are bounded polls on observable state, never sleeps for a
 * protocol timer.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionManagerTest {

    static final Duration WITHIN = Duration.ofSeconds(15);

    private final ConnectionManager manager = new ConnectionManager(ManagerConfig.DEFAULT.withTick(Duration.ofMillis(50)));

    @AfterEach
    void close() {
        manager.close();
    }

    /** Records the states one listener sees. */
    static final class Recorder implements ConnectionListener {
        final List<RasConnState> states = new CopyOnWriteArrayList<>();
        final List<Integer> errors = new CopyOnWriteArrayList<>();
        final List<Long> handles = new CopyOnWriteArrayList<>();

        @Override
        public void onStateChange(long handle, RasConnState state, int error) {
            handles.add(handle);
            states.add(state);
            errors.add(error);
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    static DialRequest request(String entry, LoopbackPeerDevice device, String password) {
        return DialRequest.of(entry, device, "alice", password);
    }

    private RasConnState state(long handle) {
        try {
            return manager.status(handle).state();
        } catch (RasException e) {
            return null;
        }
    }

    private void assertInvalid(long handle) {
        assertThatThrownBy(() -> manager.status(handle)).isInstanceOfSatisfying(RasException.class,
                e -> assertThat(e.code()).isEqualTo(6));
    }

    @Test
    void dialReturnsAHandleAtOnceAndGoesThroughTheRasStatesToConnected() throws Exception {
        LoopbackPeerDevice device = new LoopbackPeerDevice(Peer.NORMAL).holdOpen();
        Recorder r = new Recorder();
        long handle = manager.dial(request("Office", device, "wonderland"), r);
        // The port is not even open yet: dial did not wait for any I/O.
        assertThat(device.awaitOpenEntered(WITHIN)).isTrue();
        assertThat(manager.status(handle).state()).isEqualTo(RasConnState.OPEN_PORT);
        device.releaseOpen();
        await("Connected", () -> state(handle) == RasConnState.CONNECTED);
        assertThat(r.states).containsExactly(RasConnState.OPEN_PORT, RasConnState.PORT_OPENED,
                RasConnState.CONNECT_DEVICE, RasConnState.DEVICE_CONNECTED, RasConnState.ALL_DEVICES_CONNECTED,
                RasConnState.AUTHENTICATE, RasConnState.AUTH_ACK, RasConnState.AUTHENTICATED,
                RasConnState.PROJECTED, RasConnState.CONNECTED);
        assertThat(r.handles).containsOnly(handle);
        assertThat(r.errors).containsOnly(0);
        ConnectionStatus s = manager.status(handle);
        assertThat(s.projection().localAddressText()).isEqualTo("192.0.2.2");
        assertThat(s.statistics().bytesXmited()).isPositive();
        assertThat(s.statistics().bps()).isEqualTo(115200);
        assertThat(manager.enumerate()).singleElement().satisfies(i -> {
            assertThat(i.handle()).isEqualTo(handle);
            assertThat(i.entryName()).isEqualTo("Office");
            assertThat(i.deviceType()).isEqualTo("tcp");
        });
    }

    @Test
    void aFailedDialKeepsItsHandleDisconnectedWithItsErrorUntilHungUp() throws Exception {
        Recorder r = new Recorder();
        long handle = manager.dial(request("Office", new LoopbackPeerDevice(Peer.NORMAL), "wrong"), r);
        await("Disconnected", () -> state(handle) == RasConnState.DISCONNECTED);
        ConnectionStatus s = manager.status(handle);
        assertThat(s.error()).isEqualTo(691);
        assertThat(s.errorText()).contains("user name and password");
        assertThat(s.pppCause()).contains("CHAP-MD5 authentication failed");
        assertThat(r.states).last().isEqualTo(RasConnState.DISCONNECTED);
        assertThat(r.errors).last().isEqualTo(691);
        assertThat(manager.enumerate()).extracting(ConnectionInfo::handle).containsExactly(handle);

        manager.hangUp(handle);
        manager.completion(handle).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertInvalid(handle);
        assertThat(manager.enumerate()).isEmpty();
        Tombstone t = manager.tombstone(handle).orElseThrow();
        assertThat(t.error()).isEqualTo(691);
        assertThat(t.pppCause()).contains("authentication failed");
    }

    @Test
    void hangUpWhileOpeningThePortReturnsAtOnceAndInvalidatesTheHandle() throws Exception {
        LoopbackPeerDevice device = new LoopbackPeerDevice(Peer.NORMAL).holdOpen();
        long handle = manager.dial(request("Office", device, "wonderland"), null);
        assertThat(device.awaitOpenEntered(WITHIN)).isTrue();
        assertHangUpIsImmediateThenInvalid(handle);
    }

    @Test
    void hangUpWhileTheDeviceConnectsReturnsAtOnceAndInvalidatesTheHandle() throws Exception {
        LoopbackPeerDevice device = new LoopbackPeerDevice(Peer.NORMAL).holdConnect();
        long handle = manager.dial(request("Office", device, "wonderland"), null);
        assertThat(device.awaitConnectEntered(WITHIN)).isTrue();
        assertThat(manager.status(handle).state()).isEqualTo(RasConnState.CONNECT_DEVICE);
        assertHangUpIsImmediateThenInvalid(handle);
    }

    @Test
    void hangUpWhilePppNegotiatesWithASilentPeerReturnsAtOnce() throws Exception {
        long handle = manager.dial(request("Office", new LoopbackPeerDevice(Peer.SILENT), "wonderland"), null);
        await("Authenticate", () -> state(handle) == RasConnState.AUTHENTICATE);
        assertHangUpIsImmediateThenInvalid(handle);
    }

    @Test
    void hangUpWhenConnectedSendsLcpTerminateToThePeer() throws Exception {
        LoopbackPeerDevice device = new LoopbackPeerDevice(Peer.NORMAL);
        long handle = manager.dial(request("Office", device, "wonderland"), null);
        await("Connected", () -> state(handle) == RasConnState.CONNECTED);
        assertHangUpIsImmediateThenInvalid(handle);
        assertThat(device.peerTrace).anyMatch(l -> l.startsWith("rcvd [LCP TermReq") && l.contains("User request"));
        Tombstone t = manager.tombstone(handle).orElseThrow();
        assertThat(t.connectedAt()).isNotNull();
        assertThat(t.finalStatistics().bytesRcved()).isPositive();
    }

    private void assertHangUpIsImmediateThenInvalid(long handle) throws Exception {
        long t0 = System.nanoTime();
        manager.hangUp(handle);
        long took = System.nanoTime() - t0;
        assertThat(Duration.ofNanos(took)).isLessThan(Duration.ofMillis(200));
        // Until the teardown ends, status still answers (or the teardown was already quick).
        try {
            assertThat(manager.status(handle).teardownInProgress()).isTrue();
        } catch (RasException e) {
            assertThat(e.code()).isEqualTo(6);
        }
        manager.completion(handle).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertInvalid(handle);
        assertThatThrownBy(() -> manager.hangUp(handle)).isInstanceOfSatisfying(RasException.class,
                e -> assertThat(e.code()).isEqualTo(6));
    }

    @Test
    void handlesAreNeverReused() throws Exception {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            long h = manager.dial(request("E" + i, new LoopbackPeerDevice(Peer.SILENT), "x"), null);
            assertThat(seen.add(h)).as("handle %x reused", h).isTrue();
            manager.hangUp(h);
            manager.completion(h).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(seen).doesNotContain(0L);
    }

    @Test
    void eventsCarryIncreasingSequenceNumbersAndAWatcherResumesWithoutLosingOne() throws Exception {
        long handle = manager.dial(request("Office", new LoopbackPeerDevice(Peer.NORMAL), "wonderland"), null);
        await("Connected", () -> state(handle) == RasConnState.CONNECTED);
        List<ManagerEvent> all = manager.events().since(0);
        assertThat(all).isNotEmpty();
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).seq()).isEqualTo(all.get(i - 1).seq() + 1);
        }
        // A watcher that saw up to the middle resumes there and then gets the live ones too.
        long resumeFrom = all.get(all.size() / 2).seq() + 1;
        List<ManagerEvent> resumed = new CopyOnWriteArrayList<>();
        try (var sub = manager.events().subscribe(resumeFrom, resumed::add)) {
            manager.hangUp(handle);
            manager.completion(handle).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
            await("removed event", () -> resumed.stream().anyMatch(e -> e.kind().equals("removed")));
        }
        assertThat(resumed.getFirst().seq()).isEqualTo(resumeFrom);
        for (int i = 1; i < resumed.size(); i++) {
            assertThat(resumed.get(i).seq()).isEqualTo(resumed.get(i - 1).seq() + 1);
        }
    }

    @Test
    void dialingAConnectedEntryAgainSharesItUntilTheLastHangUp() throws Exception {
        LoopbackPeerDevice device = new LoopbackPeerDevice(Peer.NORMAL);
        long first = manager.dial(request("Office", device, "wonderland"), null);
        await("Connected", () -> state(first) == RasConnState.CONNECTED);
        Recorder second = new Recorder();
        long again = manager.dial(request("Office", device, "wonderland"), second);
        assertThat(again).isEqualTo(first);
        await("the second caller hears Connected", () -> second.states.contains(RasConnState.CONNECTED));
        assertThat(device.opens.get()).isEqualTo(1);
        assertThat(manager.enumerate()).singleElement().satisfies(i -> assertThat(i.shared()).isEqualTo(2));

        manager.hangUp(first);
        assertThat(manager.status(first).state()).isEqualTo(RasConnState.CONNECTED);
        manager.hangUp(first);
        manager.completion(first).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertInvalid(first);
    }

    @Test
    void hangUpAllClosesASharedConnectionAtOnce() throws Exception {
        LoopbackPeerDevice device = new LoopbackPeerDevice(Peer.NORMAL);
        long h = manager.dial(request("Office", device, "wonderland"), null);
        await("Connected", () -> state(h) == RasConnState.CONNECTED);
        manager.dial(request("Office", device, "wonderland"), null);
        manager.hangUp(h, true);
        manager.completion(h).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertInvalid(h);
    }

    @Test
    void statisticsCountTheLinkAndCanBeCleared() throws Exception {
        long h = manager.dial(request("Office", new LoopbackPeerDevice(Peer.NORMAL), "wonderland"), null);
        await("Connected", () -> state(h) == RasConnState.CONNECTED);
        RasStats before = manager.status(h).statistics();
        assertThat(before.framesXmited()).isPositive();
        assertThat(before.framesRcved()).isPositive();
        manager.clearStatistics(h);
        RasStats after = manager.status(h).statistics();
        assertThat(after.framesXmited()).isLessThan(before.framesXmited());
        assertThat(after.bytesRcved()).isLessThan(before.bytesRcved());
    }

    @Test
    void aPeerThatDropsTheLineLeavesTheHandleDisconnectedWithItsError() throws Exception {
        long h = manager.dial(request("Office", new LoopbackPeerDevice(Peer.DROPS), "wonderland"), null);
        await("Disconnected", () -> state(h) == RasConnState.DISCONNECTED);
        assertThat(manager.status(h).error()).isEqualTo(629);
        assertThat(manager.enumerate()).extracting(ConnectionInfo::handle).contains(h);
    }

    @Test
    void aPeerThatTerminatesLeavesTheHandleDisconnectedWith719AndItsText() throws Exception {
        long h = manager.dial(request("Office", new LoopbackPeerDevice(Peer.TERMINATES), "wonderland"), null);
        await("Disconnected", () -> state(h) == RasConnState.DISCONNECTED);
        ConnectionStatus s = manager.status(h);
        assertThat(s.error()).isEqualTo(719);
        assertThat(s.pppCause()).contains("Administrative shutdown");
    }

    @Test
    void anUnclaimedFailedConnectionIsReapedAfterTheGraceButNotAtOnce() throws Exception {
        try (ConnectionManager m = new ConnectionManager(ManagerConfig.DEFAULT.withTick(Duration.ofMillis(20))
                .withUnclaimedGrace(Duration.ofMillis(600)))) {
            long h = m.dial(request("Office", new LoopbackPeerDevice(Peer.NORMAL), "wrong"), null);
            long end = System.nanoTime() + WITHIN.toNanos();
            while (m.status(h).state() != RasConnState.DISCONNECTED && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            long failedAt = System.nanoTime();
            assertThat(m.status(h).error()).isEqualTo(691);
            m.completion(h).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - failedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
            assertThat(m.tombstone(h)).isPresent();
            assertThat(m.events().since(0)).anyMatch(e -> e.kind().equals("reaped") && e.handle() == h);
        }
    }

    @Test
    void retryableFailuresAreRedialedWithBackoffOnTheSameHandle() throws Exception {
        LoopbackPeerDevice device = new LoopbackPeerDevice(Peer.NORMAL).failFirstOpens(2, 678);
        DialRequest r = request("Office", device, "wonderland")
                .withPolicy(DialPolicy.DEFAULT.withRedial(3, Duration.ofMillis(20)));
        long h = manager.dial(r, null);
        await("Connected", () -> state(h) == RasConnState.CONNECTED);
        assertThat(device.opens.get()).isEqualTo(3);
        assertThat(manager.events().since(0)).filteredOn(e -> e.kind().equals("redial")).hasSize(2);
    }

    @Test
    void anAuthenticationFailureIsNeverRedialed() throws Exception {
        LoopbackPeerDevice device = new LoopbackPeerDevice(Peer.NORMAL);
        long h = manager.dial(request("Office", device, "wrong")
                .withPolicy(DialPolicy.DEFAULT.withRedial(5, Duration.ofMillis(10))), null);
        await("Disconnected", () -> state(h) == RasConnState.DISCONNECTED);
        assertThat(manager.status(h).error()).isEqualTo(691);
        assertThat(device.opens.get()).isEqualTo(1);
    }

    @Test
    void aDroppedLinkIsReconnectedOnTheSameHandleWhenTheEntrySaysSo() throws Exception {
        LoopbackPeerDevice device = new LoopbackPeerDevice(Peer.DROPS).dropAfter(Duration.ofMillis(100));
        long h = manager.dial(request("Office", device, "wonderland")
                .withPolicy(DialPolicy.DEFAULT.withReconnectOnDrop(true)), null);
        await("a second line", () -> device.opens.get() >= 2);
        await("Connected again", () -> state(h) == RasConnState.CONNECTED || device.opens.get() >= 3);
        assertThat(manager.events().since(0)).anyMatch(e -> e.kind().equals("reconnect") && e.handle() == h);
        manager.hangUp(h);
        manager.completion(h).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertInvalid(h);
    }

    @Test
    void maximumConnectTimeHangsUpByItself() throws Exception {
        long h = manager.dial(request("Office", new LoopbackPeerDevice(Peer.NORMAL), "wonderland")
                .withPolicy(DialPolicy.DEFAULT.withMaxConnectTime(Duration.ofMillis(300))), null);
        await("Connected", () -> state(h) == RasConnState.CONNECTED);
        manager.completion(h).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertInvalid(h);
        assertThat(manager.tombstone(h).orElseThrow().pppCause()).contains("maximum connect time");
    }

    @Test
    void idleDisconnectHangsUpALinkWithoutTraffic() throws Exception {
        long h = manager.dial(request("Office", new LoopbackPeerDevice(Peer.NORMAL), "wonderland")
                .withPolicy(DialPolicy.DEFAULT.withIdleDisconnect(Duration.ofMillis(300))), null);
        await("Connected", () -> state(h) == RasConnState.CONNECTED);
        manager.completion(h).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(manager.tombstone(h).orElseThrow().pppCause()).contains("idle");
    }

    @Test
    void oneBadConnectionDoesNotDisturbTheOthers() throws Exception {
        long good = manager.dial(request("Good", new LoopbackPeerDevice(Peer.NORMAL), "wonderland"), null);
        List<Long> bad = new ArrayList<>();
        bad.add(manager.dial(request("Silent", new LoopbackPeerDevice(Peer.SILENT), "x"), null));
        bad.add(manager.dial(request("Wrong", new LoopbackPeerDevice(Peer.NORMAL), "wrong"), null));
        bad.add(manager.dial(request("Drops", new LoopbackPeerDevice(Peer.DROPS), "wonderland"), null));
        await("Good connected", () -> state(good) == RasConnState.CONNECTED);
        for (long b : bad) {
            manager.hangUp(b);
        }
        for (long b : bad) {
            manager.completion(b).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(manager.status(good).state()).isEqualTo(RasConnState.CONNECTED);
    }

    @Test
    void closingTheManagerHangsUpEverything() throws Exception {
        LoopbackPeerDevice device = new LoopbackPeerDevice(Peer.NORMAL);
        long h = manager.dial(request("Office", device, "wonderland"), null);
        await("Connected", () -> state(h) == RasConnState.CONNECTED);
        manager.close();
        assertInvalid(h);
        assertThat(device.peerTrace).anyMatch(l -> l.startsWith("rcvd [LCP TermReq"));
        assertThatThrownBy(() -> manager.dial(request("Late", device, "wonderland"), null))
                .isInstanceOf(RasException.class);
    }
}
