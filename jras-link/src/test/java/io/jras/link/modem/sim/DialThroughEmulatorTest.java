package io.jras.link.modem.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.link.DeviceSpec;
import io.jras.link.Reads;
import io.jras.link.modem.DialEvent;
import io.jras.link.modem.DialOutcome;
import io.jras.link.modem.HangUpResult;
import io.jras.link.modem.ModemCommand;
import io.jras.link.modem.ModemConfig;
import io.jras.link.modem.ModemLine;
import io.jras.link.modem.ModemSession;
import io.jras.link.pty.Pty;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real dialer against the emulator, over real TCP (and once over a pty as a serial line). */
class DialThroughEmulatorTest {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Short guard times keep the hang-ups quick; the dialer's is longer than the modem's. */
    static final Duration MODEM_GUARD = Duration.ofMillis(200);
    static final Duration DIALER_GUARD = Duration.ofMillis(300);

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<DialEvent> events = new CopyOnWriteArrayList<>();
    private EchoServer echo;
    private ModemEmulator emulator;
    private int refusedPort;

    @BeforeEach
    void start() throws IOException {
        echo = new EchoServer();
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refusedPort = s.getLocalPort(); // nobody listens there once it is closed
        }
        emulator = emulator(ModemEmulator.Options.DEFAULTS.withDialDelay(Duration.ofMillis(20)).withGuardTime(MODEM_GUARD));
        emulator.start();
    }

    private ModemEmulator emulator(ModemEmulator.Options options) {
        return new ModemEmulator(ModemEmulator.parseMap(List.of(
                "1001=BUSY", "1002=NO ANSWER", "1003=NO CARRIER", "1004=NO DIALTONE", "1005=VOICE",
                "2000=" + echo.spec(), "2001=tcp:127.0.0.1:" + refusedPort)),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), options, calls::add);
    }

    @AfterEach
    void stop() throws IOException {
        emulator.close();
        echo.close();
    }

    private ModemLine openLine() throws Exception {
        return ModemLine.open((DeviceSpec.Modem) DeviceSpec.parse("modem:tcp:127.0.0.1:" + emulator.port()), TIMEOUT);
    }

    private static ModemConfig config(String... numbers) {
        return ModemConfig.dialing(numbers).withStepTimeout(TIMEOUT).withDialTimeout(TIMEOUT).withGuardTime(DIALER_GUARD);
    }

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(delimiter = '|', value = {
        "1001 | BUSY                  | 676",
        "1002 | NO ANSWER             | 678",
        "1003 | NO CARRIER            | 679",
        "1004 | NO DIALTONE           | 680",
        "1005 | VOICE                 | 677",
        "9999 | an unmapped number    | 679",
        "2001 | a refused destination | 679",
    })
    void eachResultReachesTheDialerAsItsRasError(String number, String what, int rasError) throws Exception {
        try (ModemLine line = openLine()) {
            DialOutcome outcome = ModemSession.dial(line, config(number), events::add);
            assertThat(outcome).isInstanceOfSatisfying(DialOutcome.Failed.class, f -> {
                assertThat(f.rasError()).isEqualTo(rasError);
                assertThat(f.lastNumberTried()).contains(number);
            });
        }
        assertThat(calls).singleElement().asString().contains("ATDT" + number + " -> ");
    }

    @Test
    void alternatesAreTriedInOrderUntilOneConnects() throws Exception {
        try (ModemLine line = openLine()) {
            DialOutcome outcome = ModemSession.dial(line, config("1001", "1004", "9999", "2000", "1002"), events::add);
            assertThat(outcome).isEqualTo(new DialOutcome.Connected(OptionalInt.of(115_200), "2000"));
        }
        assertThat(calls).hasSize(4);
        assertThat(events).filteredOn(DialEvent.NumberFailed.class::isInstance).extracting(Object::toString).containsExactly(
                "1001 failed: BUSY from 1001 (676)",
                "1004 failed: NO DIALTONE when dialing 1004 (680)",
                "9999 failed: NO CARRIER from 9999 (679)");
    }

    @Test
    void aCallRelaysBytesBothWaysThenHangsUpAndTheFarEndSeesTheClose() throws Exception {
        try (ModemLine line = openLine()) {
            assertThat(ModemSession.dial(line, config("2000"), events::add)).isInstanceOf(DialOutcome.Connected.class);
            byte[] data = new byte[200_000];
            new SplittableRandom(1).nextBytes(data);
            System.arraycopy("x+++ATH0\r+++".getBytes(StandardCharsets.US_ASCII), 0, data, 1000, 12); // data, not an escape
            Thread.ofVirtual().start(() -> {
                try {
                    line.output().write(data);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            assertThat(Reads.exactly(line.input(), data.length)).isEqualTo(data);

            assertThat(ModemSession.hangUp(line, DIALER_GUARD)).isEqualTo(HangUpResult.CONFIRMED);
            echo.closedByClient.getFirst().get(5, TimeUnit.SECONDS);
        }
        assertThat(calls).singleElement().asString().endsWith("ATDT2000 -> CONNECT 115200 to tcp:127.0.0.1:" + echo.port());
    }

    @Test
    void withTheDefaultOneSecondGuardTimesTheHangUpWorksToo() throws Exception {
        emulator.close();
        emulator = emulator(ModemEmulator.Options.DEFAULTS);
        emulator.start();
        try (ModemLine line = openLine()) {
            ModemConfig config = ModemConfig.dialing("2000");
            assertThat(ModemSession.dial(line, config, events::add)).isInstanceOf(DialOutcome.Connected.class);
            line.output().write("ping".getBytes(StandardCharsets.US_ASCII));
            assertThat(Reads.exactly(line.input(), 4)).asString().isEqualTo("ping");
            assertThat(ModemSession.hangUp(line, config)).isEqualTo(HangUpResult.CONFIRMED);
            echo.closedByClient.getFirst().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theFarEndClosingSaysNoCarrierAndLeavesTheModemInCommandMode() throws Exception {
        try (ModemLine line = openLine()) {
            assertThat(ModemSession.dial(line, config("2000"), events::add)).isInstanceOf(DialOutcome.Connected.class);
            echo.firstConnection.get(5, TimeUnit.SECONDS);
            echo.hangUpAll();
            assertThat(Reads.untilText(line.input(), "NO CARRIER\r\n")).isEqualTo("\r\nNO CARRIER\r\n");
            // the modem takes commands again: a second call on the same line
            assertThat(ModemSession.dial(line, config("1001"), events::add)).isInstanceOf(DialOutcome.Failed.class);
            assertThat(ModemSession.hangUp(line, DIALER_GUARD)).isEqualTo(HangUpResult.CONFIRMED);
        }
    }

    @Test
    void afterTheEscapeAtoResumesTheCall() throws Exception {
        try (ModemLine line = openLine()) {
            assertThat(ModemSession.dial(line, config("2000"), events::add)).isInstanceOf(DialOutcome.Connected.class);
            Thread.sleep(MODEM_GUARD.plusMillis(100).toMillis()); // the guard time before +++: a real silence
            line.send(ModemCommand.escape());
            assertThat(line.readLine(TIMEOUT)).isEqualTo("+++"); // the escape is data too: the echo server returns it
            assertThat(line.readLine(TIMEOUT)).isEqualTo("OK");
            line.send(ModemCommand.line("ATO"));
            assertThat(line.readLine(TIMEOUT)).isEqualTo("CONNECT 115200");
            line.output().write("still here".getBytes(StandardCharsets.US_ASCII));
            assertThat(Reads.untilText(line.input(), "still here")).endsWith("still here");
        }
    }

    @Test
    void aSilentModemFailsWith660() throws Exception {
        try (ScriptedLineServer silent = ScriptedLineServer.silent();
                ModemLine line = ModemLine.open((DeviceSpec.Modem) DeviceSpec.parse(silent.modemSpec()), TIMEOUT)) {
            DialOutcome outcome = ModemSession.dial(line, config("2000").withStepTimeout(Duration.ofMillis(300)), events::add);
            assertThat(outcome).isEqualTo(new DialOutcome.Failed(660, "no response to ATZ within 300 ms", Optional.empty()));
        }
    }

    @Test
    void aModemSpewingNoiseFailsWith652() throws Exception {
        try (ScriptedLineServer noisy = ScriptedLineServer.spewing();
                ModemLine line = ModemLine.open((DeviceSpec.Modem) DeviceSpec.parse(noisy.modemSpec()), TIMEOUT)) {
            DialOutcome outcome = ModemSession.dial(line, config("2000").withStepTimeout(Duration.ofMillis(300)), events::add);
            assertThat(outcome).isInstanceOfSatisfying(DialOutcome.Failed.class, f -> {
                assertThat(f.rasError()).isEqualTo(652);
                assertThat(f.detail()).startsWith("no OK to ATZ within 300 ms, only '\\x00\\xffline noise");
            });
        }
    }

    @Test
    void theModemGoingAwayMidDialIs619() throws Exception {
        emulator.close();
        emulator = emulator(ModemEmulator.Options.DEFAULTS.withDialDelay(Duration.ofSeconds(30)));
        emulator.start();
        try (ModemLine line = openLine()) {
            Thread.ofVirtual().start(() -> {
                while (events.stream().noneMatch(DialEvent.Dialing.class::isInstance)) {
                    Thread.onSpinWait();
                    LockSupport.parkNanos(1_000_000);
                }
                emulator.close();
            });
            DialOutcome outcome = ModemSession.dial(line, config("1001"), events::add);
            assertThat(outcome).isInstanceOfSatisfying(DialOutcome.Failed.class, f -> {
                assertThat(f.rasError()).isEqualTo(619);
                assertThat(f.lastNumberTried()).contains("1001");
            });
        }
    }

    @Test
    void aModemOnASerialLineDialsTheSameWay() throws Exception {
        // The emulator serves the pty's master; the dialer opens the slave as a serial port.
        try (Pty cable = Pty.open()) {
            emulator.serve(cable);
            try (ModemLine line = ModemLine.open((DeviceSpec.Modem) DeviceSpec.parse("modem:" + cable.slavePath() + "@57600"), TIMEOUT)) {
                assertThat(line.line().deviceType()).isEqualTo("serial");
                assertThat(ModemSession.dial(line, config("1003", "2000"), events::add))
                        .isEqualTo(new DialOutcome.Connected(OptionalInt.of(115_200), "2000"));
                line.output().write("over the cable".getBytes(StandardCharsets.US_ASCII));
                assertThat(Reads.untilText(line.input(), "cable")).isEqualTo("over the cable");
                assertThat(ModemSession.hangUp(line, DIALER_GUARD)).isEqualTo(HangUpResult.CONFIRMED);
                echo.closedByClient.getFirst().get(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void severalLinesCallAtOnce() throws Exception {
        List<Thread> callers = new java.util.ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            callers.add(Thread.ofVirtual().start(() -> {
                try (ModemLine line = openLine()) {
                    assertThat(ModemSession.dial(line, config("2000"), e -> { })).isInstanceOf(DialOutcome.Connected.class);
                    String text = "caller " + n;
                    line.output().write(text.getBytes(StandardCharsets.US_ASCII));
                    assertThat(Reads.untilText(line.input(), text)).isEqualTo(text);
                    assertThat(ModemSession.hangUp(line, DIALER_GUARD)).isEqualTo(HangUpResult.CONFIRMED);
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        for (Thread t : callers) {
            assertThat(t.join(Duration.ofSeconds(20))).isTrue();
        }
        assertThat(failures).isEmpty();
        assertThat(calls).hasSize(8);
    }
}
