package io.jras.link.modem;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.link.DeviceSpec;
import io.jras.link.MemoryTransport;
import io.jras.link.Reads;
import io.jras.link.TimedInputStream;
import io.jras.link.Transport;
import io.jras.link.modem.sim.Destination;
import io.jras.link.modem.sim.ModemEmulator;
import io.jras.link.pty.Pty;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The answerer on a line of the modem emulator, over real TCP on 127.0.0.1: a DTE dials the
 * answering line's number from another emulated modem. Protocol timers of the answerer are tested
 * without a clock in {@link HayesAnswererTest}; here the emulator's timings are short.
 */
class ModemAnswererTest {

    private static final InetSocketAddress ANY = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private static final AnswerConfig FAST = AnswerConfig.DEFAULTS.withGuardTime(Duration.ofMillis(100))
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).withRetry(Duration.ofMillis(50), Duration.ofMillis(200));

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();
    private final ModemEmulator emulator = new ModemEmulator(Map.<String, Destination>of(), Map.of("5550100", ANY), ANY,
            ModemEmulator.Options.DEFAULTS.withRingInterval(Duration.ofMillis(100)).withGuardTime(Duration.ofMillis(100)),
            log::add);

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        emulator.close();
    }

    /** Runs {@code answerer} on a thread of its own; the thread ends when run returns. */
    private Thread running(ModemAnswerer answerer, ModemAnswerer.CallHandler handler) {
        toClose.add(answerer);
        return Thread.ofVirtual().name("answerer").start(() -> {
            try {
                answerer.run(handler);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Echoes the caller's bytes until it says "bye". */
    private static void echoUntilBye(AnsweredCall call) {
        try {
            InputStream in = call.input();
            OutputStream out = call.output();
            StringBuilder seen = new StringBuilder();
            byte[] b = new byte[256];
            int n;
            while (!seen.toString().contains("bye") && (n = in.read(b)) > 0) {
                out.write(b, 0, n);
                out.flush();
                seen.append(new String(b, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private DeviceSpec.Modem answeringLine() {
        InetSocketAddress a = emulator.lineAddress("5550100");
        return new DeviceSpec.Modem(new DeviceSpec.Tcp("127.0.0.1", a.getPort()));
    }

    private static final class Dte implements AutoCloseable {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Dte(InetSocketAddress where) throws IOException {
            socket = new Socket(where.getAddress(), where.getPort());
            in = TimedInputStream.of(socket.getInputStream(), "test-dte");
            out = socket.getOutputStream();
        }

        String chat(String text, String expected) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return Reads.untilText(in, expected);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void itAnswersHandsTheCallOverHangsUpAndWaitsForTheNextCall() throws Exception {
        emulator.start();
        ModemAnswerer answerer = new ModemAnswerer(answeringLine(), FAST, log::add);
        Thread t = running(answerer, ModemAnswererTest::echoUntilBye);
        Dte caller = new Dte(emulator.address());
        toClose.add(caller);
        caller.chat("ATE0\r", "OK\r\n");

        for (int call = 1; call <= 2; call++) {
            awaitLog("waiting for a call", call);
            assertThat(caller.chat("ATD5550100\r", "CONNECT 115200\r\n")).isEqualTo("\r\nCONNECT 115200\r\n");
            assertThat(caller.chat("hello " + call, "hello " + call)).isEqualTo("hello " + call);
            // "bye" ends the handler: the answerer hangs up, and the caller hears it
            assertThat(caller.chat("bye", "NO CARRIER\r\n")).startsWith("bye").endsWith("\r\nNO CARRIER\r\n");
        }
        awaitLog("waiting for a call", 3);
        assertThat(answerer.calls()).isEqualTo(2);
        assertThat(answerer.failures()).isZero();
        String name = answeringLine().toString();
        assertThat(log).contains(name + ": RING 1 of 1", name + ": answering", name + ": answered at 115200 bps",
                name + ": hung up (confirmed)");

        answerer.close();
        t.join(Reads.LIMIT);
        assertThat(t.isAlive()).isFalse();
    }

    @Test
    void itAnswersOnAModemOnASerialPort() throws Exception {
        emulator.start();
        try (Pty cable = Pty.open()) {
            emulator.serve(cable, "5550100"); // the emulated modem sits at the far end of a pty, as on a serial cable
            DeviceSpec.Modem serial = (DeviceSpec.Modem) DeviceSpec.parse("modem:" + cable.slavePath() + "@57600");
            ModemAnswerer answerer = new ModemAnswerer(serial, FAST, log::add);
            running(answerer, ModemAnswererTest::echoUntilBye);
            awaitLog("waiting for a call", 1);
            try (Dte caller = new Dte(emulator.address())) {
                caller.chat("ATE0\rATD5550100\r", "CONNECT 115200\r\n");
                assertThat(caller.chat("over the pty", "pty")).isEqualTo("over the pty");
                assertThat(caller.chat("bye", "NO CARRIER\r\n")).endsWith("\r\nNO CARRIER\r\n");
            }
            awaitLog("waiting for a call", 2);
            assertThat(log).contains(serial + ": hung up (confirmed)");
            answerer.close();
        }
    }

    @Test
    void aLineWithDtrHasItDroppedByTheHangUpAndRaisedForTheNextCall() throws Exception {
        emulator.start();
        MemoryTransport.Pair cable = MemoryTransport.pair("cable");
        emulator.serve(cable.far(), "5550100");
        List<Boolean> dtr = new CopyOnWriteArrayList<>();
        Transport near = new Transport() { // the near end, its DTR changes recorded
            @Override public InputStream input() { return cable.near().input(); }
            @Override public OutputStream output() { return cable.near().output(); }
            @Override public String deviceType() { return "serial"; }
            @Override public String deviceName() { return "cable"; }
            @Override public boolean hasDtr() { return true; }
            @Override public void setDtr(boolean on) { dtr.add(on); }
            @Override public void close() { cable.near().close(); }
        };
        ModemAnswerer answerer = new ModemAnswerer("modem:cable", () -> {
            try {
                return ModemLine.over(near);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }, FAST, log::add);
        running(answerer, ModemAnswererTest::echoUntilBye);
        awaitLog("waiting for a call", 1);
        try (Dte caller = new Dte(emulator.address())) {
            caller.chat("ATE0\rATD5550100\r", "CONNECT 115200\r\n");
            caller.chat("bye", "NO CARRIER\r\n");
        }
        awaitLog("waiting for a call", 2);
        assertThat(dtr).containsExactly(false, true);
    }

    @Test
    void itAnswersAtTheConfiguredRing() throws Exception {
        emulator.start();
        ModemAnswerer answerer = new ModemAnswerer(answeringLine(), FAST.withRings(3), log::add);
        running(answerer, ModemAnswererTest::echoUntilBye);
        awaitLog("waiting for a call", 1);
        try (Dte caller = new Dte(emulator.address())) {
            caller.chat("ATE0\rATD5550100\r", "CONNECT 115200\r\n");
            String name = answeringLine().toString();
            assertThat(log).containsSubsequence(name + ": RING 1 of 3", name + ": RING 2 of 3", name + ": RING 3 of 3",
                    name + ": answering");
        }
    }

    @Test
    void aCallThatEndsOnTheCallersSideStillGetsAProperHangUp() throws Exception {
        emulator.start();
        ModemAnswerer answerer = new ModemAnswerer(answeringLine(), FAST, log::add);
        // the handler ends on the modem's NO CARRIER in the data, as a PPP session ends on LCP Terminate
        running(answerer, call -> {
            try {
                Reads.untilText(call.input(), "NO CARRIER");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        awaitLog("waiting for a call", 1);
        try (Dte caller = new Dte(emulator.address())) {
            caller.chat("ATE0\rATD5550100\r", "CONNECT 115200\r\n");
            Thread.sleep(150); // the Hayes escape is silence on the wire (S12), not a timer of ours
            caller.chat("+++", "OK\r\n");
            caller.chat("ATH\r", "OK\r\n");
            awaitLog("waiting for a call", 2);
            caller.chat("ATD5550100\r", "CONNECT 115200\r\n");
        }
        assertThat(answerer.calls()).isEqualTo(2);
        // the modem's NO CARRIER ended the call's stream, and told the answerer that ATH0 is enough
        String name = answeringLine().toString();
        assertThat(log).containsSubsequence(name + ": the caller hung up (NO CARRIER)", name + ": hung up (confirmed)");
    }

    @Test
    void aLineThatCannotBeOpenedIsTriedAgainWithALongerPauseEachTime() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        DeviceSpec.Modem nowhere = new DeviceSpec.Modem(new DeviceSpec.Tcp("127.0.0.1", port));
        ModemAnswerer answerer = new ModemAnswerer(nowhere, FAST, log::add);
        Thread t = running(answerer, call -> { });
        awaitTrue(() -> answerer.failures() >= 4);
        answerer.close();
        t.join(Reads.LIMIT);
        assertThat(t.isAlive()).isFalse();
        assertThat(log).allMatch(l -> l.startsWith(nowhere + ": Error 678: "));
        assertThat(log.get(0)).endsWith("trying again in 50 ms");
        assertThat(log.get(1)).endsWith("trying again in 100 ms");
        assertThat(log.get(2)).endsWith("trying again in 200 ms");
        assertThat(log.get(3)).endsWith("trying again in 200 ms");
    }

    @Test
    void aModemTalkingGarbageOrNothingIsReopenedAndNeverCrashesTheLoop() throws Exception {
        try (ServerSocket noisy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; ; i++) {
                        Socket s = noisy.accept();
                        toClose.add(s);
                        // the first connection talks garbage, the next ones nothing at all
                        if (i == 0) {
                            s.getOutputStream().write("\u0000\u00ffgarbage\r\nmore\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        }
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            DeviceSpec.Modem spec = new DeviceSpec.Modem(new DeviceSpec.Tcp("127.0.0.1", noisy.getLocalPort()));
            ModemAnswerer answerer = new ModemAnswerer(spec, FAST.withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(5)),
                    log::add);
            Thread t = running(answerer, call -> { });
            awaitTrue(() -> answerer.failures() >= 2);
            answerer.close();
            t.join(Reads.LIMIT);
            assertThat(t.isAlive()).isFalse();
            assertThat(log.get(0)).isEqualTo(spec + ": Error 652: There was an unrecognized response from the modem"
                    + " (or other connecting device). (no OK to ATZ within 300 ms, only '\\x00\\xffgarbage');"
                    + " closing the line, opening it again in 50 ms");
            assertThat(log.get(1)).startsWith(spec + ": Error 660: ").contains("(no response to ATZ within 300 ms)")
                    .endsWith("opening it again in 100 ms");
        }
    }

    @Test
    void theIdleCheckFindsAModemThatWentSilentWhileTheLineWaited() throws Exception {
        AnswerConfig checking = FAST.withIdleCheck(Duration.ofMillis(100));
        // a "modem" that answers the init and then never says a word again
        try (ServerSocket mute = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try {
                    Socket s = mute.accept();
                    toClose.add(s);
                    InputStream in = s.getInputStream();
                    int c;
                    for (int oks = 0; oks < 2 && (c = in.read()) >= 0; ) {
                        if (c == '\r') { // OK to ATZ and to ATE0V1S0=0, then silence
                            s.getOutputStream().write("\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII));
                            oks++;
                        }
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            DeviceSpec.Modem spec = new DeviceSpec.Modem(new DeviceSpec.Tcp("127.0.0.1", mute.getLocalPort()));
            ModemAnswerer silent = new ModemAnswerer(spec, checking.withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(5)),
                    log::add);
            running(silent, call -> { });
            // the failure is counted before it is logged: wait for the line itself
            awaitTrue(() -> log.stream().anyMatch(l -> l.startsWith(spec + ": Error 660: ")));
            assertThat(silent.failures()).isPositive();
            assertThat(log).contains(spec + ": waiting for a call");
            assertThat(log).anyMatch(l -> l.startsWith(spec + ": Error 660: ") && l.contains("(no response to AT within 300 ms)"));
        }
    }

    @Test
    void closingWhileWaitingEndsTheLoopAndFreesTheLine() throws Exception {
        emulator.start();
        ModemAnswerer answerer = new ModemAnswerer(answeringLine(), FAST, log::add);
        Thread t = running(answerer, ModemAnswererTest::echoUntilBye);
        awaitLog("waiting for a call", 1);
        answerer.close();
        t.join(Reads.LIMIT);
        assertThat(t.isAlive()).isFalse();
        assertThat(answerer.failures()).isZero();
        // the line is free for another DTE (once the emulator has seen the answerer's connection go)
        awaitTrue(() -> {
            try (Dte next = new Dte(emulator.lineAddress("5550100"))) {
                return next.chat("AT\r", "OK\r\n").endsWith("OK\r\n");
            } catch (IOException | AssertionError e) {
                return false; // turned away: the old connection was still attached
            }
        });
    }

    private void awaitLog(String text, int times) {
        awaitTrue(() -> log.stream().filter(l -> l.endsWith(": " + text)).count() >= times);
    }

    /** Waits for a state of the system under test (not a protocol timer), within the test limit. */
    private static void awaitTrue(BooleanSupplier condition) {
        long end = System.nanoTime() + Reads.LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
