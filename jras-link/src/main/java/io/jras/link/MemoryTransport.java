package io.jras.link;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * One end of an in-memory line: what one end writes, the other reads, in order, with
 * back-pressure. Closing an end ends the other end's input once it has read what was sent. Its
 * DTR is a flag that tests can read.
 */
public final class MemoryTransport implements Transport {

    /** The two ends of one line. */
    public record Pair(MemoryTransport near, MemoryTransport far) {
    }

    private static final int CAPACITY = 64 * 1024;

    private final String name;
    private final ByteRing incoming;
    private final ByteRing outgoing;
    private final RingInputStream input;
    private final OutputStream output;
    private volatile boolean dtr = true;

    private MemoryTransport(String name, ByteRing incoming, ByteRing outgoing) {
        this.name = name;
        this.incoming = incoming;
        this.outgoing = outgoing;
        this.input = new RingInputStream(incoming);
        this.output = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                Objects.checkFromIndexSize(off, len, b.length);
                outgoing.write(b, off, len);
            }

            @Override
            public void close() {
                outgoing.finish(null);
            }
        };
    }

    /** Two connected ends named "memory-near" and "memory-far". */
    public static Pair pair() {
        return pair("memory");
    }

    public static Pair pair(String name) {
        return pair(name, CAPACITY);
    }

    /** As {@link #pair(String)}, each direction buffering at most {@code capacity} bytes (a writer then waits). */
    public static Pair pair(String name, int capacity) {
        ByteRing nearToFar = new ByteRing(capacity);
        ByteRing farToNear = new ByteRing(capacity);
        return new Pair(new MemoryTransport(name + "-near", farToNear, nearToFar),
                new MemoryTransport(name + "-far", nearToFar, farToNear));
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
        return "memory";
    }

    @Override
    public String deviceName() {
        return name;
    }

    @Override
    public boolean hasDtr() {
        return true;
    }

    @Override
    public void setDtr(boolean on) {
        dtr = on;
    }

    /** The last level set through {@link #setDtr(boolean)}; raised at first. */
    public boolean dtr() {
        return dtr;
    }

    @Override
    public void close() {
        incoming.closeRead();
        outgoing.finish(null);
    }

    @Override
    public String toString() {
        return name;
    }
}
