package io.jras.core;

import io.jras.link.RasException;
import io.jras.link.Transport;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * How the manager reaches the peer for one connection: open the port (OpenPort), connect the
 * device (ConnectDevice: a modem dials, a TCP line is already connected), and hang the device up
 * before the port closes. Each step may block; closing the transport or interrupting the thread
 * cancels it.
 */
public interface Device {

    /** RAS device type: "modem", "serial", "tcp", "exec", ... */
    String type();

    /** The device as configured, e.g. "tcp:127.0.0.1:7001". */
    String name();

    /** Opens the port. Failures are RAS errors (633 port not available, 678 no answer, ...). */
    Transport open(Duration timeout) throws RasException;

    /**
     * Connects the device over the open port, trying {@code numbers} in order (primary, then
     * alternates). Returns the link speed in bps when the device reports one.
     */
    default OptionalLong connect(Transport port, List<String> numbers, Consumer<String> progress) throws RasException {
        return OptionalLong.empty();
    }

    /** Hangs the device up (modem: +++ then ATH, or DTR drop); bounded in time; never throws. */
    default void hangUp(Transport port) {
    }
}
