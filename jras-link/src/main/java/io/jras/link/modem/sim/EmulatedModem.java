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
 * <p>Threads: the line's reader (this modem's {@link #run()}) owns the command state; a relay
 * thread per call copies far-end bytes to the line. {@code stateLock} guards the call and the
 * on-line flag; {@code writeLock} keeps writes to the line whole. Order: stateLock, then writeLock.
 */
final class EmulatedModem {

    static final int SPEED = 115_200;
    private static final int S_ESCAPE_CHAR = 2;
    private static final int S_GUARD_TIME = 12;
    private static final Map<String, String> NUMERIC = Map.of(
            "OK", "0", "RING", "2", "NO CARRIER", "3", "ERROR", "4", "NO DIALTONE", "6", "BUSY", "7", "NO ANSWER", "8");

    private final int id;
    private final Transport line;
    private final TimedInputStream in;
    private final OutputStream out;
    private final Map<String, Destination> numbers;
    private final ModemEmulator.Options options;
    private final Consumer<String> log;
    private final InstantSource clock = InstantSource.system();

    private final ReentrantLock stateLock = new ReentrantLock();
    private final Condition onlineChanged = stateLock.newCondition();
    private final ReentrantLock writeLock = new ReentrantLock();

    // command-mode state: the reader thread's alone
    private boolean echo;
    private boolean verbose;
    private boolean quiet;
    private final int[] registers = new int[256];
    private final StringBuilder commandLine = new StringBuilder();
    private EscapeDetector escape;

    // guarded by stateLock
    private Call call;
    private boolean online;
    private boolean closed;

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

    EmulatedModem(int id, Transport line, Map<String, Destination> numbers, ModemEmulator.Options options,
            Consumer<String> log) throws IOException {
        this.id = id;
        this.line = line;
        this.in = TimedInputStream.of(line.input(), "modem-sim-line-" + id);
        this.out = line.output();
        this.numbers = numbers;
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
                    commandBytes(buffer, 0, n);
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
                    registers[s.register()] = s.value();
                }
                case AtCommand.QueryRegister q -> info(String.format("%03d", registers[q.register()]));
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
            case "H" -> hangUp();
            case "O" -> {
                resume();
                return Next.ANSWERED;
            }
            case "A" -> {
                respond("NO CARRIER"); // no call is ringing
                return Next.ANSWERED;
            }
            case "I" -> info("jras Hayes modem emulator");
            default -> { } // L, M, X, &C, &D, &K, &V, &W: accepted, nothing to do
        }
        return Next.GO_ON;
    }

    private void dial(String dialString) throws IOException {
        if (currentCall() != null) {
            respond("ERROR"); // a call is held: ATH or ATO first
            return;
        }
        String number = ModemEmulator.normalize(dialString);
        Destination destination = numbers.get(number);
        String shown = "ATD" + dialString;
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
        Call c = new Call(number, far);
        log(shown + " -> CONNECT " + SPEED + " to " + remote.target());
        respond("CONNECT " + SPEED);
        stateLock.lock();
        try {
            if (closed) {
                closeQuietly(far);
                return;
            }
            call = c;
            goOnline();
        } finally {
            stateLock.unlock();
        }
        Thread.ofVirtual().name("modem-sim-relay-" + id).start(() -> relay(c));
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
        Arrays.fill(registers, 0);
        registers[S_ESCAPE_CHAR] = '+';
        registers[S_GUARD_TIME] = Math.clamp(options.guardTime().toMillis() / 20, 1, 255);
    }

    // S12 counts fiftieths of a second.
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
        log.accept("line " + id + " (" + line.deviceName() + "): " + what);
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
