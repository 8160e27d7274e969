package io.jras.link;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded byte queue between one writer and one reader thread. The writer blocks while it is
 * full (back-pressure reaches the line); the reader blocks with or without a time limit. Waiting
 * is on a {@link ReentrantLock}, so virtual threads unmount while they wait.
 */
final class ByteRing {

    private final byte[] buffer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private int head;
    private int count;
    private boolean finished;
    private IOException failure;
    private boolean readClosed;

    ByteRing(int capacity) {
        buffer = new byte[capacity];
    }

    /** Appends all of {@code b[off, off+len)}, waiting for room. */
    void write(byte[] b, int off, int len) throws IOException {
        lock.lock();
        try {
            while (len > 0) {
                while (count == buffer.length && !readClosed && !finished) {
                    try {
                        notFull.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while writing to the line");
                    }
                }
                if (readClosed || finished) {
                    throw new IOException("the line is closed");
                }
                int tail = (head + count) % buffer.length;
                int n = Math.min(len, Math.min(buffer.length - count, buffer.length - tail));
                System.arraycopy(b, off, buffer, tail, n);
                count += n;
                off += n;
                len -= n;
                notEmpty.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes up to {@code len} bytes: waits for at least one, at most {@code timeoutNanos} (negative:
     * no limit). Returns the count, 0 when the time ran out, -1 at the end.
     *
     * @throws IOException the writer's failure, once the bytes before it are read
     * @throws InterruptedIOException when the waiting thread is interrupted (its flag stays set)
     */
    int read(byte[] b, int off, int len, long timeoutNanos) throws IOException {
        if (len == 0) {
            return 0;
        }
        lock.lock();
        try {
            long nanos = timeoutNanos;
            while (count == 0) {
                if (readClosed) {
                    return -1;
                }
                if (finished) {
                    if (failure != null) {
                        throw new IOException(failure.getMessage(), failure);
                    }
                    return -1;
                }
                try {
                    if (timeoutNanos < 0) {
                        notEmpty.await();
                    } else if (nanos <= 0) {
                        return 0;
                    } else {
                        nanos = notEmpty.awaitNanos(nanos);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading the line");
                }
            }
            if (readClosed) {
                return -1;
            }
            int n = Math.min(len, Math.min(count, buffer.length - head));
            System.arraycopy(buffer, head, b, off, n);
            head = (head + n) % buffer.length;
            count -= n;
            notFull.signalAll();
            return n;
        } finally {
            lock.unlock();
        }
    }

    int available() {
        lock.lock();
        try {
            return readClosed ? 0 : count;
        } finally {
            lock.unlock();
        }
    }

    /** The writer is done: the reader gets what is left, then the end (or {@code failure}). */
    void finish(IOException failure) {
        lock.lock();
        try {
            if (!finished) {
                finished = true;
                this.failure = failure;
            }
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The reader is gone: what is left is dropped, reads end, writes fail. */
    void closeRead() {
        lock.lock();
        try {
            readClosed = true;
            count = 0;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
