package io.jras.link.modem;

import io.jras.link.TimedInputStream;
import io.jras.link.Transport;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One answered call on a modem line, as a byte line for PPP. Closing it ends the call's use of the
 * line, not the line: a pending read returns the end of the stream (within {@link #SLICE}), later
 * writes fail, and the {@link ModemAnswerer} that handed it out hangs the modem up and waits for
 * the next call.
 *
 * <p>The caller hanging up ends the stream too: where the port reports carrier detect, by its
 * drop; on any line, by the modem's own {@code NO CARRIER} in the data (see {@link ModemLine}).
 */
public final class AnsweredCall implements Transport {

    /** How often a read waiting for the caller looks whether the call has ended meanwhile. */
    static final Duration SLICE = Duration.ofMillis(100);

    private final ModemLine line;
    private final String name;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final TimedInputStream input = new CallInput();
    private final OutputStream output = new CallOutput();

    /** @param name the line as the user named it, e.g. {@code modem:tcp:127.0.0.1:5001} */
    AnsweredCall(ModemLine line, String name) {
        this.line = Objects.requireNonNull(line, "line");
        this.name = Objects.requireNonNull(name, "name");
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
        return "modem";
    }

    @Override
    public String deviceName() {
        return name;
    }

    @Override
    public boolean carrier() {
        return line.carrier();
    }

    /** Ends the call's use of the line; idempotent. The modem is hung up by its answerer. */
    @Override
    public void close() {
        ended.countDown();
    }

    public boolean ended() {
        return ended.getCount() == 0;
    }

    /** Whether the call dropped on the caller's side (NO CARRIER, or CD down). */
    public boolean carrierLost() {
        return !line.carrier();
    }

    /** Waits until the call is closed; true if it was within {@code timeout}. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public String toString() {
        return "call on " + name;
    }

    private final class CallInput extends TimedInputStream {
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (true) {
                int n = read(b, off, len, SLICE);
                if (n != 0 || len == 0) {
                    return n;
                }
            }
        }

        @Override
        public int read(byte[] b, int off, int len, Duration timeout) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
            while (true) {
                if (ended() || !line.carrier()) {
                    return -1;
                }
                if (len == 0) {
                    return 0;
                }
                long left = deadline - System.nanoTime();
                int n = line.input().read(b, off, len, Duration.ofNanos(Math.clamp(left, 0, SLICE.toNanos())));
                if (n != 0 || left <= SLICE.toNanos()) {
                    return ended() ? -1 : n;
                }
            }
        }

        @Override
        public void close() {
            AnsweredCall.this.close();
        }
    }

    private final class CallOutput extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (ended()) {
                throw new IOException("the call on " + name + " has ended");
            }
            line.output().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            line.output().flush();
        }

        @Override
        public void close() {
            AnsweredCall.this.close();
        }
    }
}
