package io.jras.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BooleanSupplier;

/**
 * The line's input, cut off once a client has sent more than a negotiation could need before its
 * network is up: a client spewing garbage costs a bounded amount of work, then its session ends.
 */
final class InputGuard extends FilterInputStream {

    private final long limit;
    private final BooleanSupplier networkUp;
    private final Runnable onExceeded;
    private long count;

    /** @param onExceeded runs once, on the reading thread, before the read fails */
    InputGuard(InputStream in, long limit, BooleanSupplier networkUp, Runnable onExceeded) {
        super(in);
        this.limit = limit;
        this.networkUp = networkUp;
        this.onExceeded = onExceeded;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws IOException {
        if (networkUp.getAsBoolean()) {
            return;
        }
        count += n;
        if (count > limit) {
            onExceeded.run();
            throw new IOException("more than " + limit + " octets before the network came up");
        }
    }
}
