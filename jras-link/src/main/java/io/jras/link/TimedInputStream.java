package io.jras.link;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * An input stream that can also wait for bytes with a time limit, which a plain socket or pipe
 * stream cannot do without closing. The modem chat reads its lines through one of these; the data
 * phase reads the same stream without a limit, so no byte is lost between the two.
 */
public abstract class TimedInputStream extends InputStream {

    /**
     * Reads up to {@code len} bytes, waiting at most {@code timeout} for the first one.
     *
     * @return the count read, 0 when the time ran out first, -1 at the end of the stream
     */
    public abstract int read(byte[] b, int off, int len, Duration timeout) throws IOException;

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    /**
     * {@code in} itself when it can wait with a limit; otherwise a stream fed from {@code in} by a
     * virtual thread named {@code name} (which ends when {@code in} ends or fails).
     */
    public static TimedInputStream of(InputStream in, String name) {
        if (in instanceof TimedInputStream timed) {
            return timed;
        }
        return PumpedInput.start(name, in::read, Thread.ofVirtual());
    }
}
