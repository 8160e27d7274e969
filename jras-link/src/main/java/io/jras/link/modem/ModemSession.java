package io.jras.link.modem;

import io.jras.link.modem.ModemLine.Mode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs the sans-IO dialer and hang-up over a {@link ModemLine} with a real clock. This loop is
 * the only place in the modem package that reads the line or the clock: write what the machine
 * says, wait for a line until its deadline, feed the line or the timeout back, repeat.
 *
 * <p>Both calls block the calling thread. To cancel a dial, interrupt that thread (the call
 * throws {@link InterruptedException}, then hang up) or close the line (the dial ends Failed,
 * 619).
 */
public final class ModemSession {

    private final InstantSource clock;

    ModemSession(InstantSource clock) {
        this.clock = clock;
    }

    /**
     * Initializes the modem and dials {@code config}'s numbers in order until one connects. On
     * {@link DialOutcome.Connected} the line carries data from the next byte on.
     *
     * @param progress gets each {@link DialEvent} on this thread, as it happens
     */
    public static DialOutcome dial(ModemLine line, ModemConfig config, Consumer<? super DialEvent> progress)
            throws InterruptedException {
        return new ModemSession(InstantSource.system()).runDial(line, config, progress);
    }

    /**
     * Hangs the modem up: {@code +++} with {@code config}'s guard time of silence before and after
     * (skipped when the modem is known to be in command mode), then {@code ATH0}, expecting OK;
     * then drops DTR where the line has one. A silent modem costs bounded time (about two guard
     * times and 6 s). Stop reading the line's data before calling this.
     */
    public static HangUpResult hangUp(ModemLine line, ModemConfig config) throws InterruptedException {
        return hangUp(line, config.guardTime());
    }

    /** As {@link #hangUp(ModemLine, ModemConfig)}, with the default guard time of 1 s. */
    public static HangUpResult hangUp(ModemLine line) throws InterruptedException {
        return hangUp(line, ModemConfig.DEFAULT_GUARD_TIME);
    }

    /** As {@link #hangUp(ModemLine, ModemConfig)}, with the guard time given. */
    public static HangUpResult hangUp(ModemLine line, Duration guardTime) throws InterruptedException {
        return new ModemSession(InstantSource.system()).runHangUp(line, guardTime);
    }

    /**
     * Initializes the modem and waits for a call: RING, ATA at the configured ring, CONNECT. On
     * {@link AnswerOutcome.Connected} the line carries the caller's data from the next byte on.
     * Blocks until then (or a failure); to stop waiting, close the line (Failed, 619) or
     * interrupt the thread.
     *
     * @param progress gets each step ("RING 1 of 1", "answering") on this thread, as it happens
     */
    public static AnswerOutcome answer(ModemLine line, AnswerConfig config, Consumer<String> progress)
            throws InterruptedException {
        return new ModemSession(InstantSource.system()).runAnswer(line, config, progress);
    }

    AnswerOutcome runAnswer(ModemLine line, AnswerConfig config, Consumer<String> progress) throws InterruptedException {
        Objects.requireNonNull(progress, "progress");
        HayesAnswerer answerer = new HayesAnswerer(config);
        line.mode(Mode.UNKNOWN);
        run(answerer, line, () -> {
            for (var event = answerer.pollEvent(); event.isPresent(); event = answerer.pollEvent()) {
                progress.accept(event.get());
            }
        });
        AnswerOutcome outcome = answerer.outcome().orElseThrow();
        line.mode(outcome instanceof AnswerOutcome.Connected ? Mode.DATA
                : answerer.modemInCommandMode() ? Mode.COMMAND : Mode.UNKNOWN);
        return outcome;
    }

    DialOutcome runDial(ModemLine line, ModemConfig config, Consumer<? super DialEvent> progress)
            throws InterruptedException {
        Objects.requireNonNull(progress, "progress");
        HayesDialer dialer = new HayesDialer(config);
        line.mode(Mode.UNKNOWN);
        run(dialer, line, () -> {
            for (var event = dialer.pollEvent(); event.isPresent(); event = dialer.pollEvent()) {
                progress.accept(event.get());
            }
        });
        DialOutcome outcome = dialer.outcome().orElseThrow();
        line.mode(outcome instanceof DialOutcome.Connected ? Mode.DATA
                : dialer.modemInCommandMode() ? Mode.COMMAND : Mode.UNKNOWN);
        return outcome;
    }

    HangUpResult runHangUp(ModemLine line, Duration guardTime) throws InterruptedException {
        HayesHangUp hangUp = new HayesHangUp(guardTime, line.mode() != Mode.COMMAND);
        line.mode(Mode.UNKNOWN);
        run(hangUp, line, () -> { });
        HangUpResult result = hangUp.result().orElseThrow();
        if (line.hasDtr()) {
            try {
                line.setDtr(false);
            } catch (IOException e) {
                // the port is going away; nothing more to do for it
            }
        }
        if (result == HangUpResult.CONFIRMED) {
            line.mode(Mode.COMMAND);
        }
        return result;
    }

    /** The driver loop; {@code afterStep} hands on the machine's events after each step. */
    private void run(ChatMachine machine, ModemLine line, Runnable afterStep) throws InterruptedException {
        machine.start(clock.instant());
        while (true) {
            writeCommands(machine, line);
            afterStep.run();
            if (machine.isDone()) {
                return;
            }
            Instant deadline = machine.nextDeadline().orElseThrow();
            Duration wait = Duration.between(clock.instant(), deadline);
            String response;
            try {
                response = line.readLine(wait.isNegative() ? Duration.ZERO : wait);
            } catch (InterruptedIOException e) {
                Thread.interrupted();
                throw new InterruptedException("interrupted while talking to the modem");
            } catch (IOException e) {
                machine.onLineClosed(clock.instant(), e.getMessage());
                continue;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while talking to the modem");
            }
            if (response == null) {
                machine.onTimeout(clock.instant());
            } else {
                machine.onLine(response, clock.instant());
            }
        }
    }

    private void writeCommands(ChatMachine machine, ModemLine line) throws InterruptedException {
        for (var command = machine.pollCommand(); command.isPresent() && !machine.isDone(); command = machine.pollCommand()) {
            try {
                line.send(command.get());
            } catch (InterruptedIOException e) {
                Thread.interrupted();
                throw new InterruptedException("interrupted while talking to the modem");
            } catch (IOException e) {
                machine.onLineClosed(clock.instant(), e.getMessage());
            }
        }
    }
}
