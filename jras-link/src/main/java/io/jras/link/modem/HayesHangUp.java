package io.jras.link.modem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;

/**
 * The Hayes hang-up as a state machine: a guard time of silence, {@code +++}, a guard time (the
 * modem answers OK once it is back in command mode), then {@code ATH0}, answered OK. Every wait
 * is a deadline, and a modem that stays silent only costs those deadlines.
 *
 * <pre>
 *  IDLE ─start─► GUARD_BEFORE (or straight to HANGING_UP when the modem is in command mode)
 *  GUARD_BEFORE ─timeout─► ESCAPED ─any result, or timeout─► HANGING_UP
 *  GUARD_BEFORE ─NO CARRIER─► HANGING_UP
 *  HANGING_UP ─OK, NO CARRIER─► DONE (CONFIRMED); ─ERROR, timeout─► DONE (UNCONFIRMED)
 *  any state ─line closed─► DONE (LINE_CLOSED)
 * </pre>
 *
 * <p>Any result after {@code +++} moves on: OK (escaped), NO CARRIER (the call dropped, or the
 * {@code +} aborted a dial in progress) or ERROR (the modem was in command mode already and read
 * the {@code +++} as a bad command) all mean the modem now listens for commands. Lines during the
 * guard time are data from the far end, and skipped.
 */
final class HayesHangUp implements ChatMachine {

    /** How long the modem gets to answer the escape (after its guard time) and ATH0. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(3);

    enum State { IDLE, GUARD_BEFORE, ESCAPED, HANGING_UP, DONE }

    private final Duration guardTime;
    private final boolean escapeFirst;
    private final Queue<ModemCommand> commands = new ArrayDeque<>();
    private State state = State.IDLE;
    private Instant deadline;
    private HangUpResult result;

    /**
     * @param escapeFirst whether the modem may be on line (or dialing) and needs {@code +++}
     *     first; a modem known to be in command mode gets ATH0 at once
     */
    HayesHangUp(Duration guardTime, boolean escapeFirst) {
        this.guardTime = guardTime;
        this.escapeFirst = escapeFirst;
    }

    @Override
    public void start(Instant now) {
        if (state != State.IDLE) {
            throw new IllegalStateException("the hang-up has already started");
        }
        if (escapeFirst) {
            state = State.GUARD_BEFORE;
            deadline = now.plus(guardTime);
        } else {
            hangUp(now);
        }
    }

    @Override
    public void onLine(String line, Instant now) {
        String text = line.strip();
        if (text.isEmpty()) {
            return;
        }
        ModemResult response = ModemResult.parse(text);
        switch (state) {
            case GUARD_BEFORE -> {
                if (response instanceof ModemResult.NoCarrier) {
                    hangUp(now); // the call dropped: the modem is back in command mode already
                }
            }
            case ESCAPED -> {
                if (isFinal(response)) {
                    hangUp(now);
                }
            }
            case HANGING_UP -> {
                switch (response) {
                    case ModemResult.Ok ok -> finish(HangUpResult.CONFIRMED);
                    case ModemResult.NoCarrier gone -> finish(HangUpResult.CONFIRMED);
                    case ModemResult.Error error -> finish(HangUpResult.UNCONFIRMED);
                    default -> { }
                }
            }
            default -> { }
        }
    }

    @Override
    public void onTimeout(Instant now) {
        if (deadline == null || now.isBefore(deadline)) {
            return;
        }
        switch (state) {
            case GUARD_BEFORE -> {
                commands.add(ModemCommand.escape());
                state = State.ESCAPED;
                deadline = now.plus(guardTime).plus(RESPONSE_TIMEOUT);
            }
            case ESCAPED -> hangUp(now);
            case HANGING_UP -> finish(HangUpResult.UNCONFIRMED);
            default -> { }
        }
    }

    @Override
    public void onLineClosed(Instant now, String why) {
        if (state != State.DONE) {
            finish(HangUpResult.LINE_CLOSED);
        }
    }

    @Override
    public Optional<ModemCommand> pollCommand() {
        return Optional.ofNullable(commands.poll());
    }

    @Override
    public Optional<Instant> nextDeadline() {
        return Optional.ofNullable(deadline);
    }

    @Override
    public boolean isDone() {
        return state == State.DONE;
    }

    /** The result, once done. */
    Optional<HangUpResult> result() {
        return Optional.ofNullable(result);
    }

    State state() {
        return state;
    }

    private void hangUp(Instant now) {
        commands.add(ModemCommand.line("ATH0"));
        state = State.HANGING_UP;
        deadline = now.plus(RESPONSE_TIMEOUT);
    }

    private void finish(HangUpResult r) {
        result = r;
        state = State.DONE;
        deadline = null;
    }

    private static boolean isFinal(ModemResult r) {
        return !(r instanceof ModemResult.Unrecognized || r instanceof ModemResult.Ring);
    }
}
