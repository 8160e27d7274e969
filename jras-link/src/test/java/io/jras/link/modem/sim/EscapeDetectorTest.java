package io.jras.link.modem.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The +++ escape under a hand-driven clock. */
class EscapeDetectorTest {

    static final Duration GUARD = Duration.ofSeconds(1);
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final EscapeDetector escape = new EscapeDetector(GUARD, (byte) '+', T0);

    private void bytes(String s, Instant at) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        escape.onBytes(b, 0, b.length, at);
    }

    @Test
    void threePlusesBetweenTwoGuardTimesOfSilenceAreTheEscape() {
        bytes("data", T0.plusMillis(100));
        bytes("+++", T0.plusMillis(1100));
        assertThat(escape.deadline()).contains(T0.plusMillis(2100));
        assertThat(escape.onTimeout(T0.plusMillis(2099))).isFalse();
        assertThat(escape.onTimeout(T0.plusMillis(2100))).isTrue();
        assertThat(escape.deadline()).isEmpty();
    }

    @Test
    void plusesSentOneByOneCountIfEachFollowsWithinTheGuardTime() {
        bytes("+", T0.plusSeconds(1));
        bytes("+", T0.plusMillis(1500));
        bytes("+", T0.plusMillis(2000));
        assertThat(escape.onTimeout(T0.plusSeconds(3))).isTrue();
    }

    @Test
    void withoutSilenceBeforeThePlusesAreData() {
        bytes("data", T0.plusMillis(1000));
        bytes("+++", T0.plusMillis(1500));
        assertThat(escape.deadline()).isEmpty();
        bytes("x+++", T0.plusSeconds(5));
        assertThat(escape.deadline()).isEmpty();
    }

    @Test
    void dataAfterThePlusesBeforeTheGuardTimeCancelsTheEscape() {
        bytes("+++", T0.plusSeconds(2));
        bytes("x", T0.plusMillis(2500));
        assertThat(escape.deadline()).isEmpty();
        assertThat(escape.onTimeout(T0.plusSeconds(10))).isFalse();
    }

    @Test
    void aFourthPlusIsData() {
        bytes("++++", T0.plusSeconds(2));
        assertThat(escape.deadline()).isEmpty();
    }

    @Test
    void tooLongAPauseBetweenPlusesBreaksTheSequence() {
        bytes("+", T0.plusSeconds(2));
        bytes("+", T0.plusSeconds(4));
        bytes("+", T0.plusMillis(4100));
        assertThat(escape.deadline()).isEmpty();
    }

    @Test
    void theFirstGuardTimeCountsFromGoingOnLine() {
        bytes("+++", T0.plusMillis(500));
        assertThat(escape.deadline()).isEmpty();
    }
}
