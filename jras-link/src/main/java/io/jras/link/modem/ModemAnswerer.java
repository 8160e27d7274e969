package io.jras.link.modem;

import io.jras.link.DeviceSpec;
import io.jras.link.RasError;
import io.jras.link.RasException;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Answers calls on one modem line, one at a time, until closed: the counterpart of dialing with
 * {@link ModemSession#dial}. Each round opens the line (if it is not open), initializes the modem,
 * waits for RING, answers with ATA, and on CONNECT hands the call to a {@link CallHandler} as an
 * {@link AnsweredCall}; when the handler returns (the PPP session is over) the modem is hung up
 * ({@code +++} with guard times and ATH0, DTR dropped where there is DTR) and the round starts
 * again.
 *
 * <p>A line that misbehaves (cannot be opened, the modem is silent, says ERROR, talks garbage,
 * the line closes) is logged with its RAS error, closed, and opened again after a pause that
 * doubles from {@link AnswerConfig#retryMin()} to {@link AnswerConfig#retryMax()}; a call that
 * connects sets the pause back. Nothing a line does ends the loop: only {@link #close()} does.
 *
 * <p>Threads: {@link #run} blocks the calling thread (give it a virtual thread of its own);
 * {@link #close()} may come from any thread and returns at once.
 */
public final class ModemAnswerer implements AutoCloseable {

    /** Serves one answered call; returns when the call is over (close the call to say so early). */
    @FunctionalInterface
    public interface CallHandler {
        void onCall(AnsweredCall call) throws InterruptedException;
    }

    /** Opens the modem's line. */
    @FunctionalInterface
    interface LineOpener {
        ModemLine open() throws RasException;
    }

    /** How long opening a TCP line to a modem may take. */
    static final Duration OPEN_TIMEOUT = Duration.ofSeconds(10);

    /** How long DTR stays low after a hang-up before it is raised for the next call (mgetty waits as long). */
    static final Duration DTR_LOW = Duration.ofMillis(500);

    private final String name;
    private final LineOpener opener;
    private final AnswerConfig config;
    private final Consumer<String> log;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile ModemLine current;
    private volatile AnsweredCall currentCall;

    /**
     * @param device the modem's line, {@code modem:tcp:HOST:PORT} or {@code modem:PATH[@BAUD]}
     * @param log    gets one line per step worth knowing, each starting with the device
     */
    public ModemAnswerer(DeviceSpec.Modem device, AnswerConfig config, Consumer<String> log) {
        this(device.toString(), () -> ModemLine.open(device, OPEN_TIMEOUT), config, log);
    }

    ModemAnswerer(String name, LineOpener opener, AnswerConfig config, Consumer<String> log) {
        this.name = Objects.requireNonNull(name, "name");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.config = Objects.requireNonNull(config, "config");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** The line as the user named it, e.g. {@code modem:tcp:127.0.0.1:5001}. */
    public String name() {
        return name;
    }

    /** Calls answered so far (CONNECT after ATA). */
    public int calls() {
        return calls.get();
    }

    /** Rounds that failed so far (each logged with its RAS error). */
    public int failures() {
        return failures.get();
    }

    /**
     * Answers calls until {@link #close()}; returns then. A handler that throws a runtime
     * exception has it logged, and the call is hung up as usual.
     *
     * @throws InterruptedException when the thread is interrupted (the line is closed first)
     */
    public void run(CallHandler handler) throws InterruptedException {
        Objects.requireNonNull(handler, "handler");
        Duration pause = config.retryMin();
        try {
            while (!isClosed()) {
                ModemLine line = current;
                if (line == null) {
                    try {
                        line = opener.open();
                    } catch (RasException e) {
                        failures.incrementAndGet();
                        log(e.describe() + "; trying again in " + seconds(pause));
                        pauseFor(pause);
                        pause = longer(pause);
                        continue;
                    }
                    current = line;
                    if (isClosed()) {
                        break;
                    }
                }
                // The log gets the steps of a call; init commands, skipped noise and the idle
                // check would only fill it (a failure says what went wrong).
                AnswerOutcome outcome = ModemSession.answer(line, config, step -> {
                    if (!step.startsWith("initializing") && !step.startsWith("skipped") && !step.startsWith("no call for")) {
                        log(step);
                    }
                });
                switch (outcome) {
                    case AnswerOutcome.Connected connected -> {
                        calls.incrementAndGet();
                        pause = config.retryMin();
                        log(connected.toString());
                        serve(line, handler); // after NO CARRIER the line's mode says ATH0 is all it needs
                        HangUpResult hungUp = ModemSession.hangUp(line, config.guardTime());
                        log("hung up (" + hungUp.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
                        if (hungUp == HangUpResult.LINE_CLOSED) {
                            dropLine();
                        } else {
                            raiseDtr(line);
                        }
                    }
                    case AnswerOutcome.Failed failed when isClosed() -> { }
                    case AnswerOutcome.Failed failed when !failed.lineFailed() -> {
                        log(failed.describe());
                        ModemSession.hangUp(line, config.guardTime());
                        raiseDtr(line);
                    }
                    case AnswerOutcome.Failed failed -> {
                        failures.incrementAndGet();
                        log(failed.describe() + "; closing the line, opening it again in " + seconds(pause));
                        dropLine();
                        pauseFor(pause);
                        pause = longer(pause);
                    }
                }
            }
        } finally {
            dropLine();
        }
    }

    /** Stops answering: ends a call in progress, closes the line; {@link #run} returns soon. */
    @Override
    public void close() {
        closed.countDown();
        AnsweredCall call = currentCall;
        if (call != null) {
            call.close();
        }
        dropLine();
    }

    private void serve(ModemLine line, CallHandler handler) throws InterruptedException {
        AnsweredCall call = new AnsweredCall(line, name);
        currentCall = call;
        try {
            if (!isClosed()) {
                handler.onCall(call);
            }
        } catch (RuntimeException e) {
            log("the call handler failed: " + e);
        } finally {
            call.close();
            currentCall = null;
        }
        if (call.carrierLost()) {
            log("the caller hung up (NO CARRIER)");
        }
    }

    /**
     * The hang-up left DTR low (a modem with &amp;D2 hangs up on that, and ignores commands while
     * it stays low): after a moment it goes up again, so the modem listens for the next call.
     */
    private void raiseDtr(ModemLine line) throws InterruptedException {
        if (!line.hasDtr()) {
            return;
        }
        pauseFor(DTR_LOW);
        try {
            line.setDtr(true);
        } catch (IOException e) {
            log("cannot raise DTR: " + e.getMessage()); // the next init finds out what that means
        }
    }

    private void dropLine() {
        ModemLine line = current;
        current = null;
        if (line != null) {
            try {
                line.close();
            } catch (IOException ignored) {
                // closed either way
            }
        }
    }

    private boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** Waits {@code d}, or less when closed meanwhile. */
    private void pauseFor(Duration d) throws InterruptedException {
        closed.await(d.toNanos(), TimeUnit.NANOSECONDS);
    }

    private Duration longer(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(config.retryMax()) > 0 ? config.retryMax() : doubled;
    }

    private void log(String what) {
        log.accept(name + ": " + what);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
