package io.jras.core.session;

import io.jras.link.TimedInputStream;
import io.jras.ppp.PppEngine;
import io.jras.ppp.PppEvent;
import io.jras.ppp.Protocol;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Drives one {@link PppEngine} over a blocking byte stream (a socket, a pty, a serial port): the
 * one place where PPP meets real I/O and the real clock.
 *
 * <p>Threading (see docs/architecture/threading.md): one loop thread owns the engine; a reader
 * thread only enqueues the bytes it reads; callers only enqueue commands. Both threads are virtual,
 * so a session costs no platform thread. The listener is called on the loop thread, must not block
 * and must not throw.
 */
public final class PppSession {

    /** What the loop thread takes from its queue. */
    private sealed interface Input {
        record Bytes(byte[] data, int len) implements Input {
        }

        record EndOfStream(String why) implements Input {
        }

        record Close(String reason) implements Input {
        }

        record Datagram(Protocol protocol, byte[] packet) implements Input {
        }
    }

    /** The most the reader hands the loop in one piece. */
    private static final int MAX_CHUNK = 4096;
    private static final java.time.Duration STOP_READER_WAIT = java.time.Duration.ofSeconds(1);

    private final PppEngine engine;
    private final InputStream in;
    private final OutputStream out;
    private final Closeable line;
    private final Consumer<PppEvent> listener;
    private final String name;
    private final LinkedBlockingQueue<Input> queue = new LinkedBlockingQueue<>();
    private final CompletableFuture<PppEvent.LinkDown> done = new CompletableFuture<>();
    private volatile boolean started;
    /** Set once the link is Dead: the reader of an interruptible line stops, so the line is free for a modem hang-up. */
    private volatile boolean stopReading;
    private volatile Thread reader;
    /** The counters the loop thread publishes for other threads (the engine itself is not thread-safe); the projection travels in NetworkUp events. */
    private volatile io.jras.ppp.LinkStatistics statistics;

    /**
     * @param line closed once the link is Dead (the hang-up of this transport)
     */
    public PppSession(String name, PppEngine engine, InputStream in, OutputStream out, Closeable line,
                      Consumer<PppEvent> listener) {
        this.name = name;
        this.engine = engine;
        this.in = in;
        this.out = out;
        this.line = line;
        this.listener = listener;
    }

    /** Starts LCP and the two threads; returns at once. */
    public PppSession start() {
        if (started) {
            throw new IllegalStateException("session already started");
        }
        started = true;
        reader = Thread.ofVirtual().name("ppp-read-" + name).start(this::readLoop);
        Thread.ofVirtual().name("ppp-loop-" + name).start(this::eventLoop);
        return this;
    }

    /** Asks for an orderly close (LCP Terminate); returns at once. */
    public void close(String reason) {
        queue.add(new Input.Close(reason));
    }

    /** Queues an IP datagram for the link. */
    public void send(Protocol protocol, byte[] packet) {
        queue.add(new Input.Datagram(protocol, packet.clone()));
    }

    /** The link counters as of the loop's last turn, or null before the first. */
    public io.jras.ppp.LinkStatistics statistics() {
        return statistics;
    }

    /** Completes with the final event once the link is Dead and the line closed. */
    public CompletableFuture<PppEvent.LinkDown> done() {
        return done;
    }

    /**
     * Waits for input on a one-octet read, then takes what else has already arrived in chunks of
     * its exact size. An idle session thus holds no frame-sized read buffer: with thousands of idle
     * sessions such a buffer was the largest part of each one's memory (docs/benchmarks.md, "Scale").
     * A stream whose {@code available()} always says 0 still works, one octet at a time.
     */
    private void readLoop() {
        byte[] first = new byte[1];
        try {
            while (!stopReading) {
                int n = in.read(first, 0, 1);
                if (n < 0) {
                    queue.add(new Input.EndOfStream("end of stream"));
                    return;
                }
                if (n == 0) {
                    continue;
                }
                byte[] chunk = new byte[1 + Math.min(in.available(), MAX_CHUNK - 1)];
                chunk[0] = first[0];
                int more = chunk.length > 1 ? in.read(chunk, 1, chunk.length - 1) : 0;
                queue.add(new Input.Bytes(chunk, 1 + Math.max(0, more)));
                if (more < 0) {
                    queue.add(new Input.EndOfStream("end of stream"));
                    return;
                }
                for (int ready; !stopReading && (ready = in.available()) > 0; ) {
                    chunk = new byte[Math.min(ready, MAX_CHUNK)];
                    n = in.read(chunk, 0, chunk.length);
                    if (n < 0) {
                        queue.add(new Input.EndOfStream("end of stream"));
                        return;
                    }
                    queue.add(new Input.Bytes(chunk, n));
                }
            }
        } catch (java.io.InterruptedIOException e) {
            // Stopped on purpose (see eventLoop): nothing was taken from the line.
            if (!stopReading) {
                queue.add(new Input.EndOfStream("interrupted"));
            }
        } catch (IOException e) {
            queue.add(new Input.EndOfStream(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private void eventLoop() {
        PppEvent.LinkDown last = null;
        try {
            engine.open(System.nanoTime());
            while (true) {
                last = flush(last);
                if (engine.isFinished()) {
                    break;
                }
                long now = System.nanoTime();
                long deadline = engine.nextDeadline();
                Input input;
                if (deadline == Long.MAX_VALUE) {
                    input = queue.take();
                } else {
                    long wait = deadline - now;
                    input = wait <= 0 ? queue.poll() : queue.poll(wait, TimeUnit.NANOSECONDS);
                }
                now = System.nanoTime();
                if (input == null) {
                    engine.handleTimeout(now);
                    continue;
                }
                switch (input) {
                    case Input.Bytes b -> engine.receive(b.data(), 0, b.len(), now);
                    case Input.EndOfStream e -> engine.lowerDown(now);
                    case Input.Close c -> engine.close(c.reason(), now);
                    case Input.Datagram d -> engine.sendDatagram(d.protocol(), d.packet(), 0, d.packet().length);
                }
                if (now >= engine.nextDeadline()) {
                    engine.handleTimeout(now);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            engine.lowerDown(System.nanoTime());
            last = flush(last);
        } finally {
            stopReading = true;
            Thread r = reader;
            if (r != null && in instanceof TimedInputStream) {
                // A modem line's reads are interruptible without losing bytes: stop the reader so that
                // the hang-up chat (+++, ATH) that closing the line starts can read the modem's answers.
                r.interrupt();
                try {
                    r.join(STOP_READER_WAIT);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                line.close();
            } catch (IOException ignored) {
                // The line is gone either way.
            }
            if (last == null) {
                last = new PppEvent.LinkDown(engine.failure());
            }
            done.complete(last);
        }
    }

    /** Writes what the engine has for the line and hands its events to the listener. */
    private PppEvent.LinkDown flush(PppEvent.LinkDown last) {
        try {
            boolean wrote = false;
            for (byte[] chunk; (chunk = engine.pollTransmit()) != null; ) {
                out.write(chunk);
                wrote = true;
            }
            if (wrote) {
                out.flush();
            }
        } catch (IOException e) {
            engine.lowerDown(System.nanoTime());
        }
        statistics = engine.statistics();
        for (PppEvent e; (e = engine.pollEvent()) != null; ) {
            if (e instanceof PppEvent.LinkDown d) {
                last = d;
            }
            try {
                listener.accept(e);
            } catch (RuntimeException ex) {
                // A listener must not throw; if it does, the link goes on regardless.
            }
        }
        return last;
    }
}
