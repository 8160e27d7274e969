package io.jras.link;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A serial port through jSerialComm: the spec's speed, 8N1, optional RTS/CTS flow control, DTR
 * raised on open. Reads run on a platform thread of their own (jSerialComm blocks in native
 * code), so readers, virtual or not, wait on a lock. Every native wait is bounded by
 * {@value #POLL_MILLIS} ms, so {@link #close()} takes effect within that time.
 *
 * <p>A pseudo-terminal (a socat pty pair, say) opens like any port but has no modem lines: there
 * {@link #hasDtr()} is false and {@link #carrier()} is always true.
 */
public final class SerialTransport implements Transport {

    static final int POLL_MILLIS = 100;
    private static final int EACCES = 13;
    private static final int EBUSY = 16;

    /**
     * How to drive the port.
     *
     * @param rtsCts hardware flow control (modems want it)
     * @param watchCarrier report carrier from the CD line; without it (a null-modem cable, pppd's
     *     {@code local}) carrier is always reported present
     */
    public record Options(boolean rtsCts, boolean watchCarrier) {
        /** A plain serial line: no flow control, carrier not watched. */
        public static final Options LINE = new Options(false, false);
        /** A modem's line: RTS/CTS, carrier from CD. */
        public static final Options MODEM = new Options(true, true);
    }

    private final DeviceSpec.Serial spec;
    private final SerialPort port;
    private final Options options;
    private final boolean pty;
    private final ReentrantLock portLock = new ReentrantLock();
    private final PumpedInput input;
    private final OutputStream output;
    private volatile boolean closed;
    private boolean pumpEnded;
    private boolean portClosed;

    private SerialTransport(DeviceSpec.Serial spec, SerialPort port, Options options, boolean pty) {
        this.spec = spec;
        this.port = port;
        this.options = options;
        this.pty = pty;
        this.output = new PortOutput();
        this.input = PumpedInput.start("serial-reader " + spec.path(), this::readSome,
                Thread.ofPlatform().daemon(), this::pumpEnded);
    }

    /**
     * Opens and configures the port.
     *
     * @throws RasException 633 when the port does not exist, is busy, or cannot be opened
     */
    public static SerialTransport open(DeviceSpec.Serial spec, Options options) throws RasException {
        Objects.requireNonNull(options, "options");
        Path path = Path.of(spec.path());
        if (!Files.exists(path)) {
            throw new RasException(RasError.PORT_NOT_AVAILABLE, "no such port " + spec.path());
        }
        boolean pty = isPseudoTerminal(path);
        SerialPort port;
        try {
            port = SerialPort.getCommPort(spec.path());
        } catch (SerialPortInvalidPortException e) {
            throw new RasException(RasError.PORT_NOT_AVAILABLE, spec.path() + ": " + e.getMessage(), e);
        }
        port.setComPortParameters(spec.baud(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(options.rtsCts()
                ? SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED
                : SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                POLL_MILLIS, POLL_MILLIS);
        if (!port.openPort()) {
            throw new RasException(RasError.PORT_NOT_AVAILABLE, spec.path() + ": " + whyNotOpen(port.getLastErrorCode()));
        }
        if (!pty) {
            port.setDTR();
        }
        return new SerialTransport(spec, port, options, pty);
    }

    private static String whyNotOpen(int errno) {
        return switch (errno) {
            case EBUSY -> "the port is in use";
            case EACCES -> "permission denied (is the user in the dialout group?)";
            case 0 -> "cannot open the port";
            default -> "cannot open the port (errno " + errno + ")";
        };
    }

    // Linux ptys live under /dev/pts; a socat link=... symlink resolves there too.
    private static boolean isPseudoTerminal(Path path) {
        try {
            return path.toRealPath().startsWith("/dev/pts/");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public TimedInputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public String deviceType() {
        return "serial";
    }

    /** The port's path, as the user named it. */
    @Override
    public String deviceName() {
        return spec.path();
    }

    /** The spec, speed included. */
    public DeviceSpec.Serial spec() {
        return spec;
    }

    public Options options() {
        return options;
    }

    /** True for a real port; a pty has no DTR line. */
    @Override
    public boolean hasDtr() {
        return !pty;
    }

    @Override
    public void setDtr(boolean on) throws IOException {
        if (pty) {
            return;
        }
        portLock.lock();
        try {
            if (closed) {
                throw new IOException(spec.path() + " is closed");
            }
            if (!(on ? port.setDTR() : port.clearDTR())) {
                throw new IOException(spec.path() + ": cannot " + (on ? "raise" : "drop") + " DTR");
            }
        } finally {
            portLock.unlock();
        }
    }

    /** CD when {@link Options#watchCarrier()} and the port has modem lines; true otherwise. */
    @Override
    public boolean carrier() {
        return !options.watchCarrier() || pty || closed || port.getDCD();
    }

    @Override
    public void close() {
        portLock.lock();
        try {
            closed = true;
            input.close();
            if (pumpEnded) {
                closePort();
            }
        } finally {
            portLock.unlock();
        }
    }

    @Override
    public String toString() {
        return spec.toString();
    }

    // The pump's source; the port stays open while it runs (only pumpEnded closes it after a close).
    private int readSome(byte[] b, int off, int len) throws IOException {
        if (closed) {
            return -1;
        }
        int n = port.readBytes(b, len, off);
        if (n < 0) {
            if (closed) {
                return -1;
            }
            throw new IOException(spec.path() + ": read failed (errno " + port.getLastErrorCode() + "); was the device unplugged?");
        }
        return n;
    }

    private void pumpEnded() {
        portLock.lock();
        try {
            pumpEnded = true;
            if (closed) {
                closePort();
            }
        } finally {
            portLock.unlock();
        }
    }

    private void closePort() {
        if (!portClosed) {
            portClosed = true;
            port.closePort();
        }
    }

    /** Writes under the lock that close takes, in waits of at most POLL_MILLIS. */
    private final class PortOutput extends ChunkedOutputStream {
        PortOutput() {
            super(spec.path());
        }

        @Override
        protected int writeSome(byte[] b, int off, int len) throws IOException {
            portLock.lock();
            try {
                if (closed) {
                    throw new IOException(spec.path() + " is closed");
                }
                int n = port.writeBytes(b, len, off);
                if (n < 0) {
                    throw new IOException(spec.path() + ": write failed (errno " + port.getLastErrorCode() + ")");
                }
                return n;
            } finally {
                portLock.unlock();
            }
        }
    }
}
