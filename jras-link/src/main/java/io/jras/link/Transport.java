package io.jras.link;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An open byte line: a TCP socket, a serial port, a subprocess's stdin/stdout, an in-memory pipe.
 * Reads block; {@link #close()} unblocks a pending read (which then ends the stream or throws).
 * Knows nothing about PPP.
 */
public interface Transport extends Closeable {

    InputStream input() throws IOException;

    OutputStream output() throws IOException;

    /** RAS device type: "modem", "serial", "tcp", "exec", "memory". */
    String deviceType();

    /** The device as the user named it: "127.0.0.1:7001", "/dev/ttyUSB0", "ssh host pppd notty". */
    String deviceName();

    /** Whether {@link #setDtr(boolean)} reaches real hardware. */
    default boolean hasDtr() {
        return false;
    }

    /** Raises or drops DTR where there is DTR (a modem hangs up when DTR drops). */
    default void setDtr(boolean on) throws IOException {
    }

    /** Carrier detect where the OS reports it; true where it cannot be known. */
    default boolean carrier() {
        return true;
    }

    /** Closes the line and releases the port; idempotent. */
    @Override
    void close() throws IOException;
}
