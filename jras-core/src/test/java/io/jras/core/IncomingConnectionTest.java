package io.jras.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.core.events.ManagerEvent;
import io.jras.link.RasError;
import io.jras.link.RasException;
import io.jras.ppp.Ipv4;
import io.jras.ppp.LinkStatistics;
import io.jras.ppp.Projection;
import io.jras.ppp.lcp.LcpOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connections the manager did not dial: registered by an answering server, listed, queried and
 * hung up with the same RAS semantics as dialed ones (the server end is a recording stand-in here;
 * jras-cli's ServeIT runs the real server against pppd).
 */
class IncomingConnectionTest {

    private final ConnectionManager manager = new ConnectionManager(ManagerConfig.DEFAULT);

    /** Records hang-ups; counters as a server session would report them. */
    static final class Line implements IncomingConnection {
        final List<String> hangUps = new CopyOnWriteArrayList<>();
        volatile LinkStatistics stats = new LinkStatistics(100, 200, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0);

        @Override public String deviceType() { return "tcp"; }
        @Override public String deviceName() { return "tcp:127.0.0.1:7000"; }
        @Override public String serverName() { return "jras"; }
        @Override public String user() { return "alice"; }
        @Override public String caller() { return "127.0.0.1:40112"; }

        @Override
        public Projection projection() {
            return new Projection(Ipv4.parse("192.0.2.9"), Ipv4.parse("192.0.2.10"), Ipv4.parse("192.0.2.53"), 0,
                    0, 0, null, null, "alice", LcpOptions.DEFAULTS, LcpOptions.DEFAULTS);
        }

        @Override public LinkStatistics statistics() { return stats; }
        @Override public void hangUp(String reason) { hangUps.add(reason); }
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void aRegisteredSessionIsListedConnectedWithItsUserAndDevice() throws Exception {
        IncomingConnection.Registration r = manager.register(new Line(), 1000);
        ConnectionInfo info = manager.enumerate().getFirst();
        assertThat(info.handle()).isEqualTo(r.handle());
        assertThat(info.incoming()).isTrue();
        assertThat(info.user()).isEqualTo("alice");
        assertThat(info.phoneNumber()).isEqualTo("alice");
        assertThat(info.entryName()).isEqualTo("jras");
        assertThat(info.deviceType()).isEqualTo("tcp");
        assertThat(info.deviceName()).isEqualTo("tcp:127.0.0.1:7000");
        assertThat(info.state()).isEqualTo(RasConnState.CONNECTED);
        assertThat(info.owner()).isEqualTo(1000);

        ConnectionStatus s = manager.status(r.handle());
        assertThat(s.state()).isEqualTo(RasConnState.CONNECTED);
        assertThat(s.projection().remoteAddress()).isEqualTo(Ipv4.parse("192.0.2.10"));
        assertThat(s.statistics().bytesRcved()).isEqualTo(200);
        manager.clearStatistics(r.handle());
        assertThat(manager.status(r.handle()).statistics().bytesRcved()).isZero();
        r.ended(0, "done");
    }

    @Test
    void hangUpAsksTheServerAndTheHandleTurnsInvalidOnlyOnceTheSessionEnded() throws Exception {
        Line line = new Line();
        IncomingConnection.Registration r = manager.register(line, 1000);
        manager.hangUp(r.handle());
        manager.hangUp(r.handle()); // a second hang-up during teardown is harmless
        assertThat(line.hangUps).containsExactly("User request");
        // Teardown in progress: status still answers.
        assertThat(manager.status(r.handle()).teardownInProgress()).isTrue();
        assertThat(manager.completion(r.handle())).isNotDone();

        r.ended(RasError.REMOTE_DISCONNECTION, "User request");
        assertThat(manager.completion(r.handle())).isDone();
        assertThatThrownBy(() -> manager.status(r.handle())).isInstanceOfSatisfying(RasException.class,
                e -> assertThat(e.code()).isEqualTo(RasError.INVALID_HANDLE));
        assertThatThrownBy(() -> manager.hangUp(r.handle())).isInstanceOfSatisfying(RasException.class,
                e -> assertThat(e.code()).isEqualTo(RasError.INVALID_HANDLE));
        assertThat(manager.enumerate()).isEmpty();
        Tombstone t = manager.tombstone(r.handle()).orElseThrow();
        assertThat(t.finalState()).isEqualTo(RasConnState.DISCONNECTED);
        assertThat(t.error()).as("we hung it up: no error").isZero();
        assertThat(t.finalStatistics().bytesXmited()).isEqualTo(100);
    }

    @Test
    void aSessionThePeerEndsLeavesAtOnceWithItsErrorAndTheEventsTellTheStory() throws Exception {
        IncomingConnection.Registration r = manager.register(new Line(), 1000);
        r.ended(RasError.REMOTE_DISCONNECTION, "peer: bye");
        r.ended(RasError.UNKNOWN, "again"); // later reports do nothing
        assertThat(manager.enumerate()).isEmpty();
        assertThat(manager.tombstone(r.handle()).orElseThrow().error()).isEqualTo(RasError.REMOTE_DISCONNECTION);
        List<ManagerEvent> events = manager.events().since(0).stream().filter(e -> e.handle() == r.handle()).toList();
        assertThat(events).extracting(ManagerEvent::kind).containsExactly("incoming", "state", "state", "removed");
        assertThat(events.get(0).detail()).contains("127.0.0.1:40112", "alice", "tcp:127.0.0.1:7000");
        assertThat(events.get(1).state()).isEqualTo(RasConnState.CONNECTED);
        assertThat(events.get(2).state()).isEqualTo(RasConnState.DISCONNECTED);
    }

    @Test
    void handlesComeFromTheSameSpaceAsDialsAndClosingHangsIncomingUpToo() throws Exception {
        Line a = new Line();
        Line b = new Line();
        IncomingConnection.Registration ra = manager.register(a, 1000);
        IncomingConnection.Registration rb = manager.register(b, 1000);
        assertThat(rb.handle()).isNotEqualTo(ra.handle());
        Thread.ofVirtual().start(() -> {
            // The server ends each session once asked, as AnswerServer does after LCP Terminate.
            while (a.hangUps.isEmpty() || b.hangUps.isEmpty()) {
                Thread.onSpinWait();
            }
            ra.ended(0, "jras is shutting down");
            rb.ended(0, "jras is shutting down");
        });
        manager.close();
        assertThat(a.hangUps).containsExactly("jras is shutting down");
        assertThat(manager.completion(ra.handle())).isDone();
        assertThat(manager.completion(rb.handle())).isDone();
        assertThatThrownBy(() -> manager.register(new Line(), 1000)).isInstanceOf(RasException.class);
    }
}
