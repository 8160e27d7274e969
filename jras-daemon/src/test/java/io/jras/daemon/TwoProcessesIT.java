package io.jras.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.client.rpc.DaemonRemoteAccess;
import io.jras.daemon.testkit.ClientMain;
import io.jras.daemon.testkit.DaemonProcesses;
import io.jras.daemon.testkit.Jvm;
import io.jras.daemon.testkit.PeerServer;
import io.jras.daemon.testkit.TestResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DESIGN §1.4 across real processes: connections belong to the daemon, not to the process that
 * dialed. Process A (which starts the daemon through {@code RemoteAccess.connect}) dials and exits;
 * process B finds the connection, hangs it up and sees the handle go.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TwoProcessesIT {

    private Path dir;
    private Path socket;
    private PeerServer peer;

    @BeforeEach
    void start() throws Exception {
        dir = Files.createTempDirectory("jras2p");
        socket = dir.resolve("jras.sock");
        peer = new PeerServer();
    }

    @AfterEach
    void stop() throws Exception {
        DaemonProcesses.shutDown(socket);
        peer.close();
        DaemonProcesses.delete(dir);
    }

    private ProcessBuilder client(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = socket.toString();
        System.arraycopy(args, 0, all, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(Jvm.command(ClientMain.class.getName(), all));
        // Inherited by the daemon process A starts.
        pb.environment().put(Main.RESOLVER_ENV, TestResolver.class.getName());
        return pb;
    }

    @Test
    void processADialsAndExitsThenProcessBListsHangsUpAndPollsUntilError6() throws Exception {
        assertThat(Files.exists(socket)).isFalse();
        String a = Jvm.run(client("dial", "Office", peer.device()), dir, "A");
        assertThat(a).matches("handle 0x[0-9a-f]+");
        String handle = a.substring("handle ".length());

        // A is gone; the daemon it started is not, and neither is the connection.
        long daemonPid;
        try (DaemonRemoteAccess ras = DaemonRemoteAccess.open(socket)) {
            daemonPid = ras.ping().path("pid").asLong();
            assertThat(ras.status(io.jras.client.Handles.parse(handle)).state()).isEqualTo("Connected");
        }
        assertThat(daemonPid).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(ProcessHandle.of(daemonPid)).isPresent();
        assertThat(Files.readString(dir.resolve("jras.sock.log"))).contains("listening on " + socket);

        String list = Jvm.run(client("list"), dir, "B-list");
        assertThat(list).isEqualTo(handle + " Office root Connected");

        String b = Jvm.run(client("hangup-entry", "Office"), dir, "B");
        assertThat(b).isEqualTo("listed " + handle + " Office\ninvalid");
        assertThat(peer.sawTerminateRequest()).isTrue();
        assertThat(Jvm.run(client("tombstone", handle), dir, "B-tombstone")).isEqualTo("tombstone");
        assertThat(Jvm.run(client("list"), dir, "B-list-2")).isEmpty();
    }
}
