package io.jras.link.modem;

import io.jras.link.RasError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;

/**
 * Answering a call as a state machine over response lines and timeouts, the counterpart of
 * {@link HayesDialer}: initialize the modem (each command answered OK), wait for RING, answer
 * with ATA at the configured ring, and end on CONNECT.
 *
 * <pre>
 *  IDLE ─start─► INIT ─OK (last)─► WAITING ─RING (n-th)─► ANSWERING ─CONNECT─► DONE (Connected)
 *                 │                 │  ▲                      └ NO CARRIER, ERROR, BUSY, ..., timeout ─► DONE (Failed)
 *                 │        idle time│  │OK
 *                 │                 ▼  │
 *                 │               CHECKING (AT: is the modem still there?) ─ERROR, timeout─► DONE (651, 660/652)
 *                 └ ERROR ─► DONE (651); timeout ─► DONE (660 silent, 652 if only noise came)
 * </pre>
 *
 * <p>Rules: every step has one deadline that lines do not extend; empty lines, echoes of the last
 * command and lines it does not expect are skipped (reported as events). Rings further apart than
 * {@link #RING_GAP} belong to different calls, so the count starts again. A RING during the idle
 * check counts, and the check's late OK is skipped while answering (a modem answers ATA with
 * CONNECT or NO CARRIER, never OK).
 */
public final class HayesAnswerer implements ChatMachine {

    /** Rings of one call come every 6 s or so; a longer silence means that caller gave up. */
    static final Duration RING_GAP = Duration.ofSeconds(10);

    enum State { IDLE, INIT, WAITING, CHECKING, ANSWERING, DONE }

    private final AnswerConfig config;
    private final ModemExchange modem = new ModemExchange();
    private final Queue<String> events = new ArrayDeque<>();

    private State state = State.IDLE;
    private int initIndex;
    private int rings;
    private Instant lastRing;
    private AnswerOutcome outcome;

    public HayesAnswerer(AnswerConfig config) {
        this.config = config;
    }

    @Override
    public void start(Instant now) {
        if (state != State.IDLE) {
            throw new IllegalStateException("the answerer has already started");
        }
        state = State.INIT;
        nextInit(now);
    }

    @Override
    public void onLine(String line, Instant now) {
        String text = line.strip();
        if (state == State.IDLE || state == State.DONE || text.isEmpty() || modem.isEcho(text)) {
            return;
        }
        ModemResult result = ModemResult.parse(text);
        switch (state) {
            case INIT -> {
                switch (result) {
                    case ModemResult.Ok ok -> {
                        initIndex++;
                        nextInit(now);
                    }
                    case ModemResult.Error error -> {
                        modem.listening(true);
                        fail(RasError.FROM_DEVICE, "the modem answered ERROR to " + modem.lastCommand());
                    }
                    default -> skip(result);
                }
            }
            case WAITING, CHECKING -> {
                switch (result) {
                    case ModemResult.Ring ring -> onRing(now);
                    case ModemResult.Ok ok when state == State.CHECKING -> waitForCall(now);
                    case ModemResult.Error error when state == State.CHECKING ->
                            fail(RasError.FROM_DEVICE, "the modem answered ERROR to " + modem.lastCommand());
                    default -> skip(result); // a stale NO CARRIER, noise
                }
            }
            case ANSWERING -> {
                switch (result) {
                    case ModemResult.Connect connect -> {
                        outcome = new AnswerOutcome.Connected(connect.speed());
                        modem.listening(false);
                        done();
                    }
                    case ModemResult.Ring r -> skip(r);
                    case ModemResult.Ok r -> skip(r);
                    case ModemResult.Unrecognized r -> skip(r);
                    case ModemResult.NoCarrier r -> {
                        modem.listening(true);
                        fail(RasError.NO_CARRIER, "NO CARRIER after ATA (the caller hung up, or the modems did not agree)");
                    }
                    default -> {
                        modem.listening(true);
                        fail(result.rasError() == RasError.SUCCESS ? RasError.UNRECOGNIZED_RESPONSE : result.rasError(),
                                "the modem answered " + result + " to ATA");
                    }
                }
            }
            default -> throw new IllegalStateException(state.toString());
        }
    }

    @Override
    public void onTimeout(Instant now) {
        if (modem.notDue(now)) {
            return;
        }
        switch (state) {
            case INIT, CHECKING -> {
                fail(modem.silenceError(), modem.silenceDetail(seconds(config.stepTimeout())));
            }
            case WAITING -> {
                events.add("no call for " + seconds(config.idleCheck()) + "; checking the modem");
                modem.send(ModemCommand.line("AT"), now.plus(config.stepTimeout()));
                state = State.CHECKING;
            }
            case ANSWERING -> fail(RasError.NO_CARRIER, "no CONNECT within " + seconds(config.answerTimeout()) + " of ATA");
            default -> { }
        }
    }

    @Override
    public void onLineClosed(Instant now, String why) {
        if (state != State.DONE) {
            fail(RasError.PORT_DISCONNECTED, "the line closed while " + switch (state) {
                case INIT -> "initializing the modem";
                case ANSWERING -> "answering";
                default -> "waiting for a call";
            } + (why == null ? "" : ": " + why));
        }
    }

    @Override
    public Optional<ModemCommand> pollCommand() {
        return modem.poll();
    }

    /** The next progress report ("RING 1 of 2", "answering"...), in order. */
    public Optional<String> pollEvent() {
        return Optional.ofNullable(events.poll());
    }

    @Override
    public Optional<Instant> nextDeadline() {
        return state == State.DONE ? Optional.empty() : modem.deadline();
    }

    @Override
    public boolean isDone() {
        return state == State.DONE;
    }

    /** The outcome, once {@link #isDone()}. */
    public Optional<AnswerOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    /** Whether the modem's last word was a final result, so it listens for commands now. */
    public boolean modemInCommandMode() {
        return modem.listening();
    }

    State state() {
        return state;
    }

    private void nextInit(Instant now) {
        if (initIndex < config.initCommands().size()) {
            String command = config.initCommands().get(initIndex);
            events.add("initializing the modem: " + command);
            modem.send(ModemCommand.line(command), now.plus(config.stepTimeout()));
        } else {
            events.add("waiting for a call");
            waitForCall(now);
        }
    }

    private void waitForCall(Instant now) {
        state = State.WAITING;
        modem.listening(true);
        modem.waitUntil(now.plus(config.idleCheck()));
    }

    private void onRing(Instant now) {
        if (lastRing != null && Duration.between(lastRing, now).compareTo(RING_GAP) > 0) {
            rings = 0;
        }
        rings++;
        lastRing = now;
        events.add("RING " + rings + " of " + config.rings());
        if (rings >= config.rings()) {
            events.add("answering");
            state = State.ANSWERING;
            modem.send(ModemCommand.line("ATA"), now.plus(config.answerTimeout()));
        }
    }

    private void skip(ModemResult result) {
        modem.skipped(result);
        events.add("skipped modem line: " + HayesDialer.printable(result.toString()));
    }

    private void fail(int rasError, String detail) {
        boolean lineFailed = state != State.ANSWERING || rasError == RasError.PORT_DISCONNECTED;
        outcome = new AnswerOutcome.Failed(rasError, detail, lineFailed);
        done();
    }

    private void done() {
        state = State.DONE;
        modem.stop();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
