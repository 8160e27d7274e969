package io.jras.net.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A network namespace that a test creates with {@code ip netns add} and removes in {@link #close()}
 * (use try-with-resources, so it goes also when the test fails). Names carry the JVM's pid:
 * namespaces left by a JVM that died (jrasit-PID-N with PID gone) are removed when the next one
 * is created. Needs root; a test that cannot create its namespace fails.
 */
public final class TestNamespace implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String PREFIX = "jrasit-";

    private final String name;

    /** The result of a command: its exit status and its output (stdout and stderr together). */
    public record Result(int exit, String output) {
    }

    private TestNamespace(String name) {
        this.name = name;
    }

    /** A fresh namespace with its loopback up. */
    public static TestNamespace create() {
        removeStale();
        String name = PREFIX + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        Result r = run(List.of("ip", "netns", "add", name), 10);
        if (r.exit() != 0) {
            throw new AssertionError("cannot create network namespace " + name + " (needs root): " + r.output());
        }
        TestNamespace ns = new TestNamespace(name);
        ns.ip("link", "set", "lo", "up");
        return ns;
    }

    public String name() {
        return name;
    }

    /** Runs {@code command} inside the namespace (ip netns exec) and waits up to {@code seconds}. */
    public Result exec(int seconds, String... command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
        cmd.addAll(List.of(command));
        return run(cmd, seconds);
    }

    /** {@code ip -n NAME args...}; fails the test on a non-zero exit. */
    public String ip(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
        cmd.addAll(List.of(args));
        Result r = run(cmd, 10);
        if (r.exit() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed: " + r.output());
        }
        return r.output();
    }

    /** {@code ip -n NAME args...} whatever its exit. */
    public Result tryIp(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
        cmd.addAll(List.of(args));
        return run(cmd, 10);
    }

    /** Starts a long-running command inside the namespace; the caller destroys it. */
    public Process start(String... command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
        cmd.addAll(List.of(command));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    public static Result run(List<String> cmd, int seconds) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            byte[][] out = new byte[1][];
            Thread t = Thread.ofVirtual().start(() -> {
                try {
                    out[0] = p.getInputStream().readAllBytes();
                } catch (IOException e) {
                    out[0] = new byte[0];
                }
            });
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor();
                t.join();
                return new Result(-1, "timed out after " + seconds + " s: " + String.join(" ", cmd) + "\n"
                        + new String(out[0] == null ? new byte[0] : out[0], StandardCharsets.UTF_8));
            }
            t.join();
            return new Result(p.exitValue(), new String(out[0], StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "cannot run " + cmd + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static void removeStale() {
        Path dir = Path.of("/run/netns");
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (!n.startsWith(PREFIX)) {
                    continue;
                }
                String[] parts = n.substring(PREFIX.length()).split("-");
                try {
                    long pid = Long.parseLong(parts[0]);
                    if (ProcessHandle.of(pid).isEmpty()) {
                        run(List.of("ip", "netns", "del", n), 10);
                    }
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        } catch (IOException ignored) {
            // best effort
        }
    }

    @Override
    public void close() {
        // Processes still running inside would keep the namespace alive: kill those first.
        Result pids = run(List.of("ip", "netns", "pids", name), 10);
        for (String pid : pids.output().split("\\s+")) {
            try {
                ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
            } catch (NumberFormatException ignored) {
                // blank or an error text
            }
        }
        Result r = run(List.of("ip", "netns", "del", name), 10);
        if (r.exit() != 0) {
            throw new AssertionError("cannot remove network namespace " + name + ": " + r.output());
        }
    }
}
