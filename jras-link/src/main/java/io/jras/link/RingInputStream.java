package io.jras.link;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/** The reading end of a {@link ByteRing}. */
class RingInputStream extends TimedInputStream {

    final ByteRing ring;

    RingInputStream(ByteRing ring) {
        this.ring = ring;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        return ring.read(b, off, len, -1);
    }

    @Override
    public int read(byte[] b, int off, int len, Duration timeout) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        return ring.read(b, off, len, Math.max(0, saturatedNanos(timeout)));
    }

    @Override
    public int available() {
        return ring.available();
    }

    /** Drops what is buffered and ends every read, now and later. */
    @Override
    public void close() {
        ring.closeRead();
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? 0 : Long.MAX_VALUE;
        }
    }
}
