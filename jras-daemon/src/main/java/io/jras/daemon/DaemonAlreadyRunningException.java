package io.jras.daemon;

import java.io.IOException;
import java.nio.file.Path;

/** Another daemon holds the socket's instance lock: it serves, this one must not. */
public final class DaemonAlreadyRunningException extends IOException {

    public DaemonAlreadyRunningException(Path socket) {
        super("a jras daemon already serves " + socket);
    }
}
