package io.jras.daemon.testkit;

import io.jras.core.ManagerConfig;
import io.jras.daemon.DaemonConfig;
import io.jras.daemon.JrasDaemon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An in-process daemon on a socket in a fresh temp directory, dialing a {@link PeerServer} through
 * {@link TestResolver}, with its log captured. Close it to stop both and remove the directory.
 */
public final class DaemonFixture implements AutoCloseable {

    public final Path dir;
    public final Path socket;
    public final PeerServer peer;
    public final List<String> log = new CopyOnWriteArrayList<>();
    public final JrasDaemon daemon;

    public DaemonFixture() throws IOException {
        this(c -> c);
    }

    public DaemonFixture(UnaryOperator<DaemonConfig> adjust) throws IOException {
        dir = Files.createTempDirectory("jrasd");
        socket = dir.resolve("jras.sock");
        peer = new PeerServer();
        DaemonConfig config = DaemonConfig.forUser(socket)
                .withManager(ManagerConfig.DEFAULT.withTick(Duration.ofMillis(50)))
                .withLog(log::add);
        daemon = JrasDaemon.start(adjust.apply(config), new TestResolver());
    }

    public RawClient client() throws IOException {
        return RawClient.connect(socket);
    }

    /** dial params for the peer, as JSON. */
    public String dialParams(String entry) {
        return "{\"entry\":\"" + entry + "\",\"device\":\"" + peer.device() + "\",\"user\":\"" + PeerServer.USER
                + "\",\"password\":\"" + PeerServer.PASSWORD + "\"}";
    }

    /** Polls {@code condition} (observable state, never a protocol timer) for up to 15 s. */
    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + RawClient.WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void close() throws IOException {
        daemon.close();
        peer.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
