package io.jras.link.modem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hang-up alone, under a hand-driven clock. */
class HayesHangUpTest {

    static final Duration GUARD = Duration.ofSeconds(1);

    private Instant now = DialerDriver.T0;
    private HayesHangUp hangUp;

    private HayesHangUp start(boolean escapeFirst) {
        hangUp = new HayesHangUp(GUARD, escapeFirst);
        hangUp.start(now);
        return hangUp;
    }

    private List<ModemCommand> sent() {
        List<ModemCommand> out = new ArrayList<>();
        for (var c = hangUp.pollCommand(); c.isPresent(); c = hangUp.pollCommand()) {
            out.add(c.get());
        }
        return out;
    }

    private void advance(Duration d) {
        now = now.plus(d);
        hangUp.onTimeout(now);
    }

    @Test
    void theEscapeComesAfterAGuardTimeOfSilenceThenAth0() {
        start(true);
        assertThat(sent()).isEmpty();
        advance(GUARD.minusMillis(1));
        assertThat(sent()).isEmpty();
        advance(Duration.ofMillis(1));
        assertThat(sent()).containsExactly(new ModemCommand("+++", false));
        hangUp.onLine("OK", now.plus(GUARD));
        assertThat(sent()).containsExactly(ModemCommand.line("ATH0"));
        hangUp.onLine("OK", now);
        assertThat(hangUp.result()).contains(HangUpResult.CONFIRMED);
    }

    @Test
    void dataDuringTheGuardTimeIsSkipped() {
        start(true);
        hangUp.onLine("OK", now);
        hangUp.onLine("~}#\u00c0!}!", now);
        assertThat(sent()).isEmpty();
        assertThat(hangUp.state()).isEqualTo(HayesHangUp.State.GUARD_BEFORE);
    }

    @Test
    void noCarrierDuringTheGuardTimeMeansTheCallDroppedSoAth0GoesAtOnce() {
        start(true);
        hangUp.onLine("NO CARRIER", now);
        assertThat(sent()).containsExactly(ModemCommand.line("ATH0"));
    }

    @Test
    void aModemSilentAfterTheEscapeGetsAth0AfterTheGuardAndTheResponseTimeout() {
        start(true);
        advance(GUARD);
        sent();
        advance(GUARD.plus(HayesHangUp.RESPONSE_TIMEOUT).minusMillis(1));
        assertThat(sent()).isEmpty();
        advance(Duration.ofMillis(1));
        assertThat(sent()).containsExactly(ModemCommand.line("ATH0"));
    }

    @Test
    void noCarrierAfterTheEscapeMeansTheModemListensSoAth0Follows() {
        start(true);
        advance(GUARD);
        sent();
        hangUp.onLine("+++", now);
        assertThat(sent()).isEmpty();
        hangUp.onLine("NO CARRIER", now);
        assertThat(sent()).containsExactly(ModemCommand.line("ATH0"));
    }

    @Test
    void noCarrierToAth0MeansTheCallWasGoneAlready() {
        start(false);
        hangUp.onLine("NO CARRIER", now);
        assertThat(hangUp.result()).contains(HangUpResult.CONFIRMED);
    }

    @Test
    void errorToAth0IsUnconfirmed() {
        start(false);
        hangUp.onLine("ERROR", now);
        assertThat(hangUp.result()).contains(HangUpResult.UNCONFIRMED);
    }

    @Test
    void aSilentModemIsUnconfirmedAfterTheResponseTimeout() {
        start(false);
        assertThat(sent()).containsExactly(ModemCommand.line("ATH0"));
        advance(HayesHangUp.RESPONSE_TIMEOUT.minusMillis(1));
        assertThat(hangUp.isDone()).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(hangUp.result()).contains(HangUpResult.UNCONFIRMED);
        assertThat(hangUp.nextDeadline()).isEmpty();
    }

    @Test
    void aModemInCommandModeGetsAth0AtOnce() {
        start(false);
        assertThat(sent()).containsExactly(ModemCommand.line("ATH0"));
        hangUp.onLine("ATH0", now);
        hangUp.onLine("OK", now);
        assertThat(hangUp.result()).contains(HangUpResult.CONFIRMED);
    }

    @Test
    void theLineClosingEndsTheHangUp() {
        start(true);
        hangUp.onLineClosed(now, "reset");
        assertThat(hangUp.result()).contains(HangUpResult.LINE_CLOSED);
    }
}
