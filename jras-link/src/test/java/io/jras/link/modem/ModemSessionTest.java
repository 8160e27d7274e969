package io.jras.link.modem;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.link.MemoryTransport;
import io.jras.link.Reads;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The driver over an in-memory line with a scripted modem (real clock, short timeouts). */
class ModemSessionTest {

    private final MemoryTransport.Pair pair = MemoryTransport.pair();
    private final List<DialEvent> events = new CopyOnWriteArrayList<>();

    private ModemLine line() throws IOException {
        return ModemLine.over(pair.near());
    }

    @Test
    void bytesThatFollowConnectInTheSameWriteStartTheDataStream() throws Exception {
        new FakeModem(pair.far(), FakeModem.answeringDialWith("\r\nCONNECT 115200\r\n~\u007d\u0023\u00c0!"));
        ModemLine line = line();
        DialOutcome outcome = ModemSession.dial(line, ModemConfig.dialing("5551234"), events::add);
        assertThat(outcome).isEqualTo(new DialOutcome.Connected(OptionalInt.of(115200), "5551234"));
        assertThat(Reads.exactly(line.input(), 5)).containsExactly('~', 0x7d, 0x23, 0xc0, '!');
        assertThat(line.input().available()).isZero();
        assertThat(line.mode()).isEqualTo(ModemLine.Mode.DATA);
    }

    @Test
    void eachCommandGoesOutWithACarriageReturnAndProgressArrivesInOrder() throws Exception {
        FakeModem modem = new FakeModem(pair.far(), FakeModem.answeringDialWith("\r\nBUSY\r\n"));
        DialOutcome outcome = ModemSession.dial(line(), ModemConfig.dialing("1001", "1002"), events::add);
        assertThat(modem.heard).containsExactly("ATZ", "ATE0V1", "ATDT1001", "ATDT1002");
        assertThat(outcome).isEqualTo(new DialOutcome.Failed(676, "BUSY from 1002", Optional.of("1002")));
        assertThat(events).extracting(Object::toString).containsExactly(
                "initializing the modem: ATZ", "initializing the modem: ATE0V1",
                "dialing 1001 (number 1 of 2)", "1001 failed: BUSY from 1001 (676)",
                "dialing 1002 (number 2 of 2)", "1002 failed: BUSY from 1002 (676)");
    }

    @Test
    void aDialWithoutResultIsAbortedAndFailsWith678() throws Exception {
        FakeModem modem = new FakeModem(pair.far(), command -> switch (command) {
            case "ATZ", "ATE0V1" -> "\r\nOK\r\n";
            case "" -> "\r\nNO CARRIER\r\n"; // the abort
            default -> null; // the dial: rings forever
        });
        ModemConfig config = ModemConfig.dialing("1001").withDialTimeout(Duration.ofMillis(200));
        DialOutcome outcome = ModemSession.dial(line(), config, events::add);
        assertThat(outcome).isEqualTo(new DialOutcome.Failed(678, "no result from 1001 within 200 ms", Optional.of("1001")));
        assertThat(modem.heard).containsExactly("ATZ", "ATE0V1", "ATDT1001", "");
    }

