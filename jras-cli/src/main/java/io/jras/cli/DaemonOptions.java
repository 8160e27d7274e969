package io.jras.cli;

import io.jras.client.RasClientException;
import io.jras.client.RemoteAccess;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --socket}: which daemon to talk to (else JRAS_SOCKET, else the per-user default). */
final class DaemonOptions {

    @Option(names = "--socket", paramLabel = "PATH", description = "The daemon's socket (default: $JRAS_SOCKET, else per-user).")
    Path socket;

    /** The daemon, started if none answers. */
    RemoteAccess connect() throws RasClientException {
        return RemoteAccess.connect(socket);
    }
}
