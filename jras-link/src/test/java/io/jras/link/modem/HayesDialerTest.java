package io.jras.link.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.link.modem.DialOutcome.Connected;
import io.jras.link.modem.DialOutcome.Failed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dialer alone: lines and time are fed by hand, nothing sleeps. */
class HayesDialerTest {

    static final Duration STEP = ModemConfig.DEFAULT_STEP_TIMEOUT;

    private DialerDriver dialing(String... numbers) {
        return new DialerDriver(ModemConfig.dialing(numbers)).start();
    }

    @Test
    void eachInitCommandWaitsForTheOkToThePreviousOne() {
        DialerDriver d = dialing("5551234");
        assertThat(d.sent()).containsExactly("ATZ");
        d.modemSays("OK");
        assertThat(d.sent()).containsExactly("ATE0V1");
        d.modemSays("OK");
        assertThat(d.sent()).containsExactly("ATDT5551234");
        assertThat(d.dialer.isDone()).isFalse();
    }

    @Test
    void connectEndsTheDialWithTheSpeedAndTheNumber() {
        DialerDriver d = dialing("5551234").initialized();
        d.sent();
        d.modemSays("CONNECT 115200");
        assertThat(d.outcome()).isEqualTo(new Connected(OptionalInt.of(115200), "5551234"));
        assertThat(d.dialer.nextDeadline()).isEmpty();
        assertThat(d.sent()).isEmpty();
    }

