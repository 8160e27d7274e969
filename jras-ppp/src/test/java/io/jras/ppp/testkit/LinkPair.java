package io.jras.ppp.testkit;

import io.jras.ppp.PppConfig;
import io.jras.ppp.PppEngine;
import io.jras.ppp.PppEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Two complete PPP engines joined by in-memory byte pipes under one fake clock, with fault knobs
 * (after quinn-proto's {@code Pair}): drop the next N frames, corrupt the next N frames, deliver
 * in 1-byte chunks, add latency. Nothing sleeps: {@link #driveUntilIdle(Duration)} jumps the clock
 * to the next deadline or delivery.
 */
public final class LinkPair {

    /** One direction of the line. */
    public static final class Pipe {
        private final ArrayDeque<long[]> times = new ArrayDeque<>();
        private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
        int dropNext;
        int corruptNext;
        boolean dropAll;
        long framesSent;
        long framesDropped;

        /** Drop the next {@code n} frames written into this direction. */
        public Pipe dropNext(int n) {
            dropNext += n;
            return this;
        }

        /** Flip a bit in the next {@code n} frames (their FCS will fail). */
        public Pipe corruptNext(int n) {
            corruptNext += n;
            return this;
        }

        /** Lose everything from now on (a dead peer, a cut line). */
        public Pipe dropAll(boolean on) {
            dropAll = on;
            return this;
        }

        public long framesSent() {
            return framesSent;
        }

        public long framesDropped() {
            return framesDropped;
        }
    }

    public final PppEngine a;
    public final PppEngine b;
    public final Pipe aToB = new Pipe();
    public final Pipe bToA = new Pipe();
    public final List<PppEvent> eventsA = new ArrayList<>();
    public final List<PppEvent> eventsB = new ArrayList<>();
    public final List<String> traceA = new ArrayList<>();
    public final List<String> traceB = new ArrayList<>();

    private long now = 1_000_000_000_000L;
    private long latencyNanos;
    private boolean oneByteChunks;

    public LinkPair(PppConfig configA, PppConfig configB) {
        this.a = new PppEngine(configA.withTrace(traceA::add));
        this.b = new PppEngine(configB.withTrace(traceB::add));
    }

    public long now() {
        return now;
    }

    public LinkPair latency(Duration d) {
        latencyNanos = d.toNanos();
        return this;
    }

    public LinkPair oneByteChunks(boolean on) {
        oneByteChunks = on;
        return this;
    }

    /** Both lines come up at the same instant. */
    public LinkPair open() {
        a.open(now);
        b.open(now);
        step();
        return this;
    }

    /** Moves every pending output into the pipes and delivers everything due now; repeats until quiet. */
    public void step() {
        boolean moved = true;
        while (moved) {
            moved = collect(a, aToB, eventsA) | collect(b, bToA, eventsB);
            moved |= deliver(aToB, b) | deliver(bToA, a);
        }
    }

    /**
     * Runs until nothing is in flight and no timer is due before {@code limit} from now: the clock
     * jumps straight to each next deadline or delivery.
     */
    public void driveUntilIdle(Duration limit) {
        long end = now + limit.toNanos();
        step();
        while (true) {
            long next = Math.min(Math.min(a.nextDeadline(), b.nextDeadline()),
                    Math.min(nextDelivery(aToB), nextDelivery(bToA)));
            if (next == Long.MAX_VALUE || next > end) {
                return;
            }
            now = Math.max(now, next);
            fireTimers();
            step();
        }
    }

    /** Advances the clock by {@code d}, firing every timer and delivery on the way. */
    public void advance(Duration d) {
        long end = now + d.toNanos();
        step();
        while (true) {
            long next = Math.min(Math.min(a.nextDeadline(), b.nextDeadline()),
                    Math.min(nextDelivery(aToB), nextDelivery(bToA)));
            if (next > end) {
                now = end;
                step();
                return;
            }
            now = Math.max(now, next);
            fireTimers();
            step();
        }
    }

    private void fireTimers() {
        if (now >= a.nextDeadline()) {
            a.handleTimeout(now);
        }
        if (now >= b.nextDeadline()) {
            b.handleTimeout(now);
        }
    }

    private boolean collect(PppEngine from, Pipe pipe, List<PppEvent> events) {
        boolean moved = false;
        for (PppEvent e; (e = from.pollEvent()) != null; ) {
            events.add(e);
            moved = true;
        }
        for (byte[] frame; (frame = from.pollTransmit()) != null; ) {
            moved = true;
            pipe.framesSent++;
            if (pipe.dropAll || pipe.dropNext > 0) {
                if (!pipe.dropAll) {
                    pipe.dropNext--;
                }
                pipe.framesDropped++;
                continue;
            }
            if (pipe.corruptNext > 0 && frame.length > 4) {
                pipe.corruptNext--;
                frame = frame.clone();
                int i = frame.length / 2;
                // Flip a bit that cannot turn into a flag or an escape.
                frame[i] = (byte) (frame[i] == 0x7e || frame[i] == 0x7d || (frame[i] ^ 0x01) == 0x7e
                        || (frame[i] ^ 0x01) == 0x7d ? 0x41 : frame[i] ^ 0x01);
            }
            long at = now + latencyNanos;
            if (oneByteChunks) {
                for (byte x : frame) {
                    pipe.times.add(new long[] {at});
                    pipe.chunks.add(new byte[] {x});
                }
            } else {
                pipe.times.add(new long[] {at});
                pipe.chunks.add(frame);
            }
        }
        return moved;
    }

    private boolean deliver(Pipe pipe, PppEngine to) {
        boolean moved = false;
        while (!pipe.times.isEmpty() && pipe.times.peek()[0] <= now) {
            pipe.times.poll();
            to.receive(pipe.chunks.poll(), now);
            moved = true;
        }
        return moved;
    }

    private static long nextDelivery(Pipe pipe) {
        return pipe.times.isEmpty() ? Long.MAX_VALUE : pipe.times.peek()[0];
    }

    /** Events of one side of a given type, in order. */
    public static <T extends PppEvent> List<T> of(List<PppEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The trace of both sides, for assertion messages. */
    public String traces() {
        return "--- A ---\n" + String.join("\n", traceA) + "\n--- B ---\n" + String.join("\n", traceB);
    }
}
