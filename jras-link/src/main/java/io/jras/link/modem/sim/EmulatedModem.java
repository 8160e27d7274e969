package io.jras.link.modem.sim;

import io.jras.link.RasException;
import io.jras.link.TcpTransport;
import io.jras.link.TimedInputStream;
import io.jras.link.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One emulated Hayes modem on one line. In command mode it echoes (E1), collects a command line
 * up to CR and answers it; a dial either connects the line to a TCP endpoint (CONNECT 115200,
 * then bytes are relayed both ways untouched) or fails with the number's result after a delay.
 * On line, {@code +++} between guard times returns to command mode with the call held (ATO
 * resumes it, ATH ends it); the far end closing says NO CARRIER.
 *
 * <p>Calls between emulated modems go through the {@link Exchange}: dialing a subscriber number
 * rings that line ({@link #offer}); the called modem says RING, counts it in S1 and answers on ATA
 * or at the S0-th ring; the caller waits up to S7 seconds. A connected call's far end is the other
 * modem's end of an in-memory pair, so everything above (relay, escape, NO CARRIER) works the same.
 *
 * <p>Threads: the line's reader (this modem's {@link #run()}) owns the command state; a relay
 * thread per call copies far-end bytes to the line; a ringer thread per incoming call says RING
 * and may auto-answer. {@code stateLock} guards the call, the on-line flag, the ringing call, the
 * hook and the S-registers; {@code writeLock} keeps writes to the line whole. Order: stateLock,
 * then writeLock.
 */
final class EmulatedModem {

    static final int SPEED = 115_200;
    /** How often a caller waiting for an answer looks at its own line meanwhile. */
    private static final Duration RING_POLL = Duration.ofMillis(20);
    private static final int S_AUTO_ANSWER = 0;
    private static final int S_RING_COUNT = 1;
    private static final int S_ESCAPE_CHAR = 2;
    private static final int S_CARRIER_WAIT = 7;
    private static final int S_GUARD_TIME = 12;
    private static final Map<String, String> NUMERIC = Map.of(
            "OK", "0", "RING", "2", "NO CARRIER", "3", "ERROR", "4", "NO DIALTONE", "6", "BUSY", "7", "NO ANSWER", "8");

    private final int id;
    private final Transport line;
    private final TimedInputStream in;
    private final OutputStream out;
    private final Map<String, Destination> numbers;
    private final Exchange exchange;
    /** The subscriber number this modem's line has, or null for a line that can only dial. */
    private final String subscriber;
    private final ModemEmulator.Options options;
    private final Consumer<String> log;
    private final InstantSource clock = InstantSource.system();

    private final ReentrantLock stateLock = new ReentrantLock();
    private final Condition onlineChanged = stateLock.newCondition();
    private final ReentrantLock writeLock = new ReentrantLock();

    // command-mode state: the reader thread's alone (the ringer reads the result format too)
    private boolean echo;
    private volatile boolean verbose;
    private volatile boolean quiet;
    private final StringBuilder commandLine = new StringBuilder();
    private volatile EscapeDetector escape;

    // guarded by stateLock
    private final int[] registers = new int[256];
    private Call call;
    private boolean online;
    private boolean closed;
    /** An incoming call while it rings. */
    private IncomingCall ringing;
    /** Dialing out: a call coming in now finds the line busy. */
    private boolean dialing;
    /** ATH1: off hook without a call; busy too. */
    private boolean offHook;

    /** A connected call; {@code ended} once either side has ended it. */
    private static final class Call {
        final String number;
        final Transport far;
        boolean ended;

        Call(String number, Transport far) {
            this.number = number;
            this.far = far;
        }
    }

    EmulatedModem(int id, Transport line, Map<String, Destination> numbers, Exchange exchange, String subscriber,
            ModemEmulator.Options options, Consumer<String> log) throws IOException {
        this.id = id;
        this.line = line;
        this.in = TimedInputStream.of(line.input(), "modem-sim-line-" + id);
        this.out = line.output();
        this.numbers = numbers;
        this.exchange = exchange;
        this.subscriber = subscriber;
        this.options = options;
        this.log = log;
        reset();
    }

    /** Serves the line until it ends or the modem is closed. */
    void run() {
        byte[] buffer = new byte[8192];
        try {
            while (true) {
                if (isOnline()) {
                    Optional<Instant> due = escape.deadline();
                    int n = due.isPresent()
                            ? in.read(buffer, 0, buffer.length, nonNegative(Duration.between(clock.instant(), due.get())))
                            : in.read(buffer, 0, buffer.length);
                    if (n < 0) {
                        return;
                    }
                    if (n == 0) {
                        if (escape.onTimeout(clock.instant())) {
                            escaped();
                        }
                    } else {
                        onlineBytes(buffer, 0, n, clock.instant());
                    }
                } else {
                    int n = in.read(buffer, 0, buffer.length);
                    if (n < 0) {
                        return;
                    }
                    if (isOnline()) {
                        onlineBytes(buffer, 0, n, clock.instant()); // auto-answered while this read waited
                    } else {
                        commandBytes(buffer, 0, n);
                    }
                }
            }
        } catch (IOException e) {
            // the line is gone
        } finally {
            close();
        }
    }

    /** Closes the line and any call; the reader and relay threads end. */
    void close() {
        Call c;
        stateLock.lock();
        try {
            closed = true;
            c = call;
            call = null;
            online = false;
            ringing = null;
            onlineChanged.signalAll();
        } finally {
            stateLock.unlock();
        }
        if (c != null) {
            closeQuietly(c.far);
        }
        closeQuietly(line);
    }

    private void onlineBytes(byte[] b, int off, int len, Instant now) throws IOException {
        Call c = onlineCall();
        if (c == null) {
            commandBytes(b, off, len); // the call dropped while these were on their way
            return;
        }
        escape.onBytes(b, off, len, now);
        try {
            OutputStream far = c.far.output();
            far.write(b, off, len);
            far.flush();
        } catch (IOException e) {
            farEnded(c);
        }
    }

    private void commandBytes(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            int c = b[i] & 0xff;
            if (echo) {
                write(new byte[] {(byte) c});
            }
            if (c == '\r') {
                String text = commandLine.toString();
                commandLine.setLength(0);
                execute(text);
                if (isOnline() && i + 1 < off + len) {
                    onlineBytes(b, i + 1, off + len - i - 1, clock.instant());
                    return;
                }
            } else if (c == 8 || c == 127) {
                commandLine.setLength(Math.max(0, commandLine.length() - 1));
            } else if (c != '\n' && commandLine.length() < 256) {
                commandLine.append((char) c);
            }
        }
    }

    // Text before "AT" is skipped, as modems do; a line without AT is no command at all.
    private void execute(String text) throws IOException {
        int at = text.toUpperCase(Locale.ROOT).indexOf("AT");
        if (at < 0) {
            return;
        }
        List<AtCommand> commands;
        try {
            commands = AtCommand.parse(text.substring(at + 2));
        } catch (IllegalArgumentException e) {
            respond("ERROR");
            return;
        }
        for (AtCommand command : commands) {
            switch (command) {
                case AtCommand.Dial d -> {
                    dial(d.dialString());
                    return;
                }
                case AtCommand.SetRegister s -> {
                    if (s.value() > 255) {
                        respond("ERROR");
                        return;
                    }
                    setRegister(s.register(), s.value());
                }
                case AtCommand.QueryRegister q -> info(String.format("%03d", register(q.register())));
                case AtCommand.Basic basic -> {
                    switch (basic(basic)) {
                        case GO_ON -> { }
                        case END_WITH_OK -> {
                            respond("OK");
                            return;
                        }
                        case ANSWERED -> {
                            return;
                        }
                    }
                }
            }
        }
        respond("OK");
    }

    /** What follows a letter command on its line. */
    private enum Next { GO_ON, END_WITH_OK, ANSWERED }

    private Next basic(AtCommand.Basic command) throws IOException {
        int v = command.value();
        switch (command.name()) {
            case "E", "V", "Q" -> {
                if (v > 1) {
                    respond("ERROR");
                    return Next.ANSWERED;
                }
                switch (command.name()) {
                    case "E" -> echo = v == 1;
                    case "V" -> verbose = v == 1;
                    default -> quiet = v == 1;
                }
            }
            case "Z" -> {
                reset();
                return Next.END_WITH_OK; // the rest of the line goes unread after Z
            }
            case "&F" -> reset();
            case "H" -> {
                if (v > 1) {
                    respond("ERROR");
                    return Next.ANSWERED;
                }
                hangUp();
                setOffHook(v == 1);
            }
            case "O" -> {
                resume();
                return Next.ANSWERED;
            }
            case "A" -> {
                answer(null);
                return Next.ANSWERED;
            }
            case "I" -> info("jras Hayes modem emulator");
            default -> { } // L, M, X, &C, &D, &K, &V, &W: accepted, nothing to do
        }
        return Next.GO_ON;
    }

    private void dial(String dialString) throws IOException {
        stateLock.lock();
        try {
            if (call != null) {
                respond("ERROR"); // a call is held: ATH or ATO first
                return;
            }
            dialing = true;
            offHook = false;
        } finally {
            stateLock.unlock();
        }
        try {
            dialOut(dialString);
        } finally {
            stateLock.lock();
            try {
                dialing = false;
            } finally {
                stateLock.unlock();
            }
        }
    }

    private void dialOut(String dialString) throws IOException {
        String number = ModemEmulator.normalize(dialString);
        String shown = "ATD" + dialString;
        if (exchange.isSubscriber(number)) {
            callSubscriber(number, shown);
            return;
        }
        Destination destination = numbers.get(number);
        if (!(destination instanceof Destination.Remote remote)) {
            String result = destination instanceof Destination.Refusal r ? r.result() : "NO CARRIER";
            // logged before the result goes out, so the log is complete when the caller hears it
            if (awaitDialDelay()) {
                log(shown + " -> NO CARRIER (aborted by the DTE)");
                respond("NO CARRIER");
                return;
            }
            log(shown + " -> " + result + (destination == null ? " (no such number)" : ""));
            respond(result);
            return;
        }
        Transport far;
        try {
            far = TcpTransport.connect(remote.target(), options.connectTimeout());
        } catch (RasException e) {
            log(shown + " -> NO CARRIER (" + remote.target() + ": " + e.getMessage() + ")");
            respond("NO CARRIER");
            return;
        }
        log(shown + " -> CONNECT " + SPEED + " to " + remote.target());
        connect(new Call(number, far));
    }

    /** Says CONNECT and goes on line with {@code c}, relaying its far end to the line. */
    private void connect(Call c) throws IOException {
        respond("CONNECT " + SPEED);
        stateLock.lock();
        try {
            if (closed) {
                closeQuietly(c.far);
                return;
            }
            call = c;
            goOnline();
        } finally {
            stateLock.unlock();
        }
        Thread.ofVirtual().name("modem-sim-relay-" + id).start(() -> relay(c));
    }

    // ---------------------------------------------------------------- calls between emulated modems

    /**
     * Calls another emulated modem through the exchange: BUSY after the dial delay, or ringing
     * until it answers (CONNECT on both sides), the DTE sends a character (NO CARRIER) or S7
     * seconds pass (NO ANSWER).
     */
    private void callSubscriber(String number, String shown) throws IOException {
        Exchange.Placed placed = exchange.place(number, this);
        if (placed instanceof Exchange.Placed.Busy busy) {
            if (awaitDialDelay()) {
                log(shown + " -> NO CARRIER (aborted by the DTE)");
                respond("NO CARRIER");
                return;
            }
            log(shown + " -> BUSY (" + busy.why() + ")");
            respond("BUSY");
            return;
        }
        IncomingCall incoming = ((Exchange.Placed.Ringing) placed).call();
        log(shown + " -> ringing line " + number
                + (((Exchange.Placed.Ringing) placed).attended() ? "" : " (no DTE attached to it)"));
        int waitSeconds = Math.max(1, register(S_CARRIER_WAIT));
        long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
        byte[] one = new byte[1];
        String gaveUp;
        try {
            while (true) {
                if (incoming.state() == IncomingCall.State.ANSWERED) {
                    log(shown + " -> CONNECT " + SPEED + " to line " + number);
                    connect(new Call(number, incoming.callerEnd()));
                    return;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    gaveUp = "NO ANSWER";
                    break;
                }
                // The answer comes from another thread; the line is looked at in short slices meanwhile.
                int n = in.read(one, 0, 1, Duration.ofNanos(Math.min(left, RING_POLL.toNanos())));
                if (n < 0) {
                    throw new IOException("the line ended");
                }
                if (n > 0) {
                    gaveUp = "NO CARRIER";
                    break;
                }
            }
        } catch (IOException e) {
            if (!incoming.abandon()) {
                closeQuietly(incoming.callerEnd()); // answered just now: the called line hears NO CARRIER
            }
            throw e;
        }
        if (!incoming.abandon()) {
            // It was answered as the caller gave up: hang the new call up again.
            closeQuietly(incoming.callerEnd());
            gaveUp = "NO CARRIER";
        }
        log(shown + " -> " + gaveUp + (gaveUp.equals("NO ANSWER") ? " (no answer within S7=" + waitSeconds + " s)"
                : " (aborted by the DTE)"));
        respond(gaveUp);
    }

    /**
     * The exchange offers a call: this line rings unless it is busy (off hook, dialing, ringing
     * already, or in a call, held ones included). Any thread.
     */
    boolean offer(IncomingCall incoming) {
        stateLock.lock();
        try {
            if (closed || call != null || dialing || offHook || (ringing != null && ringing.ringing())) {
                return false;
            }
            ringing = incoming;
            registers[S_RING_COUNT] = 0;
        } finally {
            stateLock.unlock();
        }
        Thread.ofVirtual().name("modem-sim-ring-" + id).start(() -> ring(incoming));
        return true;
    }

    /**
     * RING every ring interval while the call rings, counting in S1; with S0 = n > 0 the modem
     * answers by itself at the n-th ring.
     */
    private void ring(IncomingCall incoming) {
        try {
            while (true) {
                boolean answerNow;
                stateLock.lock();
                try {
                    if (closed || ringing != incoming || !incoming.ringing()) {
                        if (ringing == incoming) {
                            ringing = null;
                        }
                        return;
                    }
                    registers[S_RING_COUNT] = Math.min(255, registers[S_RING_COUNT] + 1);
                    answerNow = registers[S_AUTO_ANSWER] > 0 && registers[S_RING_COUNT] >= registers[S_AUTO_ANSWER];
                    respond("RING"); // under the lock: an ATA meanwhile cannot put this RING after its CONNECT
                } finally {
                    stateLock.unlock();
                }
                if (answerNow) {
                    answer(incoming);
                    return;
                }
                incoming.awaitChange(options.ringInterval());
            }
        } catch (IOException | InterruptedException e) {
            // the line is gone; the caller hears NO ANSWER in time
        }
    }

    /**
     * ATA, or S0's auto-answer: picks up the ringing call ({@code expected}, or whichever rings
     * for ATA), CONNECT on both sides; NO CARRIER when nothing rings (any more).
     */
    private void answer(IncomingCall expected) throws IOException {
        IncomingCall incoming;
        stateLock.lock();
        try {
            incoming = ringing;
            if (incoming != null && (expected == null || expected == incoming)) {
                ringing = null;
            } else {
                incoming = null;
            }
        } finally {
            stateLock.unlock();
        }
        Transport end = incoming == null ? null : incoming.answer();
        if (end == null) {
            respond("NO CARRIER"); // nothing rings: the caller gave up, or nobody called
            return;
        }
        log((expected == null ? "ATA" : "S0 auto-answer") + " -> CONNECT " + SPEED + " (call to " + incoming.number() + ")");
        connect(new Call(incoming.number(), end));
    }

    private void setOffHook(boolean on) {
        stateLock.lock();
        try {
            offHook = on;
        } finally {
            stateLock.unlock();
        }
    }

    private int register(int n) {
        stateLock.lock();
        try {
            return registers[n];
        } finally {
            stateLock.unlock();
        }
    }

    private void setRegister(int n, int value) {
        stateLock.lock();
        try {
            registers[n] = value;
        } finally {
            stateLock.unlock();
        }
    }

    /** True when the DTE aborted the dial by sending a character during the delay. */
    private boolean awaitDialDelay() throws IOException {
        long deadline = System.nanoTime() + options.dialDelay().toNanos();
        byte[] one = new byte[1];
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            int n = in.read(one, 0, 1, Duration.ofNanos(left));
            if (n < 0) {
                throw new IOException("the line ended");
            }
            if (n > 0) {
                return true;
            }
        }
    }

    private void escaped() throws IOException {
        stateLock.lock();
        try {
            if (!online) {
                return;
            }
            online = false;
            onlineChanged.signalAll();
        } finally {
            stateLock.unlock();
        }
        respond("OK");
    }

    private void resume() throws IOException {
        Call c = currentCall();
        if (c == null) {
            respond("NO CARRIER");
            return;
        }
        respond("CONNECT " + SPEED);
        stateLock.lock();
        try {
            if (call == c) {
                goOnline();
            }
        } finally {
            stateLock.unlock();
        }
    }

    // Holds stateLock.
    private void goOnline() {
        online = true;
        escape = new EscapeDetector(guardTime(), (byte) registers[S_ESCAPE_CHAR], clock.instant());
        onlineChanged.signalAll();
    }

    private void hangUp() {
        Call c;
        stateLock.lock();
        try {
            c = call;
            if (c != null) {
                c.ended = true;
                call = null;
                online = false;
                onlineChanged.signalAll();
            }
        } finally {
            stateLock.unlock();
        }
        if (c != null) {
            closeQuietly(c.far);
        }
    }

    /** Far end to line, while on line; waits while the call is held. */
    private void relay(Call c) {
        byte[] buffer = new byte[8192];
        try {
            InputStream far = c.far.input();
            while (true) {
                int n = far.read(buffer);
                if (n < 0) {
                    break;
                }
                stateLock.lock();
                try {
                    while (call == c && !online && !closed) {
                        onlineChanged.await();
                    }
                    if (call != c) {
                        return;
                    }
                } finally {
                    stateLock.unlock();
                }
                write(buffer, 0, n);
            }
        } catch (IOException | InterruptedException e) {
            // the far end or the line is gone
        }
        farEnded(c);
    }

    private void farEnded(Call c) {
        stateLock.lock();
        try {
            if (c.ended || call != c) {
                return;
            }
            c.ended = true;
            call = null;
            online = false;
            onlineChanged.signalAll();
        } finally {
            stateLock.unlock();
        }
        closeQuietly(c.far);
        try {
            respond("NO CARRIER");
        } catch (IOException e) {
            // the line is gone too
        }
    }

    private void reset() {
        echo = true;
        verbose = true;
        quiet = false;
        stateLock.lock();
        try {
            offHook = false; // ATZ and AT&F put the line back on hook
            Arrays.fill(registers, 0);
            registers[S_ESCAPE_CHAR] = '+';
            registers[S_CARRIER_WAIT] = (int) Math.clamp(options.carrierWait().toSeconds(), 1, 255);
            registers[S_GUARD_TIME] = Math.clamp(options.guardTime().toMillis() / 20, 1, 255);
        } finally {
            stateLock.unlock();
        }
    }

    // S12 counts fiftieths of a second. Holds stateLock.
    private Duration guardTime() {
        return Duration.ofMillis(20L * Math.max(1, registers[S_GUARD_TIME]));
    }

    private void respond(String result) throws IOException {
        if (quiet) {
            return;
        }
        if (verbose) {
            write(("\r\n" + result + "\r\n").getBytes(StandardCharsets.US_ASCII));
        } else {
            String code = result.startsWith("CONNECT") ? "1" : NUMERIC.getOrDefault(result, result);
            write((code + "\r").getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void info(String text) throws IOException {
        write(("\r\n" + text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private void write(byte[] bytes) throws IOException {
        write(bytes, 0, bytes.length);
    }

    private void write(byte[] bytes, int off, int len) throws IOException {
        writeLock.lock();
        try {
            out.write(bytes, off, len);
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    private boolean isOnline() {
        stateLock.lock();
        try {
            return online;
        } finally {
            stateLock.unlock();
        }
    }

    private Call onlineCall() {
        stateLock.lock();
        try {
            return online ? call : null;
        } finally {
            stateLock.unlock();
        }
    }

    private Call currentCall() {
        stateLock.lock();
        try {
            return call;
        } finally {
            stateLock.unlock();
        }
    }

    private void log(String what) {
        log.accept("line " + id + " (" + (subscriber == null ? "" : subscriber + " ") + line.deviceName() + "): " + what);
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static void closeQuietly(Transport t) {
        try {
            t.close();
        } catch (IOException ignored) {
            // closing is all that is left to do
        }
    }
}
