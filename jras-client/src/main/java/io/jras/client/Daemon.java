package io.jras.client;

import java.nio.file.Path;

/** Connects to the jras daemon over its Unix socket (JSON-RPC 2.0), starting one when none answers. */
final class Daemon {
    private Daemon() {
    }

    static RemoteAccess connect(Path socket) throws RasClientException {
        throw new RasClientException(635, "the daemon client is not built yet");
    }
}
