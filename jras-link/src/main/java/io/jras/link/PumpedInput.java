package io.jras.link;

import java.io.IOException;

/**
 * A {@link TimedInputStream} filled by a thread of its own that reads a blocking source. Sources
 * that block in native code (a serial port, a pty) get a platform thread, so a virtual thread
 * reading this stream waits on a lock and never pins its carrier.
 */
public final class PumpedInput extends RingInputStream {

    /** Capacity between the pump and the reader; a full ring stops the pump (back-pressure). */
    static final int CAPACITY = 64 * 1024;

    /** A blocking read: the count read, -1 at the end, or 0 for "nothing yet, ask again". */
    @FunctionalInterface
    public interface Source {
        int read(byte[] b, int off, int len) throws IOException;
    }

    private PumpedInput() {
        super(new ByteRing(CAPACITY));
    }

    /** Starts a thread named {@code name}, built by {@code threads}, that pumps {@code source}. */
    public static PumpedInput start(String name, Source source, Thread.Builder threads) {
        return start(name, source, threads, () -> { });
    }

    /** As above; the pump thread runs {@code onEnd} as its last act, however it ends. */
    public static PumpedInput start(String name, Source source, Thread.Builder threads, Runnable onEnd) {
        PumpedInput input = new PumpedInput();
        threads.name(name).start(() -> {
            try {
                input.pump(source);
            } finally {
                onEnd.run();
            }
        });
        return input;
    }

    private void pump(Source source) {
        byte[] chunk = new byte[8192];
        try {
            while (true) {
                int n = source.read(chunk, 0, chunk.length);
                if (n < 0) {
                    ring.finish(null);
                    return;
                }
                if (n > 0) {
                    ring.write(chunk, 0, n);
                }
            }
        } catch (IOException e) {
            ring.finish(e);
        } catch (RuntimeException e) {
            ring.finish(new IOException("the line failed: " + e, e));
        }
    }
}
