package io.jras.link;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Bounded reads for tests: nothing here waits without a limit. A plain stream gets a pump of its
 * own on each call, so a stream read more than once must be a {@link TimedInputStream} already.
 */
public final class Reads {

    public static final Duration LIMIT = Duration.ofSeconds(10);

    private Reads() {
    }

    /** Reads until {@code done} holds for what was read, or fails after {@link #LIMIT}. */
    public static byte[] until(InputStream in, Predicate<byte[]> done) throws IOException {
        TimedInputStream timed = TimedInputStream.of(in, "test-reader");
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        byte[] chunk = new byte[4096];
        while (!done.test(got.toByteArray())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out; read so far: " + printable(got.toByteArray()));
            }
            int n = timed.read(chunk, 0, chunk.length, Duration.ofNanos(left));
            if (n < 0) {
                throw new AssertionError("the stream ended; read: " + printable(got.toByteArray()));
            }
            got.write(chunk, 0, n);
        }
        return got.toByteArray();
    }

    /** Reads exactly {@code count} bytes. */
    public static byte[] exactly(InputStream in, int count) throws IOException {
        return until(in, b -> b.length >= count);
    }

    /** Reads text until it contains {@code text}; returns all of it. */
    public static String untilText(InputStream in, String text) throws IOException {
        return new String(until(in, b -> new String(b, StandardCharsets.ISO_8859_1).contains(text)), StandardCharsets.ISO_8859_1);
    }

    /** Reads everything to the end of the stream (within the limit). */
    public static byte[] toEnd(InputStream in) throws IOException {
        TimedInputStream timed = TimedInputStream.of(in, "test-reader");
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        byte[] chunk = new byte[4096];
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no end of stream; read: " + printable(got.toByteArray()));
            }
            int n;
            try {
                n = timed.read(chunk, 0, chunk.length, Duration.ofNanos(left));
            } catch (IOException e) {
                return got.toByteArray();
            }
            if (n < 0) {
                return got.toByteArray();
            }
            got.write(chunk, 0, n);
        }
    }

    public static String printable(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            int c = x & 0xff;
            s.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return s.toString();
    }
}
