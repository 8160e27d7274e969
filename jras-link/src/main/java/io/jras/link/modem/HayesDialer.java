package io.jras.link.modem;

import io.jras.link.RasError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.regex.Pattern;

/**
 * The Hayes dialer as a state machine over response lines and timeouts. It sends the init
 * commands one by one (each must be answered OK), then dials the numbers in order until one
 * answers CONNECT.
 *
 * <pre>
 *  IDLE ─start─► INIT ─OK (last)─► DIALING ─CONNECT─► DONE (Connected)
 *                 │                 │  BUSY, NO ANSWER, NO CARRIER, NO DIALTONE, DELAYED,
 *                 │                 │  BLACKLISTED ─► DIALING the next number, or DONE (Failed)
 *                 │                 │  timeout ─► ABORTING ─any result or timeout─► (as above, 678)
 *                 │                 └  ERROR, VOICE, OK ─► DONE (Failed)
 *                 └ ERROR ─► DONE (651); timeout ─► DONE (660 silent, 652 if only noise came)
 * </pre>
 *
 * <p>Rules: all transitions live here; every step has one deadline, which lines do not extend (a
 * modem spewing noise still times out); empty lines, echoes of the last command, RING and
 * unrecognized lines are skipped (reported as {@link DialEvent.Unexpected}). An ERROR to a dial
 * stops the dial rather than trying the next number: the modem refused the command, and would
 * refuse it again. A timed-out dial is aborted with a bare CR before the next number is dialed.
 */
public final class HayesDialer implements ChatMachine {

    /** How long a modem gets to report that a dial was aborted. */
    static final Duration ABORT_TIMEOUT = Duration.ofSeconds(5);

    // V.250 §6.3.1 dial string characters, plus the separators people write (ignored by modems).
    private static final Pattern DIALABLE = Pattern.compile("[0-9A-Da-d*#+,TtPpWw@!;() .-]{1,80}");

    enum State { IDLE, INIT, DIALING, ABORTING, DONE }

    private final ModemConfig config;
    private final ModemExchange modem = new ModemExchange();
    private final Queue<DialEvent> events = new ArrayDeque<>();

    private State state = State.IDLE;
    private int initIndex;
    private int numberIndex = -1;
    private DialOutcome.Failed abortedBecause;
    private DialOutcome outcome;

    public HayesDialer(ModemConfig config) {
        this.config = config;
    }

