package io.jras.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one client is sent: a queue and a writer thread (virtual), so that whoever produces a
 * message (a request's reader, a manager thread reporting a state, the event log) only enqueues and
 * never waits for the client to read. The queue is bounded in bytes; a client that lets it overflow
 * is too slow to serve and is dropped.
 */
final class Outbox {

    private static final byte[] END = new byte[0];

    private final SocketChannel channel;
    private final long maxQueuedBytes;
    private final Runnable onFailure;
    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;

    /** @param onFailure called once if the client must be dropped (overflow or a failed write) */
    Outbox(SocketChannel channel, long maxQueuedBytes, String name, Runnable onFailure) {
        this.channel = channel;
        this.maxQueuedBytes = maxQueuedBytes;
        this.onFailure = onFailure;
        this.writer = Thread.ofVirtual().name("jras-out-" + name).start(this::writeLoop);
    }

    /** Enqueues one line (with its '\n'); false if the outbox is closed or just overflowed. */
    boolean offer(byte[] line) {
        if (closed) {
            return false;
        }
        if (queuedBytes.addAndGet(line.length) > maxQueuedBytes) {
            closed = true;
            queue.clear();
            onFailure.run();
            return false;
        }
        queue.add(line);
        return true;
    }

    /** Writes what is queued (for at most {@code within}), then stops; the caller closes the socket. */
    void drain(Duration within) {
        if (!closed) {
            closed = true;
            queue.add(END);
            try {
                writer.join(within);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writer.interrupt();
    }

    /** Drops what is queued and stops. */
    void close() {
        closed = true;
        queue.clear();
        queue.add(END);
    }

    private void writeLoop() {
        try {
            while (true) {
                byte[] line = queue.take();
                if (line == END) {
                    return;
                }
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
                queuedBytes.addAndGet(-line.length);
            }
        } catch (IOException e) {
            closed = true;
            onFailure.run();
        } catch (InterruptedException e) {
            // drain() ran out of time or the session ended.
        }
    }
}
