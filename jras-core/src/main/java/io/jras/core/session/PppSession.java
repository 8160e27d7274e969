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

        record Verdict(io.jras.ppp.auth.PeerVerdict verdict) implements Input {
        }
    }

    private static final java.time.Duration STOP_READER_WAIT = java.time.Duration.ofSeconds(1);
    /** Datagrams from a host interface that may wait for the link, like a NIC's transmit queue; more are dropped. */
    static final int FORWARD_BACKLOG = 512;

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

    /**
     * Hands the decision on the last {@link PppEvent.VerifyPeer} to the engine on the loop thread
     * (any thread may call; returns at once). Ignored if the link has ended or nothing is pending.
     */
    public void verdict(io.jras.ppp.auth.PeerVerdict verdict) {
        queue.add(new Input.Verdict(java.util.Objects.requireNonNull(verdict, "verdict")));
    }

    /**
     * Queues an IP datagram from the host interface, without copying it (the caller gives it up);
     * false, and dropped, when the link is {@link #FORWARD_BACKLOG} inputs behind.
     */
    public boolean forward(Protocol protocol, byte[] packet) {
        if (queue.size() >= FORWARD_BACKLOG) {
            return false;
        }
        queue.add(new Input.Datagram(protocol, packet));
        return true;
    }

    /** The link counters as of the loop's last turn, or null before the first. */
    public io.jras.ppp.LinkStatistics statistics() {
        return statistics;
    }

    /** Completes with the final event once the link is Dead and the line closed. */
    public CompletableFuture<PppEvent.LinkDown> done() {
        return done;
    }

    private void readLoop() {
        byte[] buf = new byte[4096];
        try {
            while (!stopReading) {
                int n = in.read(buf);
                if (n < 0) {
                    queue.add(new Input.EndOfStream("end of stream"));
                    return;
                }
                if (n == 0) {
                    continue;
                }
                byte[] chunk = new byte[n];
                System.arraycopy(buf, 0, chunk, 0, n);
                queue.add(new Input.Bytes(chunk, n));
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
                    case Input.Verdict v -> engine.verdict(v.verdict(), now);
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
