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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Drives one {@link PppEngine} over a blocking byte stream (a socket, a pty, a serial port): the
 * one place where PPP meets real I/O and the real clock.
 *
 * <p>Threading (see docs/architecture/threading.md): a reader thread only enqueues the bytes it
 * reads; callers only enqueue commands; the engine's deadlines are kept by one timer thread shared
 * by all sessions, which only enqueues a tick. Whoever enqueues into an idle session starts its
 * loop thread, which owns the engine while it handles what is queued and ends when nothing is left:
 * at most one runs at a time, so an idle session keeps one parked (virtual) thread, the reader.
 * The listener is called on the loop thread, must not block and must not throw.
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

        /** The shared timer's wake-up for the deadline it was armed for. */
        record Tick(long deadline) implements Input {
        }
    }

    /**
     * Wakes sessions at their engines' deadlines (restart timers, echo keepalive) for every session
     * of the JVM: one thread, rather than a parked loop thread per session waiting for its deadline.
     */
    private static final ScheduledThreadPoolExecutor TIMERS = timers();

    /** The most the reader hands the loop in one piece. */
    private static final int MAX_CHUNK = 4096;
    private static final java.time.Duration STOP_READER_WAIT = java.time.Duration.ofSeconds(1);
    /** Datagrams from a host interface that may wait for the link, like a NIC's transmit queue; more are dropped. */
    static final int FORWARD_BACKLOG = 512;

    private final PppEngine engine;
    private final InputStream in;
    private final OutputStream out;
    private final Closeable line;
    private final Consumer<PppEvent> listener;
    private final String name;
    private final ConcurrentLinkedQueue<Input> queue = new ConcurrentLinkedQueue<>();
    /** Set while a loop thread runs (it owns the engine); stays set once the link is Dead. */
    private final AtomicBoolean looping = new AtomicBoolean();
    private final CompletableFuture<PppEvent.LinkDown> done = new CompletableFuture<>();
    private volatile boolean started;
    /** Set once the link is Dead: the reader of an interruptible line stops, so the line is free for a modem hang-up. */
    private volatile boolean stopReading;
    private volatile Thread reader;
    /** The counters the loop thread publishes for other threads (the engine itself is not thread-safe); the projection travels in NetworkUp events. */
    private volatile io.jras.ppp.LinkStatistics statistics;
    // Owned by the loop thread of the moment (the looping flag hands them from one to the next).
    private boolean opened;
    private PppEvent.LinkDown last;
    private ScheduledFuture<?> timer;
    private long timerDeadline;

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

    /** Starts LCP (on a loop thread) and the reader; returns at once. */
    public PppSession start() {
        if (started) {
            throw new IllegalStateException("session already started");
        }
        Thread r = Thread.ofVirtual().name("ppp-read-" + name).unstarted(this::readLoop);
        reader = r;
        started = true;
        wake(); // opens the engine first, then takes whatever close() or send() queued before
        r.start();
        return this;
    }

    /** Asks for an orderly close (LCP Terminate); returns at once. */
    public void close(String reason) {
        submit(new Input.Close(reason));
    }

    /** Queues an IP datagram for the link. */
    public void send(Protocol protocol, byte[] packet) {
        submit(new Input.Datagram(protocol, packet.clone()));
    }

    /**
     * Hands the decision on the last {@link PppEvent.VerifyPeer} to the engine on the loop thread
     * (any thread may call; returns at once). Ignored if the link has ended or nothing is pending.
     */
    public void verdict(io.jras.ppp.auth.PeerVerdict verdict) {
        submit(new Input.Verdict(java.util.Objects.requireNonNull(verdict, "verdict")));
    }

    /**
     * Queues an IP datagram from the host interface, without copying it (the caller gives it up);
     * false, and dropped, when the link is {@link #FORWARD_BACKLOG} inputs behind.
     */
    public boolean forward(Protocol protocol, byte[] packet) {
        if (queue.size() >= FORWARD_BACKLOG) {
            return false;
        }
        submit(new Input.Datagram(protocol, packet));
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
                    submit(new Input.EndOfStream("end of stream"));
                    return;
                }
                if (n == 0) {
                    continue;
                }
                byte[] chunk = new byte[1 + Math.min(in.available(), MAX_CHUNK - 1)];
                chunk[0] = first[0];
                int more = chunk.length > 1 ? in.read(chunk, 1, chunk.length - 1) : 0;
                submit(new Input.Bytes(chunk, 1 + Math.max(0, more)));
                if (more < 0) {
                    submit(new Input.EndOfStream("end of stream"));
                    return;
                }
                for (int ready; !stopReading && (ready = in.available()) > 0; ) {
                    chunk = new byte[Math.min(ready, MAX_CHUNK)];
                    n = in.read(chunk, 0, chunk.length);
                    if (n < 0) {
                        submit(new Input.EndOfStream("end of stream"));
                        return;
                    }
                    submit(new Input.Bytes(chunk, n));
                }
            }
        } catch (java.io.InterruptedIOException e) {
            // Stopped on purpose (see finish): nothing was taken from the line.
            if (!stopReading) {
                submit(new Input.EndOfStream("interrupted"));
            }
        } catch (IOException e) {
            submit(new Input.EndOfStream(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    /** Queues an input; once started, makes sure a loop thread takes it. */
    private void submit(Input input) {
        queue.add(input);
        if (started) {
            wake();
        }
    }

    /** Starts a loop thread unless one runs (or the link is Dead). */
    private void wake() {
        if (looping.compareAndSet(false, true)) {
            Thread.ofVirtual().name("ppp-loop-" + name).start(this::loop);
        }
    }

    /**
     * Handles what is queued, arms the shared timer for the engine's next deadline and ends; a
     * submit that comes while it ends either is seen by the last check or starts the next loop.
     */
    private void loop() {
        boolean dead = false;
        try {
            do {
                if (!opened) {
                    opened = true;
                    engine.open(System.nanoTime());
                    flush();
                }
                for (Input input; !engine.isFinished() && (input = queue.poll()) != null; ) {
                    handle(input, System.nanoTime());
                    flush();
                }
                long now = System.nanoTime();
                if (!engine.isFinished() && now >= engine.nextDeadline()) {
                    engine.handleTimeout(now);
                    flush();
                }
                if (engine.isFinished()) {
                    dead = true;
                    return; // looping stays set: no loop runs again
                }
                armTimer();
                looping.set(false);
            } while (!queue.isEmpty() && looping.compareAndSet(false, true));
        } catch (RuntimeException | Error e) {
            dead = true; // a bug of ours: the line is still closed and done() completed
            throw e;
        } finally {
            if (dead) {
                finish();
            }
        }
    }

    private void handle(Input input, long now) {
        switch (input) {
            case Input.Bytes b -> engine.receive(b.data(), 0, b.len(), now);
            case Input.EndOfStream e -> engine.lowerDown(now);
            case Input.Close c -> engine.close(c.reason(), now);
            case Input.Datagram d -> engine.sendDatagram(d.protocol(), d.packet(), 0, d.packet().length);
            case Input.Verdict v -> engine.verdict(v.verdict(), now);
            case Input.Tick t -> {
                if (t.deadline() == timerDeadline) {
                    timer = null; // fired: the next deadline needs a new one
                }
            }
        }
        if (now >= engine.nextDeadline()) {
            engine.handleTimeout(now);
        }
    }

    /**
     * Makes sure a tick comes by the engine's next deadline. A pending tick that comes sooner is
     * kept (it finds nothing due, and the loop arms the timer again); one that would come too late
     * is replaced. The timer counts as pending until its tick is handled, not until it has run: a
     * loop that its tick started may get here while the timer thread is still in that run.
     */
    private void armTimer() {
        long deadline = engine.nextDeadline();
        ScheduledFuture<?> t = timer;
        if (deadline == Long.MAX_VALUE || (t != null && timerDeadline <= deadline)) {
            return;
        }
        if (t != null) {
            t.cancel(false);
        }
        Input.Tick tick = new Input.Tick(deadline);
        timerDeadline = deadline;
        timer = TIMERS.schedule(() -> submit(tick), Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** The link is Dead: stops the reader where that matters, closes the line, completes done(). */
    private void finish() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
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
        done.complete(last != null ? last : new PppEvent.LinkDown(engine.failure()));
    }

    private static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "ppp-timers");
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true); // a session that ends leaves nothing in the queue
        return t;
    }

    /** Writes what the engine has for the line and hands its events to the listener. */
    private void flush() {
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
    }
}
