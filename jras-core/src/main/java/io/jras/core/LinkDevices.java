package io.jras.core;

import io.jras.link.RasError;
import io.jras.link.RasException;

/** jras-link's transports and modem dialer as manager {@link Device}s, by device spec. */
public final class LinkDevices {
    private LinkDevices() {
    }

    public static Device forSpec(String spec) throws RasException {
        throw new RasException(RasError.DEVICE_DOES_NOT_EXIST, spec + " (link devices arrive with jras-link)");
    }
}
