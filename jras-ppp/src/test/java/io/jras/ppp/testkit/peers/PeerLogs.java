package io.jras.ppp.testkit.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * JUnit 5 extension for tests that start {@link PeerProcess}es (use it through {@link RealPeers}).
 *
 * <ul>
 *   <li>Each test gets a fresh logs dir {@code target/peer-logs/<TestClass>/<test>/} (the root is
 *       system property {@code jras.peers.logs}, else {@code target/peer-logs} in the working
 *       dir), which the peers it starts use as {@code LAB_LOGS}; it stays for inspection after
 *       the run, in CI too.</li>
 *   <li>When the test fails, the tails of its peers' logs are printed to stderr and attached to
 *       the failure as a suppressed exception, so they show up in the report.</li>
 *   <li>Peers the test left open are closed after it.</li>
 * </ul>
 *
 * <p>The current test is kept in a static field: tests that start peers must not run in parallel
 * within one JVM (failsafe's default).
 */
public final class PeerLogs implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {

    private static final Object LOCK = new Object();
    private static Scope current;
    private static Path adhoc;

    private record Scope(Path dir, List<PeerProcess> peers) { }

    /** The LAB_LOGS dir for peers started now: the current test's, else {@code <root>/adhoc}. */
    public static Path currentDir() {
        synchronized (LOCK) {
            if (current != null) {
                return current.dir();
            }
            if (adhoc == null) {
                adhoc = fresh(root().resolve("adhoc"));
            }
            return adhoc;
        }
    }

    /** The root of all peer logs of this build. */
    public static Path root() {
        String prop = System.getProperty("jras.peers.logs");
        return (prop != null && !prop.isBlank() ? Path.of(prop) : Path.of("target", "peer-logs")).toAbsolutePath();
    }

    static void register(PeerProcess p) {
        synchronized (LOCK) {
            if (current != null) {
                current.peers().add(p);
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        String cls = context.getRequiredTestClass().getSimpleName();
        String test = context.getRequiredTestMethod().getName();
        String display = context.getDisplayName();
        if (!display.equals(test + "()") && !display.startsWith(test + "(")) {
            test = test + "-" + display;        // parameterized / repeated invocations
        }
        Path dir = fresh(root().resolve(cls).resolve(safe(test)));
        synchronized (LOCK) {
            current = new Scope(dir, new ArrayList<>());   // closed peers stay listed: their logs still count
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        List<PeerProcess> peers;
        synchronized (LOCK) {
            peers = current == null ? List.of() : List.copyOf(current.peers());
        }
        String message = String.valueOf(failure.getMessage());
        for (PeerProcess p : peers) {
            if (message.contains(p + ":")) {
                continue;       // a PeerProcess assertion: its message already has the tails
            }
            String tail = p + " (logs in " + p.logsDir() + ")\n" + p.diagnostics();
            System.err.println("=== peer log tail: " + tail);
            failure.addSuppressed(new PeerLogTail(tail));
        }
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<PeerProcess> peers;
        synchronized (LOCK) {
            peers = current == null ? List.of() : current.peers();
            current = null;
        }
        for (PeerProcess p : peers) {
            p.close();      // no-op for the ones the test closed
        }
    }

    private static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^_+|_+$", "");
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    private static Path fresh(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a fresh peer logs dir " + dir, e);
        }
    }

    /** Carries a peer's log tail in a test failure (as a suppressed exception, without a stack). */
    static final class PeerLogTail extends RuntimeException {
        PeerLogTail(String tail) {
            super(tail, null, false, false);
        }
    }
}
