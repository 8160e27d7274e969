package io.jras.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.client.DialOptions;
import io.jras.client.rpc.DaemonRemoteAccess;
import io.jras.client.rpc.SocketPaths;
import io.jras.daemon.testkit.ClientMain;
import io.jras.daemon.testkit.DaemonFixture;
import io.jras.daemon.testkit.DaemonProcesses;
import io.jras.daemon.testkit.Jvm;
import io.jras.daemon.testkit.PeerServer;
import io.jras.daemon.testkit.TestResolver;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The daemon as a process: SIGTERM, SIGKILL and a restart, racing starters. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LifecycleIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private Path dir;
    private Path socket;
    private PeerServer peer;

    @BeforeEach
    void start() throws Exception {
        dir = Files.createTempDirectory("jraslc");
        socket = dir.resolve("jras.sock");
        peer = new PeerServer();
    }

    @AfterEach
    void stop() throws Exception {
        DaemonProcesses.shutDown(socket);
        peer.close();
        DaemonProcesses.delete(dir);
    }

    private long dialConnected(DaemonRemoteAccess ras) throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        long h = ras.dial(DialOptions.entry("Office").withDevice(peer.device())
                .withCredentials(PeerServer.USER, PeerServer.PASSWORD), (handle, state, code, error) -> {
                    if (code == 0x2000) {
                        up.countDown();
                    }
                });
        assertThat(up.await(20, TimeUnit.SECONDS)).isTrue();
        return h;
    }

    @Test
    void sigtermHangsUpEveryConnectionProperlyRemovesTheSocketAndExits() throws Exception {
        Jvm.Started daemon = DaemonProcesses.start(socket, dir, "daemon");
        try (DaemonRemoteAccess ras = DaemonProcesses.await(socket)) {
            dialConnected(ras);
            dialConnected(ras); // shared: the same connection, two references
        }
        daemon.process().destroy(); // SIGTERM
        int status = daemon.await(WITHIN);
        assertThat(status).isEqualTo(143); // 128 + SIGTERM, after the shutdown hook ran
        assertThat(peer.trace).anyMatch(l -> l.startsWith("rcvd [LCP TermReq") && l.contains("jras is shutting down"));
        assertThat(Files.exists(socket)).isFalse();
        assertThat(daemon.stderr()).contains("stopping: hanging up 1 connection(s)", " Office state Disconnected", "stopped");
    }

    @Test
    void afterSigkillTheStaleSocketIsReplacedAndTheNextStartServes() throws Exception {
        Jvm.Started first = DaemonProcesses.start(socket, dir, "first");
        try (DaemonRemoteAccess ras = DaemonProcesses.await(socket)) {
            dialConnected(ras);
        }
        first.process().destroyForcibly(); // SIGKILL: no hook, the socket file stays behind
        assertThat(first.await(WITHIN)).isEqualTo(137);
        assertThat(Files.exists(socket)).isTrue();
        assertThatThrownBy(() -> DaemonRemoteAccess.open(socket)).isInstanceOf(ConnectException.class);

        Jvm.Started second = DaemonProcesses.start(socket, dir, "second");
        try (DaemonRemoteAccess ras = DaemonProcesses.await(socket)) {
            assertThat(ras.ping().path("pid").asLong()).isEqualTo(second.process().pid());
            assertThat(ras.list()).isEmpty(); // a new manager: the old connections died with the old one
            dialConnected(ras);
        }
    }

    @Test
    void twoStartersRacingLeaveExactlyOneDaemonAndTheLoserExitsQuietly() throws Exception {
        Jvm.Started a = DaemonProcesses.start(socket, dir, "a");
        Jvm.Started b = DaemonProcesses.start(socket, dir, "b");
        long winner;
        try (DaemonRemoteAccess ras = DaemonProcesses.await(socket)) {
            winner = ras.ping().path("pid").asLong();
        }
        Jvm.Started loser = winner == a.process().pid() ? b : a;
        assertThat(winner).isIn(a.process().pid(), b.process().pid());
        assertThat(loser.await(WITHIN)).isZero();
        assertThat(loser.stderr()).contains("already serves " + socket);
        assertThat(DaemonProcesses.serving(socket)).extracting(ProcessHandle::pid).containsExactly(winner);
    }

    @Test
    void clientsRacingToAutostartShareOneDaemon() throws Exception {
        List<Jvm.Started> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ProcessBuilder pb = new ProcessBuilder(Jvm.command(ClientMain.class.getName(), socket.toString(), "ping"));
            pb.environment().put(Main.RESOLVER_ENV, TestResolver.class.getName());
            clients.add(Jvm.start(pb, dir, "client-" + i));
        }
        List<String> pids = new ArrayList<>();
        for (Jvm.Started c : clients) {
            assertThat(c.await(WITHIN)).isZero();
            pids.add(c.stdout().strip());
        }
        assertThat(pids).doesNotContain("error 711").containsOnly(pids.getFirst());
        // Daemons the other clients started may still be booting; each must give up and exit.
        DaemonFixture.await("the losing starters gone", () -> DaemonProcesses.serving(socket).size() == 1);
        assertThat(DaemonProcesses.serving(socket)).extracting(p -> Long.toString(p.pid())).containsExactly(pids.getFirst());
        assertThat(Files.readString(SocketPaths.logFile(socket))).contains("listening on " + socket);
    }
}
