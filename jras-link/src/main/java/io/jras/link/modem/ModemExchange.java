package io.jras.link.modem;

import io.jras.link.RasError;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;

/**
 * The command side of a talk with a modem, shared by {@link HayesDialer} and {@link HayesAnswerer}:
 * one command at a time, the deadline for what answers it (lines do not extend it), the command's
 * echo (not a response), the first unrecognized line meanwhile (so a timeout can say "only noise"),
 * and whether the modem listens for commands now.
 */
final class ModemExchange {

    private final Queue<ModemCommand> commands = new ArrayDeque<>();
    private ModemCommand last;
    private Instant deadline;
    private String noise;
    private boolean listening;

    /** Queues {@code command}; its answer is due by {@code until}. */
    void send(ModemCommand command, Instant until) {
        commands.add(command);
        last = command;
        listening = false;
        waitUntil(until);
    }

    /** A step that sends nothing (waiting for RING, say) but ends at {@code until}. */
    void waitUntil(Instant until) {
        deadline = until;
        noise = null;
    }

    /** No deadline any more: the talk is over. */
    void stop() {
        deadline = null;
    }

    Optional<ModemCommand> poll() {
        return Optional.ofNullable(commands.poll());
    }

    /** True while the deadline has not come (or there is none). */
    boolean notDue(Instant now) {
        return deadline == null || now.isBefore(deadline);
    }

    Optional<Instant> deadline() {
        return Optional.ofNullable(deadline);
    }

    /** The modem echoing the last command (E1) is not its answer. */
    boolean isEcho(String text) {
        return last != null && !last.text().isEmpty() && text.equalsIgnoreCase(last.text());
    }

    /** The text of the last command sent. */
    String lastCommand() {
        return last.text();
    }

    /** A line that answers nothing; the first unrecognized one is kept for the timeout's message. */
    void skipped(ModemResult result) {
        if (result instanceof ModemResult.Unrecognized && noise == null) {
            noise = HayesDialer.printable(result.toString());
        }
    }

    boolean listening() {
        return listening;
    }

    void listening(boolean now) {
        listening = now;
    }

    /** The last command was not answered OK in time: 660 after silence, 652 if only noise came. */
    int silenceError() {
        return noise == null ? RasError.NO_RESPONSES : RasError.UNRECOGNIZED_RESPONSE;
    }

    /** The message for {@link #silenceError()}; {@code within} is the step's time, for people. */
    String silenceDetail(String within) {
        return noise == null ? "no response to " + last.text() + " within " + within
                : "no OK to " + last.text() + " within " + within + ", only '" + noise + "'";
    }
}
