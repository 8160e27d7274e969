package io.jras.link.modem;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.link.RasError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The answerer alone: lines and time are fed by hand, nothing sleeps. */
class HayesAnswererTest {

    private static final AnswerConfig CONFIG = AnswerConfig.DEFAULTS;

    private Instant now = Instant.parse("2026-11-26T00:00:00Z");
    private HayesAnswerer answerer;

    private HayesAnswerer start(AnswerConfig config) {
        answerer = new HayesAnswerer(config);
        answerer.start(now);
        return answerer;
    }

    /** Starts and answers the init commands: the answerer waits for a call. */
    private HayesAnswerer waiting(AnswerConfig config) {
        start(config);
        for (int i = 0; i < config.initCommands().size(); i++) {
            says("OK");
        }
        sent();
        assertThat(answerer.state()).isEqualTo(HayesAnswerer.State.WAITING);
        return answerer;
    }

    private void says(String... lines) {
        for (String line : lines) {
            answerer.onLine(line, now);
        }
    }

    private void after(Duration d) {
        now = now.plus(d);
        answerer.onTimeout(now);
    }

    private List<String> sent() {
        List<String> out = new ArrayList<>();
        for (var c = answerer.pollCommand(); c.isPresent(); c = answerer.pollCommand()) {
            out.add(c.get().text());
        }
        return out;
    }

    private List<String> events() {
        List<String> out = new ArrayList<>();
        for (var e = answerer.pollEvent(); e.isPresent(); e = answerer.pollEvent()) {
            out.add(e.get());
        }
        return out;
    }

    private AnswerOutcome outcome() {
        assertThat(answerer.isDone()).isTrue();
        assertThat(answerer.nextDeadline()).isEmpty();
        return answerer.outcome().orElseThrow();
    }

    @Test
    void initThenRingThenAtaThenConnect() {
        start(CONFIG);
        assertThat(sent()).containsExactly("ATZ");
        says("ATZ", "OK"); // an echo is skipped
        assertThat(sent()).containsExactly("ATE0V1S0=0");
        says("OK");
        assertThat(sent()).isEmpty();
        assertThat(answerer.nextDeadline()).contains(now.plus(CONFIG.idleCheck()));
        says("RING");
        assertThat(sent()).containsExactly("ATA");
        assertThat(answerer.nextDeadline()).contains(now.plus(CONFIG.answerTimeout()));
        says("CONNECT 115200");
        assertThat(outcome()).isEqualTo(new AnswerOutcome.Connected(OptionalInt.of(115200)));
        assertThat(answerer.modemInCommandMode()).isFalse();
        assertThat(events()).containsExactly("initializing the modem: ATZ", "initializing the modem: ATE0V1S0=0",
                "waiting for a call", "RING 1 of 1", "answering");
    }

    @Test
    void itAnswersAtTheConfiguredRingAndRingsOfAnEarlierCallDoNotCount() {
        waiting(CONFIG.withRings(3));
        says("RING");
        now = now.plus(Duration.ofSeconds(6));
        says("RING");
        assertThat(sent()).isEmpty();
        now = now.plus(Duration.ofSeconds(30)); // that caller gave up; a new call rings
        says("RING");
        now = now.plus(Duration.ofSeconds(6));
        says("RING");
        assertThat(sent()).isEmpty();
        now = now.plus(Duration.ofSeconds(6));
        says("RING");
        assertThat(sent()).containsExactly("ATA");
    }

    @Test
    void noCarrierAfterAtaIsA679ThatLeavesTheLineInDoubtNot() {
        waiting(CONFIG);
        says("RING", "NO CARRIER");
        AnswerOutcome.Failed failed = (AnswerOutcome.Failed) outcome();
        assertThat(failed.rasError()).isEqualTo(RasError.NO_CARRIER);
        assertThat(failed.lineFailed()).isFalse();
        assertThat(answerer.modemInCommandMode()).isTrue();
    }

