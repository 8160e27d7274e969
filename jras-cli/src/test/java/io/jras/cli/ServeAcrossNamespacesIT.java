package io.jras.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jras.net.testkit.TestNamespace;
import io.jras.net.testkit.Veth;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 end to end, every piece a separate process as a user runs it: two network namespaces A
 * and B joined only by a veth pair (10.99.0.1/30 in A, 10.99.0.2/30 in B). In B a jras daemon and
 * {@code jras serve --interfaces} listening on the veth; in A a second daemon with
 * {@code JRAS_INTERFACES=on}, and {@code jras entry add} / {@code dial} / {@code status} /
 * {@code hangup}. PPP runs over TCP across the veth; IP between A's jras0 and B's session interface
 * runs through that link: ping, and a TCP transfer checked by digest. No PPP peer other than jras.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ServeAcrossNamespacesIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WITHIN = Duration.ofSeconds(60);
    static final String SECRET = "wonderland-xns";
    static final int PPP_PORT = 5070;
    static final int DATA_PORT = 5002;
    static final String SERVER_IP = "192.0.2.1";
    static final String CLIENT_IP = "192.0.2.10";

    @TempDir
    Path dir;

    /** Every process this test started (daemons, serve, socat), killed in the end if still alive. */
    final List<Process> started = new ArrayList<>();
    /** The logs shown with a failure: name → file. */
    final Map<String, Path> logs = new LinkedHashMap<>();

    record Result(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }

        @Override
        public String toString() {
            return "exit " + code + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    /** One namespace's side: its daemon's socket and the environment of every jras process there. */
    final class Side {
        final String label;
        final TestNamespace ns;
        final Path socket;
        final Map<String, String> env = new LinkedHashMap<>();
        Process daemon;

        Side(String label, TestNamespace ns) throws IOException {
            this.label = label;
            this.ns = ns;
            Path home = Files.createDirectories(dir.resolve(label));
            this.socket = home.resolve("run/jras.sock");
            env.put("JRAS_SOCKET", socket.toString());
            env.put("JRAS_PHONEBOOK", home.resolve("rasphone.pbk").toString());
            env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
            // An empty hook directory: no ip-up/ip-down of the host runs.
            env.put("JRAS_HOOK_DIR", Files.createDirectories(home.resolve("hooks")).toString());
        }

        ProcessBuilder builder(String main, String... args) {
            List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns.name(),
                    ProcessHandle.current().info().command().orElse("java"),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), main));
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().putAll(env);
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            return pb;
        }

        /** The daemon, started in this namespace (ip netns exec execs java: the process is the JVM). */
        void startDaemon() throws Exception {
            Files.createDirectories(socket.getParent(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Path log = dir.resolve(label + "-daemon.log");
            logs.put("daemon in " + label, log);
            daemon = builder("io.jras.daemon.Main", "--socket", socket.toString()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            started.add(daemon);
            await("the daemon in " + label + " listens on " + socket, () -> Files.exists(socket) || !daemon.isAlive());
            assertThat(daemon.isAlive()).as("the daemon in %s exited", label).isTrue();
            // Its socket, its listener and its interfaces are in this namespace.
            TestNamespace.Result where = TestNamespace.run(List.of("ip", "netns", "identify", String.valueOf(daemon.pid())), 10);
            assertThat(where.output().strip()).as("the namespace of the daemon in %s", label).isEqualTo(ns.name());
        }

        /** {@code jras ARGS} in this namespace, as its own process. */
        Result jras(String... args) throws IOException, InterruptedException {
            Path out = Files.createTempFile(dir, label + "-out", ".txt");
            Path err = Files.createTempFile(dir, label + "-err", ".txt");
            Process p = builder("io.jras.cli.Main", args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("jras " + String.join(" ", args) + " in " + label + " did not finish");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }

        /** {@code jras ARGS}, which must succeed. */
        Result ok(String... args) throws IOException, InterruptedException {
            Result r = jras(args);
            assertThat(r.code()).as("jras %s in %s: %s", String.join(" ", args), label, r).isZero();
            return r;
        }

        boolean hasLink(String name) {
            return ns.tryIp("link", "show", name).exit() == 0;
        }

        /** SIGTERM; the daemon hangs up what is left, removes its socket and exits. */
        void stopDaemon() throws InterruptedException {
            daemon.destroy();
            assertThat(daemon.waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS))
                    .as("the daemon in %s ends on SIGTERM", label).isTrue();
        }
    }

    @Test
    void aJrasClientInOneNamespaceDialsJrasServeInAnotherBothWithInterfaces() throws Exception {
        byte[] data = new byte[2 * 1024 * 1024];
        new Random(6).nextBytes(data);
        Path file = dir.resolve("2mb.bin");
        Files.write(file, data);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        Path users = dir.resolve("chap-secrets");
        Files.writeString(users, """
                # client  server  secret  addresses
                alice     *       "%s"    192.0.2.0/24
                """.formatted(SECRET));
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));

        List<String> namespaces = new ArrayList<>();
        try (TestNamespace nsA = TestNamespace.create(); TestNamespace nsB = TestNamespace.create();
             Veth _ = Veth.join(nsA, "10.99.0.1/30", nsB, "10.99.0.2/30")) {
            namespaces.add(nsA.name());
            namespaces.add(nsB.name());
            try {
                Side a = new Side("A", nsA);
                Side b = new Side("B", nsB);
                a.env.put("JRAS_INTERFACES", "on");
                TestNamespace.Result veth0 = nsA.exec(30, "ping", "-c", "1", "-w", "20", "10.99.0.2");
                assertThat(veth0.exit()).as("the veth carries A to B: %s", veth0.output()).isZero();

                // B: its daemon, and jras serve (its server runs in that daemon, so in B) on the veth.
                b.startDaemon();
                Path serveLog = dir.resolve("B-serve.log");
                logs.put("jras serve in B", serveLog);
                Process serve = b.builder("io.jras.cli.Main", "serve", "--socket", b.socket.toString(),
                                "--listen", "tcp:10.99.0.2:" + PPP_PORT, "--pool", "192.0.2.10-192.0.2.19",
                                "--local-address", SERVER_IP, "--auth", "pap", "--users", users.toString(), "--interfaces")
                        .redirectErrorStream(true).redirectOutput(serveLog.toFile()).start();
                started.add(serve);
                awaitLine(serveLog, "listening on tcp:10\\.99\\.0\\.2:" + PPP_PORT);

                // A: its daemon with interfaces on, an entry, and a dial from another process.
                a.startDaemon();
                a.ok("entry", "add", "Lab", "--device", "tcp:10.99.0.2:" + PPP_PORT, "--auth", "pap",
                        "--user", "alice", "--password", SECRET);
                Result dial = a.ok("dial", "Lab");
                assertThat(dial.out()).contains("Connected to Lab.");
                awaitLine(serveLog, "session 1 started: .* user \"alice\"");

                // The two interfaces: A's jras0 points at the server, B's session interface at the caller.
                assertThat(nsA.ip("addr", "show", "dev", "jras0"))
                        .contains("inet " + CLIENT_IP + " peer " + SERVER_IP + "/32");
                await("B's session interface jras0", () -> b.hasLink("jras0"));
                assertThat(nsB.ip("addr", "show", "dev", "jras0"))
                        .contains("inet " + SERVER_IP + " peer " + CLIENT_IP + "/32");
                assertThat(nsA.ip("route", "get", SERVER_IP)).as("A reaches the server only through jras0")
                        .contains("dev jras0");

                // IP between the namespaces through the PPP link.
                TestNamespace.Result ping = nsA.exec(40, "ping", "-c", "3", "-i", "0.2", "-w", "30", SERVER_IP);
                assertThat(ping.exit()).as("ping %s from A: %s", SERVER_IP, ping.output()).isZero();
                assertThat(ping.output()).contains("3 received");

                Process listener = nsB.start("socat", "-u", "OPEN:" + file,
                        "TCP-LISTEN:" + DATA_PORT + ",bind=" + SERVER_IP + ",reuseaddr");
                started.add(listener);
                TestNamespace.Result get = nsA.exec(120, "sh", "-c", "socat -u TCP:" + SERVER_IP + ":" + DATA_PORT
                        + ",retry=100,interval=0.1 - | sha256sum");
                assertThat(get.exit()).as("the transfer from B to A: %s", get.output()).isZero();
                assertThat(get.output()).as("the 2 MB arrived intact in A").startsWith(digest);

                // From other processes: B's daemon lists the incoming session, its status has the interface.
                JsonNode rows = b.ok("list", "--json", "--socket", b.socket.toString()).json();
                assertThat(rows).as("jras list in B: %s", rows).hasSize(1);
                JsonNode row = rows.get(0);
                assertThat(row.get("incoming").asBoolean()).isTrue();
                assertThat(row.get("user").asText()).isEqualTo("alice");
                assertThat(row.get("state").asText()).isEqualTo("Connected");
                assertThat(row.get("deviceName").asText()).isEqualTo("tcp:10.99.0.2:" + PPP_PORT);
                String incoming = row.get("handle").asText();
                JsonNode served = b.ok("status", "--handle", incoming, "--json", "--socket", b.socket.toString()).json();
                assertThat(served.get("interface").get("name").asText()).isEqualTo("jras0");
                assertThat(served.get("interface").get("state").asText()).isEqualTo("up");
                assertThat(served.get("projection").get("localAddress").asText()).isEqualTo(SERVER_IP);
                assertThat(served.get("projection").get("remoteAddress").asText()).isEqualTo(CLIENT_IP);
                assertThat(served.get("statistics").get("bytesXmited").asLong())
                        .as("B's session sent the 2 MB").isGreaterThan(data.length);

                JsonNode dialed = a.ok("status", "Lab", "--json").json();
                assertThat(dialed.get("state").asText()).isEqualTo("Connected");
                assertThat(dialed.get("interface").get("name").asText()).isEqualTo("jras0");
                assertThat(dialed.get("interface").get("state").asText()).isEqualTo("up");
                assertThat(dialed.get("projection").get("localAddress").asText()).isEqualTo(CLIENT_IP);
                assertThat(dialed.get("projection").get("remoteAddress").asText()).isEqualTo(SERVER_IP);
                assertThat(dialed.get("statistics").get("bytesRcved").asLong())
                        .as("A's connection received the 2 MB").isGreaterThan(data.length);

                // Hang up from A: both interfaces go, and B's daemon lists nothing.
                Result hangup = a.ok("hangup", "Lab");
                assertThat(hangup.out()).contains("Disconnected ");
                await("A's jras0 to go", () -> !a.hasLink("jras0"));
                await("B's session interface to go", () -> !b.hasLink("jras0"));
                awaitLine(serveLog, "session 1 ended: .* user \"alice\"");
                await("jras list in B to be empty", () -> {
                    try {
                        return b.ok("list", "--json", "--socket", b.socket.toString()).json().isEmpty();
                    } catch (IOException | InterruptedException e) {
                        throw new AssertionError(e);
                    }
                });
                assertThat(a.ok("list", "--json").json()).as("A lists nothing").isEmpty();

                // The end: serve and both daemons on SIGTERM; no secret in any log.
                serve.destroy();
                assertThat(serve.waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS)).as("serve ends on SIGTERM").isTrue();
                awaitLine(serveLog, "^\\S+ stopped$");
                b.stopDaemon();
                a.stopDaemon();
                assertThat(Files.exists(a.socket)).as("A's daemon removed its socket").isFalse();
                assertThat(Files.exists(b.socket)).as("B's daemon removed its socket").isFalse();
                for (Path log : logs.values()) {
                    assertThat(Files.readString(log)).as(log.toString()).doesNotContain(SECRET);
                }
            } catch (AssertionError | Exception e) {
                // Whatever failed, the message shows what the daemons and serve said.
                throw new AssertionError(e.getMessage() + logs(), e);
            } finally {
                System.out.println(logs()); // in failsafe-reports/*-output.txt
                for (Process p : started) {
                    p.destroyForcibly();
                }
            }
        }
        // Closing the namespaces took the veth and everything in them.
        for (String n : namespaces) {
            assertThat(Path.of("/run/netns", n)).as("namespace %s removed", n).doesNotExist();
        }
        assertThat(TestNamespace.run(List.of("ip", "netns", "list"), 10).output()).doesNotContain(namespaces);
        assertThat(TestNamespace.run(List.of("ip", "link", "show", Veth.NAME), 10).exit())
                .as("no veth end in the host's namespace").isNotZero();
    }

    /** Waits for a line of {@code file} matching {@code regex}. */
    void awaitLine(Path file, String regex) throws Exception {
        Pattern p = Pattern.compile(regex);
        await("/" + regex + "/ in " + file.getFileName(), () -> {
            try {
                return Files.readAllLines(file, StandardCharsets.UTF_8).stream().anyMatch(l -> p.matcher(l).find());
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** Polls {@code condition} until it holds, or fails after {@link #WITHIN}. */
    void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("no " + what + " within " + WITHIN);
            }
            Thread.sleep(50);
        }
    }

    /** The daemons' and serve's output so far, for a failure's message. */
    String logs() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Path> e : logs.entrySet()) {
            String text;
            try {
                text = Files.readString(e.getValue(), StandardCharsets.UTF_8);
            } catch (IOException ex) {
                text = "(" + ex.getMessage() + ")";
            }
            sb.append("\n--- ").append(e.getKey()).append(" ---\n").append(text);
        }
        return sb.toString();
    }
}
