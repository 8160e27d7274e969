package io.jras.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.link.modem.sim.Destination;
import io.jras.link.modem.sim.ModemEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** {@code jras serve --listen modem:...} and {@code jras modem-sim --line}, in process. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeModemTest {

    @TempDir
    Path dir;

    Path socket;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int jras(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @BeforeEach
    void paths() {
        socket = dir.resolve("run/jras.sock");
    }

    @AfterEach
    void stopDaemon() throws Exception {
        for (ProcessHandle p : ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("")
                .contains("io.jras.daemon.Main --socket " + socket)).toList()) {
            p.destroy();
            p.onExit().get(15, TimeUnit.SECONDS);
        }
    }

    @Test
    void serveAnswersACallOnAModemLineOfTheEmulator() throws Exception {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (ModemEmulator emulator = new ModemEmulator(Map.<String, Destination>of(), Map.of("5550100", any), any,
                ModemEmulator.Options.DEFAULTS.withRingInterval(Duration.ofMillis(200)), l -> { })) {
            emulator.start();
            String line = "modem:tcp:127.0.0.1:" + emulator.lineAddress("5550100").getPort();
            // the server runs in a daemon autostarted on a private socket, stopped at the end
            Thread serve = Thread.ofVirtual().start(() -> jras("serve", "--socket", socket.toString(), "--listen", line,
                    "--pool", "192.0.2.10-192.0.2.19", "--auth", "none", "--rings", "2"));
            await(() -> out.toString().contains(line + ": waiting for a call"));
            assertThat(out.toString()).contains("answering calls on " + line);
            try (Socket caller = new Socket(InetAddress.getLoopbackAddress(), emulator.port())) {
                caller.getOutputStream().write("ATE0\rATD5550100\r".getBytes(StandardCharsets.US_ASCII));
                await(() -> out.toString().contains(line + ": answered at 115200 bps"));
                assertThat(out.toString()).contains(line + ": RING 2 of 2");
                // the server starts LCP on the call: a Configure-Request reaches the caller
                InputStream in = caller.getInputStream();
                caller.setSoTimeout(10_000);
                StringBuilder seen = new StringBuilder();
                while (!seen.toString().contains("~")) {
                    seen.append((char) in.read());
                }
                assertThat(seen.toString()).contains("CONNECT 115200");
            }
            serve.interrupt();
            serve.join(Duration.ofSeconds(20));
            assertThat(serve.isAlive()).isFalse();
            assertThat(out.toString()).contains("stopped");
        }
    }

    @Test
    void serveRejectsAListenItCannotAnswerOn() {
        assertThat(jras("serve", "--listen", "serial:/dev/ttyS0", "--pool", "192.0.2.10-192.0.2.19", "--auth", "none"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--listen takes tcp:HOST:PORT, modem:tcp:HOST:PORT or modem:PATH[@BAUD]");
        assertThat(jras("serve", "--listen", "modem:tcp:127.0.0.1:1", "--pool", "192.0.2.10-192.0.2.19", "--auth", "none",
                "--rings", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("answer at ring 1-255, not 0");
        assertThat(jras("serve", "--listen", "modem:tcp:127.0.0.1:1", "--pool", "192.0.2.10-192.0.2.19", "--auth", "none",
                "--modem-init", "ZAP")).isEqualTo(2);
        assertThat(err.toString()).contains("starting with AT: 'ZAP'");
    }

    @Test
    void modemSimRejectsABadLine() {
        assertThat(jras("modem-sim", "--listen", "tcp:127.0.0.1:1", "--line", "5550100=BUSY")).isEqualTo(2);
        assertThat(err.toString()).contains("--line: a line is NUMBER=tcp:HOST:PORT");
        assertThat(jras("modem-sim", "--listen", "tcp:127.0.0.1:1", "--line", "5550100=tcp:127.0.0.1:2",
                "--map", "5550100=BUSY")).isEqualTo(2);
        assertThat(err.toString()).contains("5550100 is a subscriber line");
        assertThat(jras("modem-sim", "--listen", "tcp:127.0.0.1:1", "--answer-wait", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("S7");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }
}