    @Test
    void interruptingTheDialingThreadCancelsTheDial() throws Exception {
        new FakeModem(pair.far(), command -> null);
        ModemLine line = line();
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread dialing = Thread.ofVirtual().start(() -> {
            try {
                ModemSession.dial(line, ModemConfig.dialing("1001"), events::add);
                ended.complete(null);
            } catch (Throwable t) {
                ended.complete(t);
            }
        });
        Thread.sleep(50); // let it wait for the modem; the outcome does not depend on it
        dialing.interrupt();
        assertThat(ended.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(line.mode()).isEqualTo(ModemLine.Mode.UNKNOWN);
    }

    @Test
    void closingTheLineEndsTheDialWith619() throws Exception {
        new FakeModem(pair.far(), command -> command.equals("ATZ") ? "\r\nOK\r\n" : null);
        ModemLine line = line();
        CompletableFuture<DialOutcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return ModemSession.dial(line, ModemConfig.dialing("1001"), events::add);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(50);
        line.close();
        DialOutcome.Failed failed = (DialOutcome.Failed) outcome.get(5, TimeUnit.SECONDS);
        assertThat(failed.rasError()).isEqualTo(619);
    }

    @Test
    void hangingUpAConnectedModemEscapesThenSendsAth0ThenDropsDtr() throws Exception {
        FakeModem modem = new FakeModem(pair.far(), FakeModem.answeringDialWith("\r\nCONNECT\r\n"));
        ModemLine line = line();
        ModemSession.dial(line, ModemConfig.dialing("1001"), events::add);
        HangUpResult result = ModemSession.hangUp(line, Duration.ofMillis(50));
        assertThat(result).isEqualTo(HangUpResult.CONFIRMED);
        assertThat(modem.heard).containsExactly("ATZ", "ATE0V1", "ATDT1001", "+++", "ATH0");
        assertThat(pair.near().dtr()).isFalse();
        assertThat(line.mode()).isEqualTo(ModemLine.Mode.COMMAND);
    }

    @Test
    void aModemKnownToBeInCommandModeIsHungUpWithAth0Alone() throws Exception {
        FakeModem modem = new FakeModem(pair.far(), FakeModem.answeringDialWith("\r\nNO DIALTONE\r\n"));
        ModemLine line = line();
        ModemSession.dial(line, ModemConfig.dialing("1001"), events::add);
        assertThat(ModemSession.hangUp(line, Duration.ofSeconds(30))).isEqualTo(HangUpResult.CONFIRMED);
        assertThat(modem.heard).endsWith("ATDT1001", "ATH0");
    }

    @Test
    void aModemThatAnsweredTheAbortIsKnownToListenForCommands() throws Exception {
        FakeModem modem = new FakeModem(pair.far(), command -> command.startsWith("ATD") ? null : "\r\nOK\r\n");
        ModemLine line = line();
        ModemConfig config = ModemConfig.dialing("1001").withInitCommands().withDialTimeout(Duration.ofMillis(100));
        assertThat(ModemSession.dial(line, config, events::add)).isInstanceOf(DialOutcome.Failed.class);
        assertThat(modem.heard).containsExactly("ATDT1001", "");
        assertThat(line.mode()).isEqualTo(ModemLine.Mode.COMMAND);
    }

    @Test
    void aModemThatWentSilentIsInAnUnknownStateSoTheHangUpEscapesFirst() throws Exception {
        FakeModem modem = new FakeModem(pair.far(), command -> command.equals("ATZ") ? null : "\r\nOK\r\n");
        ModemLine line = line();
        ModemConfig config = ModemConfig.dialing("1001").withStepTimeout(Duration.ofMillis(100));
        assertThat(ModemSession.dial(line, config, events::add)).isInstanceOf(DialOutcome.Failed.class);
        assertThat(line.mode()).isEqualTo(ModemLine.Mode.UNKNOWN);
        assertThat(ModemSession.hangUp(line, Duration.ofMillis(20))).isEqualTo(HangUpResult.CONFIRMED);
        assertThat(modem.heard).containsExactly("ATZ", "+++", "ATH0");
    }

    @Test
    void hangingUpALineThatIsGoneEndsAtOnce() throws Exception {
        ModemLine line = line();
        pair.far().close();
        assertThat(ModemSession.hangUp(line, Duration.ofSeconds(30))).isEqualTo(HangUpResult.LINE_CLOSED);
    }

    @Test
    void responseLinesMayEndInCrLfOrCrOrLfAndAPartialLineSurvivesATimeout() throws Exception {
        ModemLine line = line();
        pair.far().output().write("\r\nOK\r\nERROR\rBUSY\nNO ".getBytes());
        assertThat(line.readLine(Duration.ofSeconds(1))).isEqualTo("OK");
        assertThat(line.readLine(Duration.ofSeconds(1))).isEqualTo("ERROR");
        assertThat(line.readLine(Duration.ofSeconds(1))).isEqualTo("BUSY");
        assertThat(line.readLine(Duration.ofMillis(20))).isNull();
        pair.far().output().write("CARRIER\r\n".getBytes());
        assertThat(line.readLine(Duration.ofSeconds(1))).isEqualTo("NO CARRIER");
    }

    @Test
    void anEndlessLineIsCutSoNoiseCannotGrowWithoutEnd() throws Exception {
        ModemLine line = line();
        pair.far().output().write(new byte[ModemLine.MAX_LINE + 10]);
        assertThat(line.readLine(Duration.ofSeconds(1))).hasSize(ModemLine.MAX_LINE);
    }
}