    @Test
    void eventsTellTheStoryInOrder() {
        DialerDriver d = dialing("5550001", "5550002").initialized();
        d.modemSays("BUSY", "CONNECT");
        assertThat(d.events()).containsExactly(
                "initializing the modem: ATZ",
                "initializing the modem: ATE0V1",
                "dialing 5550001 (number 1 of 2)",
                "5550001 failed: BUSY from 5550001 (676)",
                "dialing 5550002 (number 2 of 2)");
        assertThat(d.outcome()).isEqualTo(new Connected(OptionalInt.empty(), "5550002"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "BUSY         | 676",
        "NO ANSWER    | 678",
        "NO CARRIER   | 679",
        "NO DIALTONE  | 680",
        "NO DIAL TONE | 680",
        "VOICE        | 677",
        "ERROR        | 651",
        "DELAYED      | 651",
        "BLACKLISTED  | 651",
        "7            | 676",
        "3            | 679",
    })
    void eachDialResultEndsTheDialWithItsRasError(String result, int rasError) {
        DialerDriver d = dialing("5551234").initialized();
        d.modemSays(result);
        Failed failed = (Failed) d.outcome();
        assertThat(failed.rasError()).isEqualTo(rasError);
        assertThat(failed.lastNumberTried()).contains("5551234");
    }

    @Test
    void alternatesAreTriedInOrderWhileTheLineIsTheProblem() {
        DialerDriver d = dialing("1001", "1002", "1003", "1004", "1005").initialized();
        assertThat(d.sent()).containsExactly("ATDT1001");
        d.modemSays("BUSY");
        assertThat(d.sent()).containsExactly("ATDT1002");
        d.modemSays("NO ANSWER");
        assertThat(d.sent()).containsExactly("ATDT1003");
        d.modemSays("NO CARRIER");
        assertThat(d.sent()).containsExactly("ATDT1004");
        d.modemSays("NO DIALTONE");
        assertThat(d.sent()).containsExactly("ATDT1005");
        d.modemSays("CONNECT 33600/ARQ");
        assertThat(d.outcome()).isEqualTo(new Connected(OptionalInt.of(33600), "1005"));
    }

    @Test
    void whenEveryNumberFailsTheLastNumbersErrorIsTheOutcome() {
        DialerDriver d = dialing("1001", "1002").initialized();
        d.modemSays("BUSY", "NO ANSWER");
        assertThat(d.outcome()).isEqualTo(new Failed(678, "NO ANSWER from 1002", Optional.of("1002")));
    }

    @Test
    void errorToADialStopsWithoutTryingTheAlternates() {
        DialerDriver d = dialing("1001", "1002").initialized();
        d.sent();
        d.modemSays("ERROR");
        assertThat(d.outcome()).isEqualTo(new Failed(651, "the modem answered ERROR to ATDT1001", Optional.of("1001")));
        assertThat(d.sent()).isEmpty();
    }

    @Test
    void aVoiceAnswerStopsWithoutTryingTheAlternates() {
        DialerDriver d = dialing("1001", "1002").initialized();
        d.sent();
        d.modemSays("VOICE");
        assertThat(((Failed) d.outcome()).rasError()).isEqualTo(677);
        assertThat(d.sent()).isEmpty();
    }

    @Test
    void delayedAndBlacklistedAreTheModemRefusingOneNumberSoTheNextIsTried() {
        DialerDriver d = dialing("1001", "1002", "1003").initialized();
        d.modemSays("DELAYED", "BLACKLISTED");
        assertThat(d.sent()).containsExactly("ATDT1001", "ATDT1002", "ATDT1003");
        d.modemSays("CONNECT");
        assertThat(d.outcome()).isInstanceOf(Connected.class);
    }

    @Test
    void okToADialIsNotAConnection() {
        DialerDriver d = dialing("1001;").initialized();
        d.modemSays("OK");
        assertThat(((Failed) d.outcome()).rasError()).isEqualTo(652);
    }

    @Test
    void anInitCommandAnsweredWithErrorIs651() {
        DialerDriver d = dialing("1001");
        d.modemSays("OK", "ERROR");
        assertThat(d.outcome()).isEqualTo(new Failed(651, "the modem answered ERROR to ATE0V1", Optional.empty()));
    }

    @Test
    void aSilentModemTimesOutTheInitStepWith660() {
        DialerDriver d = dialing("1001");
        d.advance(STEP.minusMillis(1));
        assertThat(d.dialer.isDone()).isFalse();
        d.advance(Duration.ofMillis(1));
        assertThat(d.outcome()).isEqualTo(new Failed(660, "no response to ATZ within 45 s", Optional.empty()));
    }

    @Test
    void aModemThatOnlySpewsNoiseTimesOutWith652AndTheNoiseDoesNotExtendTheDeadline() {
        DialerDriver d = dialing("1001");
        for (int i = 0; i < 40; i++) {
            d.now = d.now.plusSeconds(1);
            d.modemSays("\u0001garbage" + i + "\u00ff");
        }
        d.advance(STEP.minusSeconds(40));
        Failed failed = (Failed) d.outcome();
        assertThat(failed.rasError()).isEqualTo(652);
        assertThat(failed.detail()).isEqualTo("no OK to ATZ within 45 s, only '\\x01garbage0\\xff'");
    }

    @Test
    void echoedCommandsEmptyLinesAndRingAreSkipped() {
        DialerDriver d = dialing("1001");
        d.modemSays("ATZ", "", "OK", "ate0v1", "RING", "OK");
        assertThat(d.sent()).containsExactly("ATZ", "ATE0V1", "ATDT1001");
        d.modemSays("ATDT1001", "RING", "CONNECT 2400");
        assertThat(d.outcome()).isEqualTo(new Connected(OptionalInt.of(2400), "1001"));
    }

    @Test
    void intermediateReportsDuringADialAreSkippedAndReported() {
        DialerDriver d = dialing("1001").initialized();
        d.events();
        d.modemSays("CARRIER 28800", "PROTOCOL: LAPM", "CONNECT 28800");
        assertThat(d.events()).containsExactly("skipped modem line: CARRIER 28800", "skipped modem line: PROTOCOL: LAPM");
        assertThat(d.outcome()).isInstanceOf(Connected.class);
    }

    @Test
    void leftoverResultsDuringInitAreSkipped() {
        DialerDriver d = dialing("1001");
        d.modemSays("NO CARRIER", "CONNECT", "OK", "OK");
        assertThat(d.sent()).containsExactly("ATZ", "ATE0V1", "ATDT1001");
    }

    @Test
    void numericResultsWorkAsWellAsWords() {
        DialerDriver d = dialing("1001", "1002");
        d.modemSays("0", "0", "7", "1");
        assertThat(d.outcome()).isEqualTo(new Connected(OptionalInt.empty(), "1002"));
    }

    @Test
    void aDialWithoutResultIsAbortedWithABareCarriageReturnThenTheNextNumberIsDialed() {
        DialerDriver d = dialing("1001", "1002").initialized();
        assertThat(d.sent()).containsExactly("ATDT1001");
        d.advance(STEP.minusMillis(1));
        assertThat(d.sent()).isEmpty();
        d.advance(Duration.ofMillis(1));
        assertThat(d.sent()).containsExactly("");
        d.modemSays("NO CARRIER");
        assertThat(d.sent()).containsExactly("ATDT1002");
        assertThat(d.events()).contains("1001 failed: no result from 1001 within 45 s (678)");
    }

    @Test
    void aDialWithoutResultOnTheLastNumberIs678() {
        DialerDriver d = dialing("1001").initialized();
        d.advance(STEP);
        d.modemSays("NO CARRIER");
        assertThat(d.outcome()).isEqualTo(new Failed(678, "no result from 1001 within 45 s", Optional.of("1001")));
    }

    @Test
    void aModemSilentAfterTheAbortStillEndsWith678WithinTheAbortTimeout() {
        DialerDriver d = dialing("1001").initialized();
        d.advance(STEP);
        d.advance(HayesDialer.ABORT_TIMEOUT.minusMillis(1));
        assertThat(d.dialer.isDone()).isFalse();
        d.advance(Duration.ofMillis(1));
        assertThat(((Failed) d.outcome()).rasError()).isEqualTo(678);
    }

    @Test
    void aConnectThatBeatsTheAbortStands() {
        DialerDriver d = dialing("1001").initialized();
        d.advance(STEP);
        d.modemSays("CONNECT 9600");
        assertThat(d.outcome()).isEqualTo(new Connected(OptionalInt.of(9600), "1001"));
    }

    @Test
    void theDialStepHasItsOwnTimeout() {
        DialerDriver d = new DialerDriver(ModemConfig.dialing("1001").withStepTimeout(Duration.ofSeconds(2))
                .withDialTimeout(Duration.ofSeconds(90))).start();
        assertThat(d.dialer.nextDeadline()).contains(DialerDriver.T0.plusSeconds(2));
        d.modemSays("OK", "OK");
        assertThat(d.dialer.nextDeadline()).contains(DialerDriver.T0.plusSeconds(90));
    }

    @Test
    void timeoutCallsBeforeTheDeadlineChangeNothing() {
        DialerDriver d = dialing("1001");
        d.sent();
        d.advance(Duration.ofSeconds(1)).advance(Duration.ofSeconds(1));
        assertThat(d.dialer.isDone()).isFalse();
        assertThat(d.sent()).isEmpty();
    }

    @Test
    void pulseDialingUsesAtdp() {
        DialerDriver d = new DialerDriver(ModemConfig.dialing("1001").withDialPrefix(ModemConfig.PULSE)).start().initialized();
        assertThat(d.sent()).containsExactly("ATDP1001");
    }

    @Test
    void customInitCommandsAreSentInOrder() {
        DialerDriver d = new DialerDriver(ModemConfig.dialing("1001").withInitCommands("AT&F", "ATX4", "ATS7=60")).start();
        d.modemSays("OK", "OK", "OK");
        assertThat(d.sent()).containsExactly("AT&F", "ATX4", "ATS7=60", "ATDT1001");
    }

    @Test
    void noInitCommandsMeansDialingAtOnce() {
        DialerDriver d = new DialerDriver(ModemConfig.dialing("1001").withInitCommands()).start();
        assertThat(d.sent()).containsExactly("ATDT1001");
    }

    @Test
    void aNumberThatIsNoDialStringIs749BeforeAnythingIsSent() {
        DialerDriver d = dialing("1001", "call me");
        assertThat(d.outcome()).isEqualTo(new Failed(749, "'call me' is not a dial string", Optional.of("call me")));
        assertThat(d.sent()).isEmpty();
        assertThat(((Failed) dialing("555\u00031234").outcome()).detail()).isEqualTo("'555\\x031234' is not a dial string");
    }

    @Test
    void noNumberAtAllIs749() {
        assertThat(((Failed) dialing().outcome()).rasError()).isEqualTo(749);
    }

    @Test
    void writtenNumbersKeepTheirSeparators() {
        DialerDriver d = dialing("+1 (555) 123-4567,,9").initialized();
        assertThat(d.sent()).containsExactly("ATDT+1 (555) 123-4567,,9");
    }

    @Test
    void theLineClosingWhileDialingIs619WithTheNumber() {
        DialerDriver d = dialing("1001").initialized();
        d.dialer.onLineClosed(d.now, "Connection reset");
        assertThat(d.outcome()).isEqualTo(new Failed(619, "the line closed while dialing: Connection reset", Optional.of("1001")));
    }

    @Test
    void theLineClosingDuringInitIs619WithoutANumber() {
        DialerDriver d = dialing("1001");
        d.dialer.onLineClosed(d.now, null);
        assertThat(d.outcome()).isEqualTo(new Failed(619, "the line closed while initializing the modem", Optional.empty()));
    }

    @Test
    void linesAfterTheOutcomeChangeNothing() {
        DialerDriver d = dialing("1001").initialized();
        d.modemSays("CONNECT", "NO CARRIER");
        d.advance(Duration.ofHours(1));
        assertThat(d.outcome()).isInstanceOf(Connected.class);
    }

    @Test
    void theDialerKnowsWhetherTheModemListensForCommandsAtTheEnd() {
        DialerDriver busy = dialing("1001").initialized();
        busy.modemSays("BUSY");
        assertThat(busy.dialer.modemInCommandMode()).isTrue();

        DialerDriver connected = dialing("1001").initialized();
        connected.modemSays("CONNECT");
        assertThat(connected.dialer.modemInCommandMode()).isFalse();

        DialerDriver silent = dialing("1001").initialized();
        silent.advance(STEP).advance(HayesDialer.ABORT_TIMEOUT);
        assertThat(((Failed) silent.outcome()).rasError()).isEqualTo(678);
        assertThat(silent.dialer.modemInCommandMode()).isFalse();

        DialerDriver noisy = dialing("1001");
        noisy.modemSays("garbage").advance(STEP);
        assertThat(noisy.dialer.modemInCommandMode()).isFalse();
    }

    @Test
    void startingTwiceIsAMistake() {
        DialerDriver d = dialing("1001");
        assertThatThrownBy(() -> d.dialer.start(d.now)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCommandNeverHoldsItsTerminator() {
        assertThatThrownBy(() -> ModemCommand.line("ATZ\r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModemConfig.dialing("1").withInitCommands("ATZ\r\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a line end");
        assertThatThrownBy(() -> ModemConfig.dialing("1").withInitCommands("Z")).hasMessageContaining("must start with AT");
        assertThat(ModemConfig.dialing("1").initCommands()).isEqualTo(List.of("ATZ", "ATE0V1"));
    }
}
