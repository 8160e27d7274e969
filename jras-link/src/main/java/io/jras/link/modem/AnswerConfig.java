package io.jras.link.modem;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How to answer calls on a modem line.
 *
 * @param initCommands  sent in order before waiting for a call, each must be answered OK; the
 *     default resets the modem, turns the echo off, asks for verbose results and turns the
 *     modem's own auto-answer off (S0=0): we answer, so we know when a call begins
 * @param rings         answer at this RING (1: the first)
 * @param stepTimeout   how long an init command (or the idle check's AT) may go unanswered (10 s)
 * @param answerTimeout how long ATA may take to give CONNECT (60 s, longer than a modem's S7)
 * @param idleCheck     with no call for this long, an AT checks that the modem is still there (5 min)
 * @param guardTime     the silence around {@code +++} when hanging up (1 s)
 * @param retryMin      the first pause before a line that failed is opened again (1 s); it doubles ...
 * @param retryMax      ... up to this (60 s), and is back to {@code retryMin} after a call
 */
public record AnswerConfig(List<String> initCommands, int rings, Duration stepTimeout, Duration answerTimeout,
        Duration idleCheck, Duration guardTime, Duration retryMin, Duration retryMax) {

    public static final List<String> DEFAULT_INIT = List.of("ATZ", "ATE0V1S0=0");
    public static final AnswerConfig DEFAULTS = new AnswerConfig(DEFAULT_INIT, 1, Duration.ofSeconds(10),
            Duration.ofSeconds(60), Duration.ofMinutes(5), ModemConfig.DEFAULT_GUARD_TIME, Duration.ofSeconds(1),
            Duration.ofSeconds(60));

    public AnswerConfig {
        initCommands = List.copyOf(initCommands);
        for (String command : initCommands) {
            Objects.requireNonNull(command, "init command");
            if (!command.toUpperCase(Locale.ROOT).startsWith("AT") || command.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
                throw new IllegalArgumentException("an init command is printable ASCII starting with AT: '" + command.strip() + "'");
            }
        }
        if (rings < 1 || rings > 255) {
            throw new IllegalArgumentException("answer at ring 1-255, not " + rings);
        }
        for (Duration d : List.of(stepTimeout, answerTimeout, idleCheck, retryMin, retryMax)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts and pauses must be positive");
            }
        }
        if (guardTime.isNegative()) {
            throw new IllegalArgumentException("the guard time cannot be negative");
        }
        if (retryMax.compareTo(retryMin) < 0) {
            throw new IllegalArgumentException("the longest retry pause is shorter than the first");
        }
    }

    public AnswerConfig withInitCommands(String... commands) {
        return new AnswerConfig(List.of(commands), rings, stepTimeout, answerTimeout, idleCheck, guardTime, retryMin, retryMax);
    }

    public AnswerConfig withRings(int n) {
        return new AnswerConfig(initCommands, n, stepTimeout, answerTimeout, idleCheck, guardTime, retryMin, retryMax);
    }

    public AnswerConfig withTimeouts(Duration step, Duration answer) {
        return new AnswerConfig(initCommands, rings, step, answer, idleCheck, guardTime, retryMin, retryMax);
    }

    public AnswerConfig withIdleCheck(Duration d) {
        return new AnswerConfig(initCommands, rings, stepTimeout, answerTimeout, d, guardTime, retryMin, retryMax);
    }

    public AnswerConfig withGuardTime(Duration d) {
        return new AnswerConfig(initCommands, rings, stepTimeout, answerTimeout, idleCheck, d, retryMin, retryMax);
    }

    public AnswerConfig withRetry(Duration min, Duration max) {
        return new AnswerConfig(initCommands, rings, stepTimeout, answerTimeout, idleCheck, guardTime, min, max);
    }
}
