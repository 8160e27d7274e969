package io.jras.daemon.testkit;

import io.jras.client.rpc.DaemonRemoteAccess;
import io.jras.daemon.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Daemons in their own processes, as tests start, find and stop them. */
public final class DaemonProcesses {

    private DaemonProcesses() {
    }

    /** {@code java io.jras.daemon.Main --socket SOCKET}, dialing through {@link TestResolver}. */
    public static Jvm.Started start(Path socket, Path dir, String name) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Jvm.command(Main.class.getName(), "--socket", socket.toString()));
        pb.environment().put(Main.RESOLVER_ENV, TestResolver.class.getName());
        return Jvm.start(pb, dir, name);
    }

    /** Connects once the daemon answers (bounded: 20 s). */
    public static DaemonRemoteAccess await(Path socket) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                return DaemonRemoteAccess.open(socket);
            } catch (IOException e) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("no daemon answered at " + socket, e);
                }
                Thread.sleep(20);
            }
        }
    }

    /** The daemon processes serving {@code socket} (by their command line). */
    public static List<ProcessHandle> serving(Path socket) {
        return ProcessHandle.allProcesses().filter(p -> p.info().arguments()
                .map(args -> List.of(args).contains(Main.class.getName()) && List.of(args).contains(socket.toString()))
                .orElse(false)).toList();
    }

    /** Asks whatever daemon serves {@code socket} to stop, and waits (bounded) for its process to end. */
    public static void shutDown(Path socket) throws Exception {
        Optional<ProcessHandle> daemon = Optional.empty();
        try (DaemonRemoteAccess ras = DaemonRemoteAccess.open(socket)) {
            daemon = ProcessHandle.of(ras.ping().path("pid").asLong());
            ras.shutdownDaemon();
        } catch (IOException e) {
            // nothing serves it
        }
        if (daemon.isPresent()) {
            daemon.get().onExit().get(30, TimeUnit.SECONDS);
        }
        for (ProcessHandle p : serving(socket)) {
            p.destroyForcibly();
        }
    }

    public static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