    @Test
    void otherResultsToAtaFailTheCallButNotTheLine() {
        waiting(CONFIG);
        says("RING", "ERROR");
        assertThat(outcome()).isEqualTo(new AnswerOutcome.Failed(RasError.FROM_DEVICE, "the modem answered ERROR to ATA", false));
        waiting(CONFIG);
        says("RING", "BUSY");
        assertThat(outcome()).isEqualTo(new AnswerOutcome.Failed(RasError.LINE_BUSY, "the modem answered BUSY to ATA", false));
        waiting(CONFIG);
        says("RING");
        answerer.onLineClosed(now, null);
        assertThat(outcome()).isEqualTo(new AnswerOutcome.Failed(RasError.PORT_DISCONNECTED, "the line closed while answering", true));
    }

    @Test
    void noConnectInTimeIsA679Too() {
        waiting(CONFIG);
        says("RING");
        sent();
        after(CONFIG.answerTimeout().minusMillis(1));
        assertThat(answerer.isDone()).isFalse();
        after(Duration.ofMillis(1));
        assertThat(((AnswerOutcome.Failed) outcome()).detail()).isEqualTo("no CONNECT within 60 s of ATA");
    }

    @Test
    void anErrorToAnInitCommandIs651() {
        start(CONFIG);
        says("OK", "ERROR");
        assertThat(outcome()).isEqualTo(new AnswerOutcome.Failed(RasError.FROM_DEVICE, "the modem answered ERROR to ATE0V1S0=0", true));
    }

    @Test
    void aSilentModemIs660AndANoisyOne652() {
        start(CONFIG);
        after(CONFIG.stepTimeout());
        assertThat(outcome()).isEqualTo(new AnswerOutcome.Failed(RasError.NO_RESPONSES, "no response to ATZ within 10 s", true));

        start(CONFIG);
        says("\u0000\u00ffgarbage", "more garbage");
        after(CONFIG.stepTimeout());
        AnswerOutcome.Failed failed = (AnswerOutcome.Failed) outcome();
        assertThat(failed.rasError()).isEqualTo(RasError.UNRECOGNIZED_RESPONSE);
        assertThat(failed.detail()).isEqualTo("no OK to ATZ within 10 s, only '\\x00\\xffgarbage'");
        assertThat(failed.lineFailed()).isTrue();
    }

    @Test
    void anIdleLineChecksTheModemAndGoesOnWaiting() {
        waiting(CONFIG);
        after(CONFIG.idleCheck());
        assertThat(sent()).containsExactly("AT");
        says("OK");
        assertThat(answerer.state()).isEqualTo(HayesAnswerer.State.WAITING);
        assertThat(answerer.nextDeadline()).contains(now.plus(CONFIG.idleCheck()));

        // a RING during the check counts, and the check's late OK is skipped
        after(CONFIG.idleCheck());
        sent();
        says("RING", "OK");
        assertThat(sent()).containsExactly("ATA");
        says("CONNECT");
        assertThat(outcome()).isEqualTo(new AnswerOutcome.Connected(OptionalInt.empty()));
    }

    @Test
    void aModemGoneSilentIsNoticedAtTheIdleCheck() {
        waiting(CONFIG);
        after(CONFIG.idleCheck());
        sent();
        after(CONFIG.stepTimeout());
        assertThat(outcome()).isEqualTo(new AnswerOutcome.Failed(RasError.NO_RESPONSES, "no response to AT within 10 s", true));
    }

    @Test
    void staleResultsAndNoiseWhileWaitingAreSkipped() {
        waiting(CONFIG);
        says("NO CARRIER", "OK", "\u0007beep", "CONNECT 2400");
        assertThat(answerer.isDone()).isFalse();
        assertThat(sent()).isEmpty();
        assertThat(events()).contains("skipped modem line: NO CARRIER", "skipped modem line: \\x07beep");
    }

    @Test
    void theLineClosingIs619() {
        waiting(CONFIG);
        answerer.onLineClosed(now, "EOF");
        assertThat(outcome()).isEqualTo(new AnswerOutcome.Failed(RasError.PORT_DISCONNECTED,
                "the line closed while waiting for a call: EOF", true));
    }
}
