package io.jras.link;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An output stream over a device whose writes wait in bounded native steps (a serial port, a
 * pty): {@link #writeSome} writes what fits within one short wait, possibly nothing, and this
 * class loops until all is written, one writer at a time, stopping when the thread is interrupted.
 * Bounded steps let a close take the device between two of them.
 */
public abstract class ChunkedOutputStream extends OutputStream {

    private final ReentrantLock writeLock = new ReentrantLock();
    private final String name;

    /** @param name the device, for the interruption message */
    protected ChunkedOutputStream(String name) {
        this.name = name;
    }

    /** Writes some of {@code b[off, off+len)} in at most one short wait; returns the count (may be 0). */
    protected abstract int writeSome(byte[] b, int off, int len) throws IOException;

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        writeLock.lock();
        try {
            while (len > 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("interrupted while writing to " + name);
                }
                int n = writeSome(b, off, len);
                off += n;
                len -= n;
            }
        } finally {
            writeLock.unlock();
        }
    }
}