    @Override
    public void start(Instant now) {
        if (state != State.IDLE) {
            throw new IllegalStateException("the dialer has already started");
        }
        if (config.phoneNumbers().isEmpty()) {
            finish(new DialOutcome.Failed(RasError.BAD_PHONE_NUMBER, "no phone number to dial", Optional.empty()));
            return;
        }
        for (String number : config.phoneNumbers()) {
            if (!DIALABLE.matcher(number).matches()) {
                finish(new DialOutcome.Failed(RasError.BAD_PHONE_NUMBER,
                        "'" + printable(number) + "' is not a dial string", Optional.of(printable(number))));
                return;
            }
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
        modem.listening(!(result instanceof ModemResult.Unrecognized || result instanceof ModemResult.Ring
                || result instanceof ModemResult.Connect));
        switch (state) {
            case INIT -> onInitResult(result, now);
            case DIALING -> onDialResult(result, now);
            case ABORTING -> onAbortResult(result, now);
            default -> throw new IllegalStateException(state.toString());
        }
    }

    private void onInitResult(ModemResult result, Instant now) {
        switch (result) {
            case ModemResult.Ok ok -> {
                initIndex++;
                nextInit(now);
            }
            case ModemResult.Error error -> finish(new DialOutcome.Failed(RasError.FROM_DEVICE,
                    "the modem answered ERROR to " + modem.lastCommand(), Optional.empty()));
            default -> skip(result);
        }
    }

    private void onDialResult(ModemResult result, Instant now) {
        switch (result) {
            case ModemResult.Connect connect -> finish(new DialOutcome.Connected(connect.speed(), currentNumber()));
            case ModemResult.Busy r -> numberFailed(failure(r, r + " from " + currentNumber()), now);
            case ModemResult.NoAnswer r -> numberFailed(failure(r, r + " from " + currentNumber()), now);
            case ModemResult.NoCarrier r -> numberFailed(failure(r, r + " from " + currentNumber()), now);
            case ModemResult.NoDialTone r -> numberFailed(failure(r, r + " when dialing " + currentNumber()), now);
            case ModemResult.Delayed r -> numberFailed(failure(r, "the modem refuses to dial " + currentNumber() + " yet (DELAYED)"), now);
            case ModemResult.Blacklisted r -> numberFailed(failure(r, "the modem refuses to dial " + currentNumber() + " (BLACKLISTED)"), now);
            case ModemResult.Error r -> finish(failure(r, "the modem answered ERROR to " + modem.lastCommand()));
            case ModemResult.Voice r -> finish(failure(r, "a voice answered at " + currentNumber()));
            case ModemResult.Ok r -> finish(new DialOutcome.Failed(RasError.UNRECOGNIZED_RESPONSE,
                    "the modem answered OK to " + modem.lastCommand() + " without connecting (a ';' in the dial string?)",
                    Optional.of(currentNumber())));
            case ModemResult.Ring r -> skip(r);
            case ModemResult.Unrecognized r -> skip(r);
        }
    }

    // Whatever the modem says now ends the aborted attempt; a CONNECT that beat the abort stands.
    private void onAbortResult(ModemResult result, Instant now) {
        switch (result) {
            case ModemResult.Connect connect -> finish(new DialOutcome.Connected(connect.speed(), currentNumber()));
            case ModemResult.Ring r -> skip(r);
            case ModemResult.Unrecognized r -> skip(r);
            default -> numberFailed(abortedBecause, now);
        }
    }

    @Override
    public void onTimeout(Instant now) {
        if (modem.notDue(now)) {
            return;
        }
        switch (state) {
            case INIT -> {
                finish(new DialOutcome.Failed(modem.silenceError(), modem.silenceDetail(seconds(config.stepTimeout())),
                        Optional.empty()));
            }
            case DIALING -> {
                abortedBecause = new DialOutcome.Failed(RasError.NO_ANSWER,
                        "no result from " + currentNumber() + " within " + seconds(config.dialTimeout()), Optional.of(currentNumber()));
                state = State.ABORTING;
                modem.send(ModemCommand.abortDial(), now.plus(min(ABORT_TIMEOUT, config.stepTimeout())));
            }
            case ABORTING -> numberFailed(abortedBecause, now);
            default -> { }
        }
    }

    @Override
    public void onLineClosed(Instant now, String why) {
        if (state == State.DONE) {
            return;
        }
        Optional<String> number = numberIndex >= 0 ? Optional.of(currentNumber()) : Optional.empty();
        finish(new DialOutcome.Failed(RasError.PORT_DISCONNECTED, "the line closed while "
                + (state == State.INIT ? "initializing the modem" : "dialing") + (why == null ? "" : ": " + why), number));
    }

    @Override
    public Optional<ModemCommand> pollCommand() {
        return modem.poll();
    }

    /** The next progress event, in order. */
    public Optional<DialEvent> pollEvent() {
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
    public Optional<DialOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    /**
     * Whether the modem's last word was a final result (OK, ERROR, BUSY, ...) to the last command,
     * so it listens for commands now; false after CONNECT, silence, noise or a closed line.
     */
    public boolean modemInCommandMode() {
        return modem.listening();
    }

    State state() {
        return state;
    }

    private void nextInit(Instant now) {
        if (initIndex < config.initCommands().size()) {
            String command = config.initCommands().get(initIndex);
            events.add(new DialEvent.Initializing(command));
            modem.send(ModemCommand.line(command), now.plus(config.stepTimeout()));
        } else {
            dialNext(now);
        }
    }

    private void dialNext(Instant now) {
        numberIndex++;
        state = State.DIALING;
        String number = currentNumber();
        events.add(new DialEvent.Dialing(number, numberIndex + 1, config.phoneNumbers().size()));
        modem.send(ModemCommand.line(config.dialPrefix() + number), now.plus(config.dialTimeout()));
    }

    // Line conditions are worth another number; anything else is final.
    private void numberFailed(DialOutcome.Failed failure, Instant now) {
        events.add(new DialEvent.NumberFailed(currentNumber(), failure.rasError(), failure.detail()));
        if (numberIndex + 1 < config.phoneNumbers().size()) {
            dialNext(now);
        } else {
            finish(failure);
        }
    }

    private DialOutcome.Failed failure(ModemResult result, String detail) {
        return new DialOutcome.Failed(result.rasError(), detail, Optional.of(currentNumber()));
    }

    private void skip(ModemResult result) {
        modem.skipped(result);
        events.add(new DialEvent.Unexpected(printable(result.toString())));
    }

    private void finish(DialOutcome result) {
        outcome = result;
        state = State.DONE;
        modem.stop();
    }

    private String currentNumber() {
        return config.phoneNumbers().get(numberIndex);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Control characters as \xNN, and at most 80 characters: modem noise goes into messages. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < 80; i++) {
            char c = s.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return out.toString();
    }
}
