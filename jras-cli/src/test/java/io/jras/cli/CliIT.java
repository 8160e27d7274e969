package io.jras.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jras.link.pty.Pty;
import io.jras.ppp.testkit.peers.PeerProcess;
import io.jras.ppp.testkit.peers.PeerProcess.Auth;
import io.jras.ppp.testkit.peers.RealPeers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jras command as scripts use it: every call a separate process, the daemon autostarted on a
 * private socket, real pppd (in user-mode-linux) as the peer.
 */
@RealPeers
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CliIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WITHIN = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    Path socket;

    record Result(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    @BeforeEach
    void paths() {
        socket = dir.resolve("run/jras.sock");
    }

    @AfterEach
    void stopDaemon() throws Exception {
        for (ProcessHandle p : daemons()) {
            p.destroy();
            p.onExit().get(15, TimeUnit.SECONDS);
        }
    }

    /** Runs {@code jras ARGS} as its own process, with this test's socket, phonebook and credential store. */
    Result jras(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "io.jras.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("JRAS_SOCKET", socket.toString());
        env.put("JRAS_PHONEBOOK", dir.resolve("rasphone.pbk").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
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

    List<ProcessHandle> daemons() {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("")
                .contains("io.jras.daemon.Main --socket " + socket)).toList();
    }

    @Test
    void processADialsAndExitsProcessBListsHangsUpAndPollsUntilError6() throws Exception {
        try (PeerProcess pppd = PeerProcess.pppdServer(Auth.CHAP, Map.of())) {
            assertThat(jras("entry", "add", "Lab Office", "--device", "tcp:127.0.0.1:" + pppd.port(), "--auth", "any",
                    "--user", "alice", "--password", "wonderland").code()).isZero();

            Result dial = jras("dial", "Lab Office");
            assertThat(dial.code()).as(dial.err()).isZero();
            assertThat(dial.out()).contains("Connecting to Lab Office...", "Verifying username and password...",
                    "Registering your computer on the network...", "Connected to Lab Office.");
            assertThat(dial.out() + dial.err()).doesNotContain("wonderland");

            Result list = jras("list", "--json");
            JsonNode row = list.json().get(0);
            assertThat(row.get("entry").asText()).isEqualTo("Lab Office");
            assertThat(row.get("state").asText()).isEqualTo("Connected");
            assertThat(row.get("stateCode").asInt()).isEqualTo(8192);
            assertThat(row.get("deviceType").asText()).isEqualTo("tcp");
            String handle = row.get("handle").asText();
            assertThat(handle).startsWith("0x");

            JsonNode status = jras("status", "--handle", handle, "--json").json();
            assertThat(status.get("projection").get("localAddress").asText()).isEqualTo("192.0.2.2");
            assertThat(status.get("projection").get("dns").get(0).asText()).isEqualTo("192.0.2.53");
            assertThat(status.get("statistics").get("bytesXmited").asLong()).isPositive();

            Result hangup = jras("hangup", "Lab Office");
            assertThat(hangup.code()).as(hangup.err()).isZero();
            assertThat(hangup.out()).contains("Disconnected " + handle);

            Result gone = jras("status", "--handle", handle, "--json");
            assertThat(gone.code()).isNotZero();
            assertThat(gone.err()).startsWith("Error 6: ");
            assertThat(gone.json().get("error").asInt()).isEqualTo(6);
            assertThat(jras("list").out()).contains("No connections");
            pppd.awaitLog("rcvd \\[LCP TermReq", WITHIN);
        }
    }

    @Test
    void aFailedDialKeepsItsHandleListedWithItsErrorUntilHungUp() throws Exception {
        try (PeerProcess pppd = PeerProcess.pppdServer(Auth.PAP, Map.of())) {
            jras("entry", "add", "Lab", "--device", "tcp:127.0.0.1:" + pppd.port());
            Result dial = jras("dial", "Lab", "alice", "not-it");
            assertThat(dial.code()).isNotZero();
            assertThat(dial.err()).contains("Error 691: ").doesNotContain("not-it");
            JsonNode row = jras("list", "--json").json().get(0);
            assertThat(row.get("state").asText()).isEqualTo("Disconnected");
            assertThat(row.get("error").asInt()).isEqualTo(691);
            String handle = row.get("handle").asText();
            assertThat(jras("hangup", "--handle", handle).code()).isZero();
            assertThat(jras("status", "--handle", handle).err()).startsWith("Error 6: ");
        }
    }

    /**
     * rasdial's {@code *}: the password is asked for at the terminal without echo. The pty keeps a
     * login terminal's settings (echo on), so a password read with echo would come back to us.
     */
    @Test
    void aStarPasswordIsReadFromTheTerminalWithoutEcho() throws Exception {
        try (PeerProcess pppd = PeerProcess.pppdServer(Auth.PAP, Map.of());
             Pty terminal = Pty.openTerminal()) {
            jras("entry", "add", "Lab", "--device", "tcp:127.0.0.1:" + pppd.port());
            List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    "io.jras.cli.Main", "dial", "Lab", "alice", "*"));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().put("JRAS_SOCKET", socket.toString());
            pb.environment().put("JRAS_PHONEBOOK", dir.resolve("rasphone.pbk").toString());
            pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
            java.io.File tty = new java.io.File(terminal.slavePath());
            Path err = Files.createTempFile(dir, "err", ".txt");
            pb.redirectInput(tty).redirectOutput(tty).redirectError(err.toFile());
            Process p = pb.start();
            terminal.releaseSlave();

            StringBuilder screen = new StringBuilder();
            readUntil(terminal, screen, "Password for alice: ");
            terminal.output().write("wonderland\n".getBytes(StandardCharsets.US_ASCII));
            terminal.output().flush();
            assertThat(p.waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS)).as("dial finished").isTrue();
            readUntil(terminal, screen, "Connected to Lab.");

            assertThat(p.exitValue()).as(Files.readString(err)).isZero();
            assertThat(screen).doesNotContain("wonderland");
            assertThat(jras("hangup", "Lab").code()).isZero();
        }
    }

    /** Not-a-terminal: {@code *} is a usage error rather than a read of whatever stdin holds. */
    @Test
    void aStarPasswordWithoutATerminalIsAUsageError() throws Exception {
        jras("entry", "add", "Lab", "--device", "tcp:127.0.0.1:9");
        Result dial = jras("dial", "Lab", "alice", "*");
        assertThat(dial.code()).isEqualTo(Exit.USAGE);
        assertThat(dial.err()).contains("needs a terminal");
        assertThat(jras("list").out()).contains("No connections");
    }

    private static void readUntil(Pty terminal, StringBuilder screen, String text) throws IOException {
        byte[] buf = new byte[256];
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (screen.indexOf(text) < 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the terminal never showed " + text + "; it showed: " + screen);
            }
            int n = terminal.input().read(buf, 0, buf.length, Duration.ofNanos(left));
            if (n < 0) {
                throw new AssertionError("the terminal closed before " + text + "; it showed: " + screen);
            }
            screen.append(new String(buf, 0, Math.max(n, 0), StandardCharsets.UTF_8));
        }
    }

    @Test
    void hangUpMidDialWorks() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread.ofVirtual().start(() -> {
                try {
                    held.add(silent.accept()); // accepts the line, never speaks PPP
                } catch (IOException ignored) {
                    // closed at the end
                }
            });
            jras("entry", "add", "Silent", "--device", "tcp:127.0.0.1:" + silent.getLocalPort());
            Result dial = jras("dial", "Silent", "alice", "x", "--no-wait");
            assertThat(dial.code()).as(dial.err()).isZero();
            JsonNode row = jras("list", "--json").json().get(0);
            assertThat(row.get("stateCode").asInt()).isLessThan(8192);
            String handle = row.get("handle").asText();
            Result hangup = jras("hangup", "Silent");
            assertThat(hangup.code()).as(hangup.err()).isZero();
            assertThat(jras("status", "--handle", handle).err()).startsWith("Error 6: ");
        }
    }

    @Test
    void daemonSigtermSendsLcpTerminateToPppdAndARestartAfterSigkillWorks() throws Exception {
        try (PeerProcess pppd = PeerProcess.pppdServer(Auth.MSCHAPV2, Map.of())) {
            jras("entry", "add", "Lab", "--device", "tcp:127.0.0.1:" + pppd.port(), "--user", "alice",
                    "--password", "wonderland");
            assertThat(jras("dial", "Lab").code()).isZero();
            List<ProcessHandle> running = daemons();
            assertThat(running).hasSize(1);
            running.getFirst().destroy(); // SIGTERM
            running.getFirst().onExit().get(30, TimeUnit.SECONDS);
            pppd.awaitLog("rcvd \\[LCP TermReq", WITHIN);
        }
        try (PeerProcess pppd = PeerProcess.pppdServer(Auth.NONE, Map.of())) {
            jras("entry", "set", "Lab", "--device", "tcp:127.0.0.1:" + pppd.port());
            assertThat(jras("dial", "Lab").code()).isZero();
            ProcessHandle daemon = daemons().getFirst();
            daemon.destroyForcibly(); // SIGKILL: no cleanup at all
            daemon.onExit().get(30, TimeUnit.SECONDS);
            Result list = jras("list");
            assertThat(list.code()).as(list.err()).isZero();
            assertThat(list.out()).contains("No connections");
            assertThat(daemons()).hasSize(1);
        }
    }
}
