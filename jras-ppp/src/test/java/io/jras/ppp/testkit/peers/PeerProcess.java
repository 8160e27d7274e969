package io.jras.ppp.testkit.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real third-party PPP peer on 127.0.0.1, started by one of the scripts in
 * {@code jras-ppp/src/test/peers/}: Debian's pppd inside user-mode-linux as server or client, or
 * slirp as server.
 *
 * <p>A factory returns once the script printed its {@code READY} line. A peer that cannot start
 * fails the test with an {@link AssertionError} carrying the script's stderr and the tails of its
 * logs; it never skips. {@link #close()} sends SIGTERM to the script and waits for it, so it stops
 * exactly what it started and deletes its run dir.
 *
 * <p>Logs go to {@code LAB_LOGS}: the {@code env} entry if given, else the directory of the current
 * test (see {@link PeerLogs}), else {@code target/peer-logs/adhoc}.
 *
 * <pre>{@code
 * try (PeerProcess server = PeerProcess.pppdServer(Auth.CHAP, Map.of("PPPD_EXTRA", "noccp"))) {
 *     try (Socket s = new Socket("127.0.0.1", server.port())) { ... }
 *     assertEquals(16, server.awaitExit(Duration.ofSeconds(30)));   // hangup
 * }
 * }</pre>
 */
public final class PeerProcess implements AutoCloseable {

    /** What the peer asks for (servers) or agrees to do (pppd client; {@link #ANY} = whatever is asked). */
    public enum Auth {
        NONE, PAP, CHAP, MSCHAPV2, ANY;

        /** The script argument: {@code none}, {@code pap}, ... */
        public String arg() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** pppd's exit codes that tests assert on (pppd(8) "EXIT STATUS"). */
    public static final int EXIT_OK = 0;
    public static final int EXIT_NEGOTIATION_FAILED = 10;
    public static final int EXIT_PEER_AUTH_FAILED = 11;
    public static final int EXIT_CONNECT_TIME = 13;
    public static final int EXIT_HANGUP = 16;
    public static final int EXIT_AUTH_TOPEER_FAILED = 19;
    /** The script was stopped by SIGTERM / SIGINT (e.g. by {@link #close()}). */
    public static final int EXIT_KILLED = 143;

    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\S*)");
    private static final int START_ATTEMPTS = 3;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(20);
    private static final int STDERR_KEEP = 64 * 1024;

    private final String peer;
    private final int port;
    private final List<String> command;
    private final Process process;
    private final Path logsDir;
    private final Path transcript;
    private final StringBuilder stderr = new StringBuilder();
    private final CompletableFuture<Map<String, String>> ready = new CompletableFuture<>();
    private volatile Map<String, String> done;
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private volatile boolean closed;

    // ---- factories ------------------------------------------------------------------------

    /** pppd 2.4.9 in user-mode-linux as the answering side on a free 127.0.0.1 port; serves one connection. */
    public static PeerProcess pppdServer(Auth auth, Map<String, String> env) {
        if (auth == Auth.ANY) {
            throw new IllegalArgumentException("a pppd server needs a definite auth: none|pap|chap|mschapv2");
        }
        return startServer("pppd-uml-server.sh", auth, env);
    }

    /** pppd 2.4.9 in user-mode-linux as the calling side; 127.0.0.1:{@code port} must be listening. */
    public static PeerProcess pppdClient(int port, Auth auth, Map<String, String> env) {
        return start("pppd-uml-client.sh", port, auth, env);
    }

    /** slirp as the answering side on a free 127.0.0.1 port; a fresh slirp for every connection. */
    public static PeerProcess slirp(Auth auth, Map<String, String> env) {
        if (auth != Auth.NONE && auth != Auth.PAP && auth != Auth.CHAP) {
            throw new IllegalArgumentException("slirp supports auth none|pap|chap, not " + auth);
        }
        return startServer("slirp-server.sh", auth, env);
    }

    private static PeerProcess startServer(String script, Auth auth, Map<String, String> env) {
        // The free port we pick can be taken before the script binds it: then pick another.
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            try {
                return start(script, port, auth, env);
            } catch (PortInUse e) {
                if (attempt == START_ATTEMPTS) {
                    throw new AssertionError(e.getMessage());
                }
            }
        }
    }

    private static PeerProcess start(String script, int port, Auth auth, Map<String, String> env) {
        Objects.requireNonNull(auth, "auth");
        Path logs = env.containsKey("LAB_LOGS") ? Path.of(env.get("LAB_LOGS")) : PeerLogs.currentDir();
        PeerProcess p = new PeerProcess(script, port, auth, env, logs.toAbsolutePath());
        p.awaitReady(readyTimeout(env));
        PeerLogs.register(p);
        return p;
    }

    private PeerProcess(String script, int port, Auth auth, Map<String, String> env, Path logsDir) {
        this.peer = script.replaceFirst("\\.sh$", "");
        this.port = port;
        this.logsDir = logsDir;
        Path scriptPath = peersDir().resolve(script);
        this.command = List.of("bash", scriptPath.toString(), Integer.toString(port), auth.arg());
        try {
            Files.createDirectories(logsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the logs dir " + logsDir, e);
        }
        this.transcript = logsDir.resolve(peer + "-" + port + ".out");
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(scriptPath.getParent().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> e = pb.environment();
        e.putAll(env);
        e.put("LAB_LOGS", logsDir.toString());
        // if this JVM dies without closing us, the script notices and cleans up
        e.put("LAB_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
        try {
            this.process = pb.start();
        } catch (IOException ex) {
            throw new AssertionError("cannot run " + String.join(" ", command), ex);
        }
        appendTranscript("$ " + String.join(" ", command) + "   (env " + env + ")");
        this.stdoutReader = Thread.ofPlatform().daemon().name(peer + "-" + port + "-stdout")
                .start(() -> pump(process.getInputStream(), this::onStdout));
        this.stderrReader = Thread.ofPlatform().daemon().name(peer + "-" + port + "-stderr")
                .start(() -> pump(process.getErrorStream(), this::onStderr));
    }

    // ---- accessors ------------------------------------------------------------------------

    /** The TCP port on 127.0.0.1: where a server listens, or where the client connects to. */
    public int port() {
        return port;
    }

    /** The pppd debug log (one {@code sent [...]} / {@code rcvd [...]} line per packet); for slirp its socat+banner log. */
    public Path logFile() {
        return Path.of(readyField("log"));
    }

    /** The UML console log, or null for slirp. */
    public Path consoleFile() {
        String c = ready.join().get("console");
        return c == null ? null : Path.of(c);
    }

    /** The LAB_LOGS directory of this peer. */
    public Path logsDir() {
        return logsDir;
    }

    /** How long the script took from start to READY, as it measured it. */
    public Duration startup() {
        return Duration.ofMillis(Long.parseLong(readyField("startup_ms")));
    }

    /** The current text of {@link #logFile()}. */
    public String log() {
        return read(logFile());
    }

    /** What the script printed on stderr so far (the last 64 KiB). */
    public String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public String toString() {
        return peer + " port=" + port + " (" + String.join(" ", command.subList(2, command.size())) + ")";
    }

    // ---- waiting --------------------------------------------------------------------------

    /**
     * Waits until the peer's log has a match for {@code regex} (multi-line mode: {@code ^}/{@code $}
     * match at lines) and returns it; fails with the log tail if there is none in time, or if the
     * peer exits without one.
     */
    public MatchResult awaitLog(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex, Pattern.MULTILINE);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean exited = !process.isAlive();
            Matcher m = pattern.matcher(log());
            if (m.find()) {
                return m.toMatchResult();
            }
            if (exited) {
                throw new AssertionError(this + ": no log line matches /" + regex + "/; the peer exited with "
                        + process.exitValue() + "\n" + diagnostics());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(this + ": no log line matches /" + regex + "/ within " + timeout
                        + "\n" + diagnostics());
            }
            sleep(50);
        }
    }

    /**
     * Waits for the peer to exit and returns pppd's exit code (from the script's {@code DONE}
     * line; for slirp, or a script stopped before pppd finished, the script's own exit code).
     */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AssertionError(this + ": still running after " + timeout + "\n" + diagnostics());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        join(stdoutReader);
        Map<String, String> d = done;
        if (d != null && d.containsKey("pppd_exit")) {
            return Integer.parseInt(d.get("pppd_exit"));
        }
        return process.exitValue();
    }

    /** SIGTERM to the script, which stops pppd (LCP TermReq), UML, socat and slirp, and removes its run dir. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
    }

    private void stop() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    System.err.println(this + ": did not stop within " + CLOSE_WAIT + " of SIGTERM; killing it");
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        join(stdoutReader);
        join(stderrReader);
    }

    /** The script's stderr and the last lines of every log of this peer: for failure messages. */
    public String diagnostics() {
        StringBuilder b = new StringBuilder();
        String err = stderr().strip();
        if (!err.isEmpty()) {
            b.append("--- stderr of ").append(String.join(" ", command)).append('\n').append(tail(err, 40)).append('\n');
        }
        String marker = "-" + port + ".";
        try (Stream<Path> files = Files.list(logsDir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().contains(marker)).sorted().toList()) {
                if (f.equals(transcript)) {
                    continue;
                }
                String text = read(f).strip();
                b.append("--- ").append(f).append(text.isEmpty() ? " (empty)" : " (last lines)").append('\n');
                if (!text.isEmpty()) {
                    b.append(tail(text, f.toString().endsWith(".log") ? 30 : 20)).append('\n');
                }
            }
        } catch (IOException e) {
            b.append("(cannot list ").append(logsDir).append(": ").append(e).append(")\n");
        }
        return b.toString();
    }

    // ---- internals ------------------------------------------------------------------------

    private void awaitReady(Duration timeout) {
        CompletableFuture<?> readyOrExit = CompletableFuture.anyOf(ready, process.onExit());
        try {
            readyOrExit.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            String diag = diagnostics();
            stop();
            throw new AssertionError(this + " printed no READY within " + timeout + "\n" + diag);
        } catch (Exception e) {
            stop();
            throw new AssertionError(this + ": waiting for READY failed", e);
        }
        if (ready.isDone()) {
            return;
        }
        join(stdoutReader);
        join(stderrReader);
        int rc = process.exitValue();
        String err = stderr();
        String msg = this + " could not start: the script exited with " + rc + " before READY\n" + diagnostics();
        if (rc == 2 && (err.contains("already in use") || err.contains("Address already in use"))) {
            throw new PortInUse(msg);
        }
        throw new AssertionError(msg);
    }

    private void onStdout(String line) {
        appendTranscript(line);
        if (line.startsWith("READY ")) {
            ready.complete(fields(line));
        } else if (line.startsWith("DONE ")) {
            done = fields(line);
        }
    }

    private void onStderr(String line) {
        appendTranscript("stderr: " + line);
        synchronized (stderr) {
            stderr.append(line).append('\n');
            if (stderr.length() > STDERR_KEEP) {
                stderr.delete(0, stderr.length() - STDERR_KEEP);
            }
        }
    }

    private static void pump(InputStream in, java.util.function.Consumer<String> sink) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                sink.accept(line);
            }
        } catch (IOException ignored) {
            // the process went away
        }
    }

    private synchronized void appendTranscript(String line) {
        try (Writer w = Files.newBufferedWriter(transcript, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            w.write(line);
            w.write('\n');
        } catch (IOException ignored) {
            // the transcript is a convenience; the test goes on without it
        }
    }

    private String readyField(String key) {
        if (!ready.isDone()) {
            throw new IllegalStateException(this + " is not READY");
        }
        String v = ready.join().get(key);
        if (v == null) {
            throw new IllegalStateException(this + ": the READY line has no " + key + "=");
        }
        return v;
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> m = new HashMap<>();
        Matcher matcher = FIELD.matcher(line);
        while (matcher.find()) {
            m.put(matcher.group(1), matcher.group(2));
        }
        return Map.copyOf(m);
    }

    private static Duration readyTimeout(Map<String, String> env) {
        long scriptSecs = 60;
        String v = env.get("READY_TIMEOUT");
        if (v != null && v.matches("\\d+")) {
            scriptSecs = Long.parseLong(v);
        }
        // the script gives up first, with its own diagnostics; we wait a little longer
        return Duration.ofSeconds(Math.max(60, scriptSecs + 30));
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The directory of the peer scripts: system property {@code jras.peers.dir} (failsafe sets it),
     * else {@code src/test/peers} or {@code jras-ppp/src/test/peers} in the working dir or a parent.
     */
    public static Path peersDir() {
        String prop = System.getProperty("jras.peers.dir");
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop).toAbsolutePath().normalize();
            if (!Files.isRegularFile(p.resolve("pppd-uml-server.sh"))) {
                throw new AssertionError("jras.peers.dir=" + prop + " has no pppd-uml-server.sh");
            }
            return p;
        }
        List<Path> tried = new ArrayList<>();
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            for (Path c : List.of(d.resolve("src/test/peers"), d.resolve("jras-ppp/src/test/peers"))) {
                if (Files.isRegularFile(c.resolve("pppd-uml-server.sh"))) {
                    return c;
                }
                tried.add(c);
            }
        }
        throw new AssertionError("cannot find the peer scripts: set -Djras.peers.dir; tried " + tried);
    }

    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static String tail(String text, int lines) {
        String[] all = text.split("\n", -1);
        int from = Math.max(0, all.length - lines);
        return (from > 0 ? "[... " + from + " lines before]\n" : "")
                + String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
    }

    private static void join(Thread t) {
        try {
            t.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A server's port was taken between our pick and the script's bind: retry with another. */
    private static final class PortInUse extends RuntimeException {
        PortInUse(String message) {
            super(message, null, false, false);
        }
    }
}
