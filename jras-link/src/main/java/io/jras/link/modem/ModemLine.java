package io.jras.link.modem;

import io.jras.link.DeviceSpec;
import io.jras.link.RasError;
import io.jras.link.RasException;
import io.jras.link.TimedInputStream;
import io.jras.link.Transport;
import io.jras.link.Transports;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * The line to a Hayes modem: the chat reads response lines from it with time limits, and after
 * CONNECT its {@link #input()} carries the data from the very next byte (whatever followed the
 * CONNECT line in the same read is still there). Opening one starts nothing on the modem; see
 * {@link ModemSession} for dialing and hanging up.
 *
 * <p>One reader at a time: the chat while dialing or hanging up, the data phase in between.
 * Reads are interruptible; closing the line ends a pending read.
 *
 * <p>In the data phase the modem's own {@code NO CARRIER} (the far end hung up) ends the data
 * stream after the bytes that carried it, {@link #carrier()} turns false and the mode becomes
 * {@link Mode#COMMAND}, so the hang-up is just ATH0. That is the only way a modem reached over TCP
 * can say the call dropped. A peer that sends those very bytes ends its own call, which it may
 * do anyway; PPP's async framing escapes CR unless the peer's ACCM allows it.
 */
public final class ModemLine implements Transport {

    /** Longer response lines are cut here: a line of modem noise must not grow without end. */
    static final int MAX_LINE = 256;

    /** Longer waits are cut to this (a day): no chat step waits that long, and nanos stay in range. */
    private static final Duration MAX_WAIT = Duration.ofDays(1);

    /** What the modem is known to be doing, which decides how it is hung up. */
    public enum Mode {
        /** Not known (just opened, or a chat was cut short): the hang-up escapes first. */
        UNKNOWN,
        /** Listening for commands: ATH0 is enough. */
        COMMAND,
        /** On line: the hang-up escapes with +++ first. */
        DATA,
    }

    private final Transport line;
    private final TimedInputStream in;
    private final StringBuilder partial = new StringBuilder();
    private final TimedInputStream data = new DataInput();
    private int pushedBack = -1;
    private volatile Mode mode = Mode.UNKNOWN;
    /** The data phase's reader's alone: how much of {@link #NO_CARRIER} the data ended with. */
    private int noCarrierMatched;
    private volatile boolean carrierLost;

    private static final byte[] NO_CARRIER = "\r\nNO CARRIER\r".getBytes(StandardCharsets.US_ASCII);

    private ModemLine(Transport line, TimedInputStream in) {
        this.line = line;
        this.in = in;
    }

    /**
     * Opens the line of {@code spec} (see {@link Transports#open}) and puts a modem line over it.
     *
     * @throws RasException as {@link Transports#open} does
     */
    public static ModemLine open(DeviceSpec.Modem spec, Duration timeout) throws RasException {
        Transport line = Transports.open(spec, timeout);
        try {
            return over(line);
        } catch (IOException e) {
            try {
                line.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new RasException(RasError.PORT_NOT_AVAILABLE, spec + ": " + e.getMessage(), e);
        }
    }

    /** The modem on {@code line} (a TCP or serial line, or a memory pair in tests). */
    public static ModemLine over(Transport line) throws IOException {
        Objects.requireNonNull(line, "line");
        return new ModemLine(line, TimedInputStream.of(line.input(), "modem-reader " + line.deviceName()));
    }

    /** Writes {@code command}, adding the carriage return to a command line. */
    public void send(ModemCommand command) throws IOException {
        String wire = command.terminated() ? command.text() + "\r" : command.text();
        OutputStream out = line.output();
        out.write(wire.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * The next non-empty response line, without its line end (CR, LF or both), waiting at most
     * {@code timeout}; a partial line survives a timeout.
     *
     * @return the line, or null when the time ran out first
     * @throws EOFException at the end of the line
     */
    public String readLine(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + Math.max(0, timeout.compareTo(MAX_WAIT) > 0 ? MAX_WAIT.toNanos() : timeout.toNanos());
        while (true) {
            int b = nextByte(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (b == -2) {
                return null;
            }
            if (b == -1) {
                if (!partial.isEmpty()) {
                    return take();
                }
                throw new EOFException("the modem line ended");
            }
            if (b == '\r' || b == '\n') {
                if (b == '\r') {
                    swallowLineFeed();
                }
                if (!partial.isEmpty()) {
                    return take();
                }
                continue;
            }
            partial.append((char) b);
            if (partial.length() >= MAX_LINE) {
                return take();
            }
        }
    }

    public Mode mode() {
        return mode;
    }

    void mode(Mode mode) {
        if (mode == Mode.DATA) {
            noCarrierMatched = 0; // a new call: whatever the last one said is over
            carrierLost = false;
        }
        this.mode = mode;
    }

    /** The line the modem sits on. */
    public Transport line() {
        return line;
    }

    /** The data stream: bytes the chat has not consumed, in order. */
    @Override
    public TimedInputStream input() {
        return data;
    }

    @Override
    public OutputStream output() throws IOException {
        return line.output();
    }

    @Override
    public String deviceType() {
        return "modem";
    }

    /** The name of the line the modem sits on. */
    @Override
    public String deviceName() {
        return line.deviceName();
    }

    @Override
    public boolean hasDtr() {
        return line.hasDtr();
    }

    @Override
    public void setDtr(boolean on) throws IOException {
        line.setDtr(on);
    }

    /** False when the line's CD is down, or the modem said NO CARRIER during the data phase. */
    @Override
    public boolean carrier() {
        return !carrierLost && line.carrier();
    }

    /** Watches data-phase bytes for the modem's NO CARRIER (a byte at a time, no repeated prefix but CR). */
    private void watch(byte[] b, int off, int n) {
        for (int i = off; i < off + n && !carrierLost; i++) {
            if (b[i] == NO_CARRIER[noCarrierMatched]) {
                if (++noCarrierMatched == NO_CARRIER.length) {
                    carrierLost = true;
                    mode = Mode.COMMAND;
                }
            } else {
                noCarrierMatched = b[i] == NO_CARRIER[0] ? 1 : 0;
            }
        }
    }

    /** A data-phase read's result: watched, and -1 once the carrier is lost. */
    private int data(byte[] b, int off, int n) {
        if (n > 0 && mode == Mode.DATA) {
            watch(b, off, n);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        try {
            line.close();
        } finally {
            in.close();
        }
    }

    @Override
    public String toString() {
        return "modem on " + line;
    }

    /** A byte, -1 at the end, -2 when the time ran out. */
    private int nextByte(Duration timeout) throws IOException {
        synchronized (this) {
            if (pushedBack >= 0) {
                int b = pushedBack;
                pushedBack = -1;
                return b;
            }
        }
        byte[] one = new byte[1];
        int n = in.read(one, 0, 1, timeout);
        return n < 0 ? -1 : n == 0 ? -2 : one[0] & 0xff;
    }

    // A CR usually comes with its LF; taking it now keeps it out of the data after CONNECT.
    private void swallowLineFeed() throws IOException {
        int b = nextByte(Duration.ZERO);
        if (b >= 0 && b != '\n') {
            synchronized (this) {
                pushedBack = b;
            }
        }
    }

    private String take() {
        String s = partial.toString();
        partial.setLength(0);
        return s;
    }

    private final class DataInput extends TimedInputStream {
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (carrierLost) {
                return -1;
            }
            synchronized (ModemLine.this) {
                if (pushedBack >= 0) {
                    b[off] = (byte) pushedBack;
                    pushedBack = -1;
                    return data(b, off, 1);
                }
            }
            return data(b, off, in.read(b, off, len));
        }

        @Override
        public int read(byte[] b, int off, int len, Duration timeout) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (carrierLost) {
                return -1;
            }
            synchronized (ModemLine.this) {
                if (pushedBack >= 0) {
                    b[off] = (byte) pushedBack;
                    pushedBack = -1;
                    return data(b, off, 1);
                }
            }
            return data(b, off, in.read(b, off, len, timeout));
        }

        @Override
        public int available() throws IOException {
            synchronized (ModemLine.this) {
                return (pushedBack >= 0 ? 1 : 0) + in.available();
            }
        }

        @Override
        public void close() throws IOException {
            ModemLine.this.close();
        }
    }
}
