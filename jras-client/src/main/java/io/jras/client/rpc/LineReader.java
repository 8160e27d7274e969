package io.jras.client.rpc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;

/**
 * Splits a byte stream into '\n'-terminated lines of at most {@code maxLine} bytes (a trailing
 * '\r' is dropped too). A longer line is reported once, as soon as it crosses the limit, and the
 * rest of it is skipped, so a peer cannot make us buffer more than {@code maxLine} bytes.
 * Not thread-safe: one reader thread owns it.
 */
public final class LineReader {

    /** What {@link #next()} returns. */
    public sealed interface Line {
        /** A complete line, without its terminator. */
        record Text(byte[] bytes) implements Line {
        }

        /** A line crossed the limit; its rest is skipped up to the next '\n'. */
        record TooLong() implements Line {
        }
    }

    private final ReadableByteChannel in;
    private final int maxLine;
    private final ByteBuffer buffer = ByteBuffer.allocate(8192).flip();
    private byte[] line = new byte[256];
    private int length;
    private boolean skipping;

    public LineReader(ReadableByteChannel in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** The next line, or null at the end of the stream (an unterminated last line is dropped). */
    public Line next() throws IOException {
        while (true) {
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == '\n') {
                    if (skipping) {
                        skipping = false;
                        continue;
                    }
                    int n = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
                    length = 0;
                    return new Line.Text(Arrays.copyOf(line, n));
                }
                if (skipping) {
                    continue;
                }
                if (length == maxLine) {
                    skipping = true;
                    length = 0;
                    return new Line.TooLong();
                }
                if (length == line.length) {
                    line = Arrays.copyOf(line, Math.min(maxLine, line.length * 2));
                }
                line[length++] = b;
            }
            buffer.clear();
            int n = in.read(buffer);
            buffer.flip();
            if (n < 0) {
                return null;
            }
        }
    }
}
