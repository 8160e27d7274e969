package io.jras.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jras.ppp.testkit.peers.PeerProcess;
import io.jras.ppp.testkit.peers.PeerProcess.Auth;
import io.jras.ppp.testkit.peers.RealPeers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jras serve}'s sessions in the manager, every step a separate process as a user runs it:
 * {@code jras serve} (its server runs in the autostarted daemon on a private socket), the real pppd
 * (in user-mode-linux) dialing it, and {@code jras list / status / hangup} from other processes.
 */
@RealPeers
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ServeIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WITHIN = Duration.ofSeconds(60);
    static final String SECRET = "wonderland";

    @TempDir
    Path dir;

    Path socket;
    Path users;
    final List<Process> serves = new ArrayList<>();

    record Result(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    /**
     * A running {@code jras serve}, its output going to a file (a pipe would do, but Java closes a
     * child's pipe when the child exits, and lines written in its last moments can be lost).
     */
    record Serve(Process process, Path output) {

        List<String> lines() throws IOException {
            return Files.readAllLines(output, StandardCharsets.UTF_8);
        }

        /** Waits for a line matching {@code regex} (polling the output file). */
        Matcher await(String regex) throws InterruptedException, IOException {
            Pattern p = Pattern.compile(regex);
            long end = System.nanoTime() + WITHIN.toNanos();
            while (System.nanoTime() < end) {
                boolean exited = !process.isAlive();
                for (String l : lines()) {
                    Matcher m = p.matcher(l);
                    if (m.find()) {
                        return m;
                    }
                }
                if (exited) {
                    throw new AssertionError("jras serve exited (" + process.exitValue() + ") without /" + regex
                            + "/:\n" + String.join("\n", lines()));
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no /" + regex + "/ from jras serve within " + WITHIN + ":\n" + String.join("\n", lines()));
        }

        int port() throws InterruptedException, IOException {
            return Integer.parseInt(await("listening on tcp:127\\.0\\.0\\.1:(\\d+)").group(1));
        }
    }

    @BeforeEach
    void files() throws IOException {
        socket = dir.resolve("run/jras.sock");
        users = dir.resolve("chap-secrets");
        Files.writeString(users, """
                # client  server  secret        addresses
                alice     *       "%s"          192.0.2.0/24
                """.formatted(SECRET));
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
    }

    @AfterEach
    void stopAll() throws Exception {
        Path daemonLog = Path.of(socket + ".log");
        if (Files.exists(daemonLog)) {
            System.out.println("[daemon log]\n" + Files.readString(daemonLog));
        }
        for (Process p : serves) {
            p.destroyForcibly();
        }
        for (ProcessHandle p : daemons()) {
            p.destroy();
            p.onExit().get(20, TimeUnit.SECONDS);
        }
    }

    List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "io.jras.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    ProcessBuilder builder(String... args) {
        ProcessBuilder pb = new ProcessBuilder(command(args));
        pb.environment().put("JRAS_SOCKET", socket.toString());
        pb.environment().put("JRAS_PHONEBOOK", dir.resolve("rasphone.pbk").toString());
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return pb;
    }

    Result jras(String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = builder(args);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("jras " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** {@code jras serve ARGS} in the background, its stdout and stderr to a file. */
    Serve serve(String... args) throws IOException {
        Path output = Files.createTempFile(dir, "serve", ".txt");
        Process p = builder(args).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        serves.add(p);
        return new Serve(p, output);
    }

    /** jras serve takes no port 0 (tcp:HOST:PORT is 1-65535): a port that was free a moment ago. */
    static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    Serve serveChap() throws IOException {
        return serve("serve", "--listen", "tcp:127.0.0.1:" + freePort(), "--pool", "192.0.2.10-192.0.2.19", "--dns", "192.0.2.53",
                "--users", users.toString(), "--auth", "chap", "--negotiation-timeout", "90");
    }

    List<ProcessHandle> daemons() {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("")
                .contains("io.jras.daemon.Main --socket " + socket)).toList();
    }

    List<JsonNode> incoming() throws Exception {
        Result list = jras("list", "--json");
        assertThat(list.code()).as(list.err()).isZero();
        List<JsonNode> rows = new ArrayList<>();
        list.json().forEach(r -> {
            if (r.path("incoming").asBoolean()) {
                rows.add(r);
            }
        });
        return rows;
    }

    boolean listening(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void pppdDialsServeAndTheSessionIsListedQueriedAndHungUpFromOtherProcesses() throws Exception {
        Serve serve = serveChap();
        int port = serve.port();
        try (PeerProcess pppd = PeerProcess.pppdClient(port, Auth.CHAP, Map.of())) {
            pppd.awaitLog("^local  IP address 192\\.0\\.2\\.10$", WITHIN);
            serve.await("session 1 started: .* user \"alice\"");

            List<JsonNode> rows = incoming();
            assertThat(rows).hasSize(1);
            JsonNode row = rows.getFirst();
            assertThat(row.get("deviceType").asText()).isEqualTo("tcp");
            assertThat(row.get("deviceName").asText()).isEqualTo("tcp:127.0.0.1:" + port);
            assertThat(row.get("user").asText()).isEqualTo("alice");
            assertThat(row.get("phoneNumber").asText()).isEqualTo("alice");
            assertThat(row.get("entry").asText()).isEqualTo("jras");
            assertThat(row.get("state").asText()).isEqualTo("Connected");
            String handle = row.get("handle").asText();
            assertThat(handle).startsWith("0x");
            assertThat(jras("list").out()).contains(handle, "incoming from alice");

            JsonNode status = jras("status", "--handle", handle, "--json").json();
            assertThat(status.get("state").asText()).isEqualTo("Connected");
            assertThat(status.get("projection").get("localAddress").asText()).isEqualTo("192.0.2.9");
            assertThat(status.get("projection").get("remoteAddress").asText()).isEqualTo("192.0.2.10");
            assertThat(status.get("projection").get("dns").get(0).asText()).isEqualTo("192.0.2.53");
            assertThat(status.get("statistics").get("bytesRcved").asLong()).isPositive();

            Result hangup = jras("hangup", "--handle", handle);
            assertThat(hangup.code()).as(hangup.err()).isZero();
            // The dialer hears why in the Terminate-Request, acks, and the line closes under it.
            pppd.awaitLog("^LCP terminated by peer \\(User request\\)$", WITHIN);
            assertThat(pppd.awaitExit(WITHIN)).isEqualTo(PeerProcess.EXIT_HANGUP);
            serve.await("session 1 ended: .* user \"alice\"");

            Result gone = jras("status", "--handle", handle, "--json");
            assertThat(gone.code()).isNotZero();
            assertThat(gone.err()).startsWith("Error 6: ");
            assertThat(gone.json().get("error").asInt()).isEqualTo(6);
            assertThat(incoming()).isEmpty();
        }
        assertThat(serve.process().isAlive()).as("serve keeps answering after one session").isTrue();
        serve.process().destroy(); // SIGTERM
        assertThat(serve.process().waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
        serve.await("^\\S+ stopped$");
        assertThat(listening(port)).isFalse();
        assertThat(serve.lines()).noneMatch(l -> l.contains(SECRET));
        String daemonLog = Files.readString(Path.of(socket + ".log"));
        assertThat(daemonLog).doesNotContain(SECRET);
        // The manager's event log (what jras watch streams) told the incoming session's story.
        assertThat(daemonLog).contains(handleOf(daemonLog) + " jras incoming Connected: incoming call from 127.0.0.1:",
                " user \"alice\" on tcp:127.0.0.1:" + port, handleOf(daemonLog) + " jras removed");
    }

    private static String handleOf(String daemonLog) {
        Matcher m = Pattern.compile("(0x[0-9a-f]+) jras incoming").matcher(daemonLog);
        assertThat(m.find()).as(daemonLog).isTrue();
        return m.group(1);
    }

    @Test
    void detachLeavesTheServerInTheDaemonUntilServeStop() throws Exception {
        int port = freePort();
        Result started = jras("serve", "--detach", "--listen", "tcp:127.0.0.1:" + port, "--pool", "192.0.2.10-192.0.2.19",
                "--auth", "none");
        assertThat(started.code()).as(started.err()).isZero();
        Matcher m = Pattern.compile("^Server (\\d+) listening on tcp:127\\.0\\.0\\.1:" + port + "$").matcher(started.out().strip());
        assertThat(m.matches()).as(started.out()).isTrue();
        assertThat(listening(port)).as("the server outlives the command that started it").isTrue();
        Result stopped = jras("serve", "--stop", m.group(1));
        assertThat(stopped.code()).as(stopped.err()).isZero();
        assertThat(listening(port)).isFalse();
        Result again = jras("serve", "--stop", m.group(1));
        assertThat(again.err()).startsWith("Error 6: ");

        // A following jras serve stopped from another process ends quietly.
        Serve follower = serve("serve", "--listen", "tcp:127.0.0.1:" + port, "--pool", "192.0.2.10-192.0.2.19",
                "--auth", "none");
        String id = follower.await("server (\\d+) runs in the jras daemon at ").group(1);
        assertThat(jras("serve", "--stop", id).code()).isZero();
        assertThat(follower.process().waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(follower.process().exitValue()).isZero();
        follower.await("stopped: asked by \\S+ \\(uid \\d+\\)$");

        Result usage = jras("serve", "--pool", "192.0.2.10-192.0.2.19");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("--listen");
    }

    @Test
    void sigtermOfServeTerminatesItsSessionsAndSigkillStillStopsTheServerInTheDaemon() throws Exception {
        Serve first = serveChap();
        int port = first.port();
        try (PeerProcess pppd = PeerProcess.pppdClient(port, Auth.CHAP, Map.of())) {
            pppd.awaitLog("^local  IP address 192\\.0\\.2\\.10$", WITHIN);
            first.await("session 1 started");
            assertThat(incoming()).hasSize(1);
            first.process().destroy(); // SIGTERM: every session gets LCP Terminate, then serve exits
            assertThat(first.process().waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
            first.await("stopping: terminating 1 session$");
            first.await("^\\S+ stopped$");
            pppd.awaitLog("^LCP terminated by peer \\(server stopping\\)$", WITHIN);
            assertThat(incoming()).isEmpty();
            assertThat(listening(port)).isFalse();
        }

        Serve second = serveChap();
        int port2 = second.port();
        try (PeerProcess pppd = PeerProcess.pppdClient(port2, Auth.CHAP, Map.of())) {
            pppd.awaitLog("^local  IP address 192\\.0\\.2\\.10$", WITHIN);
            second.await("session 1 started");
            assertThat(incoming()).hasSize(1);
            second.process().destroyForcibly(); // SIGKILL: no goodbye; the daemon sees the connection end
            second.process().waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS);
            pppd.awaitLog("^LCP terminated by peer \\(server stopping\\)$", WITHIN);
            assertThat(incoming()).isEmpty();
            assertThat(listening(port2)).as("no orphaned listener").isFalse();
        }
        assertThat(daemons()).as("the daemon itself goes on").hasSize(1);
    }
}
