package io.jras.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.client.DialOptions;
import io.jras.client.Handles;
import io.jras.client.rpc.DaemonRemoteAccess;
import io.jras.daemon.testkit.ClientMain;
import io.jras.daemon.testkit.DaemonFixture;
import io.jras.daemon.testkit.DaemonProcesses;
import io.jras.daemon.testkit.Jvm;
import io.jras.daemon.testkit.PeerServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ownership by SO_PEERCRED, with a real second user: the test (root) runs the daemon; the client
 * program runs as {@code nobody} through setpriv. A private connection does not exist for another
 * user (every call answers as for an invalid handle, 6); an all-users one is everybody's.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AccessIT {

    /** The class path, copied where nobody can read it (the Maven repository under /root is not). */
    private static Path classPathCopy;
    private static String nobodyClassPath;

    private DaemonFixture fx;
    private DaemonRemoteAccess root;

    @BeforeAll
    static void copyClassPath() throws IOException {
        classPathCopy = Files.createTempDirectory("jras-cp");
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path from = Path.of(entry);
            if (!Files.exists(from)) {
                continue;
            }
            Path to = classPathCopy.resolve((n++) + "-" + from.getFileName());
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path target = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, f.equals(from) ? to : target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            entries.add(to.toString());
        }
        try (Stream<Path> files = Files.walk(classPathCopy)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(Files.isDirectory(f) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        nobodyClassPath = String.join(File.pathSeparator, entries);
    }

    @AfterAll
    static void removeClassPath() throws IOException {
        DaemonProcesses.delete(classPathCopy);
    }

    private void startDaemon(boolean shared) throws Exception {
        fx = new DaemonFixture(c -> c.withShared(shared));
        // Reachable by other users; the socket's own mode decides the rest.
        Files.setPosixFilePermissions(fx.dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        root = DaemonRemoteAccess.open(fx.socket);
    }

    @AfterEach
    void stop() throws Exception {
        if (root != null) {
            root.close();
        }
        if (fx != null) {
            fx.close();
        }
    }

    /** Runs ClientMain as nobody; returns its stdout. */
    private String asNobody(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        String[] all = new String[args.length + 1];
        all[0] = fx.socket.toString();
        System.arraycopy(args, 0, all, 1, args.length);
        cmd.addAll(Jvm.commandWith(nobodyClassPath, ClientMain.class.getName(), all));
        cmd.add(cmd.indexOf("-cp"), "-XX:-UsePerfData");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(new File("/"));
        pb.environment().put("HOME", "/tmp");
        return Jvm.run(pb, fx.dir, "nobody-" + args[0]);
    }

    private long dial(String entry, boolean allUsers) throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        long h = root.dial(DialOptions.entry(entry).withDevice(fx.peer.device())
                .withCredentials(PeerServer.USER, PeerServer.PASSWORD).forAllUsers(allUsers), (handle, state, code, error) -> {
                    if (code == 0x2000) {
                        up.countDown();
                    }
                });
        assertThat(up.await(20, TimeUnit.SECONDS)).isTrue();
        return h;
    }

    @Test
    void aPrivateConnectionDoesNotExistForAnotherUserWhileRootControlsIt() throws Exception {
        startDaemon(true);
        long h = dial("Private", false);
        String handle = Handles.format(h);
        assertThat(asNobody("list")).isEmpty();
        assertThat(asNobody("status", handle)).isEqualTo("error 6");
        assertThat(asNobody("hangup", handle)).isEqualTo("error 6");
        assertThat(asNobody("tombstone", handle)).isEqualTo("none");
        // Exactly what an invalid handle gets: nothing tells the two apart.
        assertThat(Files.readString(fx.dir.resolve("nobody-hangup.err")))
                .isEqualTo("Error 6: The handle is invalid. (" + handle + ")\n");
        assertThat(root.status(h).state()).isEqualTo("Connected");
        assertThat(root.list()).extracting(i -> i.entry()).containsExactly("Private");
        root.hangUp(h, false);
        assertThat(root.awaitInvalid(h, Duration.ofSeconds(15))).isTrue();
        assertThat(asNobody("tombstone", handle)).isEqualTo("none");
        assertThat(root.tombstone(h)).isPresent();
    }

    @Test
    void anAllUsersConnectionIsVisibleToBothAndEitherMayHangItUp() throws Exception {
        startDaemon(true);
        long h = dial("Shared", true);
        String handle = Handles.format(h);
        assertThat(asNobody("list")).isEqualTo(handle + " Shared root Connected");
        assertThat(asNobody("status", handle)).isEqualTo("Connected");
        assertThat(asNobody("hangup", handle)).isEqualTo("ok");
        assertThat(root.awaitInvalid(h, Duration.ofSeconds(15))).isTrue();
        assertThat(asNobody("tombstone", handle)).isEqualTo("tombstone");
    }

    @Test
    void anotherUsersDialIsOwnedByTheirUidAndRootSeesIt() throws Exception {
        startDaemon(true);
        long mine = dial("RootsOwn", false);
        String dialed = asNobody("dial", "NobodysOwn", fx.peer.device());
        assertThat(dialed).startsWith("handle 0x");
        long theirs = Handles.parse(dialed.substring("handle ".length()));
        assertThat(root.list()).extracting(i -> i.entry() + "/" + i.owner())
                .containsExactlyInAnyOrder("RootsOwn/root", "NobodysOwn/nobody");
        assertThat(fx.daemon.manager().enumerate()).filteredOn(i -> i.handle() == theirs)
                .singleElement().satisfies(i -> assertThat(i.owner()).isEqualTo(65534));
        assertThat(asNobody("list")).isEqualTo(Handles.format(theirs) + " NobodysOwn nobody Connected");
        assertThat(asNobody("status", Handles.format(mine))).isEqualTo("error 6");
        root.hangUp(theirs, false);
        assertThat(root.awaitInvalid(theirs, Duration.ofSeconds(15))).isTrue();
    }

    @Test
    void anEntryAnotherUserConnectedPrivatelyIsNotSharedWithThem() throws Exception {
        startDaemon(true);
        long h = dial("Office", false);
        // The manager shares a connected entry only among its owner's dials: the other user gets a connection of their own.
        String dialed = asNobody("dial", "Office", fx.peer.device());
        assertThat(dialed).startsWith("handle 0x");
        long theirs = Handles.parse(dialed.substring("handle ".length()));
        assertThat(theirs).isNotEqualTo(h);
        assertThat(fx.daemon.manager().enumerate()).hasSize(2).allSatisfy(i -> assertThat(i.shared()).isEqualTo(1));
        root.hangUp(h, false); // the only reference: this ends it
        assertThat(root.awaitInvalid(h, Duration.ofSeconds(15))).isTrue();
        assertThat(asNobody("status", Handles.format(theirs))).isEqualTo("Connected");
        root.hangUp(theirs, false);
        assertThat(root.awaitInvalid(theirs, Duration.ofSeconds(15))).isTrue();
    }

    @Test
    void watchShowsAnotherUserOnlyTheEventsOfConnectionsTheyMaySee() throws Exception {
        startDaemon(true);
        dial("Private", false);
        long shared = dial("Shared", true);
        root.clearStatistics(shared); // the last event: a "statistics-cleared" of the shared one
        // The replay from 0 held every event of both; nobody heard only the shared one's.
        assertThat(asNobody("watch-until", "statistics-cleared")).isEqualTo(Handles.format(shared));
    }

    @Test
    void theRootDaemonReadsNoPhonebookForACallerWhoCouldNotReadItThemselves() throws Exception {
        startDaemon(true);
        Path readable = fx.dir.resolve("public.pbk");
        Files.writeString(readable, "[Office]\n");
        Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));
        Path closed = fx.dir.resolve("root-only.pbk");
        Files.writeString(closed, "[Office]\n");
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rw-------"));
        assertThat(asNobody("dial-pbk", "Office", "/etc/shadow")).isEqualTo("error 621");
        assertThat(asNobody("dial-pbk", "Office", closed.toString())).isEqualTo("error 621");
        assertThat(asNobody("dial-pbk", "Office", fx.dir.resolve("missing.pbk").toString())).isEqualTo("error 621");
        // Past the check, on to the resolver (the test one finds no entry without a device).
        assertThat(asNobody("dial-pbk", "Office", readable.toString())).isEqualTo("error 623");
    }

    @Test
    void onlyRootOrTheDaemonsOwnUserMayShutItDown() throws Exception {
        startDaemon(true);
        assertThat(asNobody("shutdown")).isEqualTo("error 5");
        assertThat(fx.daemon.awaitTermination(Duration.ZERO)).isFalse();
        assertThat(root.ping().path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void onlyRootOrTheDaemonsUserMayStartAnAnsweringServerAndItsSessionsAreNotAnotherUsers() throws Exception {
        startDaemon(true);
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertThat(asNobody("serve-start", "tcp:127.0.0.1:" + port)).isEqualTo("error 5");
        root.startServer(java.util.Map.of("listen", List.of("tcp:127.0.0.1:" + port), "pool", "192.0.2.10-192.0.2.19",
                "auth", "none"), false, line -> { });
        // Root dials its own server through the daemon: one dialed connection, one incoming, both root's.
        CountDownLatch up = new CountDownLatch(1);
        root.dial(DialOptions.entry("Self").withDevice("tcp:127.0.0.1:" + port).withCredentials("x", "y"),
                (handle, state, code, error) -> {
                    if (code == 0x2000) {
                        up.countDown();
                    }
                });
        assertThat(up.await(20, TimeUnit.SECONDS)).isTrue();
        DaemonFixture.await("the incoming session listed", () -> {
            try {
                return root.list().stream().anyMatch(i -> i.incoming());
            } catch (Exception e) {
                return false;
            }
        });
        long incoming = root.list().stream().filter(i -> i.incoming()).findFirst().orElseThrow().handle();
        assertThat(asNobody("list")).isEmpty();
        assertThat(asNobody("status", Handles.format(incoming))).isEqualTo("error 6");
        assertThat(asNobody("hangup", Handles.format(incoming))).isEqualTo("error 6");
        assertThat(root.status(incoming).state()).isEqualTo("Connected");
    }

    @Test
    void aPerUserSocketIsClosedToOtherUsersAltogether() throws Exception {
        startDaemon(false);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fx.socket))).isEqualTo("rw-------");
        assertThat(asNobody("list")).isEqualTo("error 711");
    }
}
