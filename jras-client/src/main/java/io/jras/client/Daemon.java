package io.jras.client;

import io.jras.client.rpc.Autostart;
import io.jras.client.rpc.DaemonRemoteAccess;
import io.jras.client.rpc.RpcConnection;
import io.jras.client.rpc.SocketPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Connects to the jras daemon over its Unix socket (JSON-RPC 2.0), starting one when none answers
 * (see {@link Autostart}). docs/daemon.md describes the protocol.
 */
final class Daemon {

    /** How long a started daemon may take to answer. */
    static final Duration READY_WITHIN = Duration.ofSeconds(10);

    private Daemon() {
    }

    /** @param socket null: {@code JRAS_SOCKET}, else the per-user default */
    static RemoteAccess connect(Path socket) throws RasClientException {
        Path path = SocketPaths.resolve(socket);
        try {
            return DaemonRemoteAccess.open(path);
        } catch (IOException e) {
            if (!RpcConnection.nothingListens(path, e)) {
                throw unavailable(path, e.getMessage());
            }
        }
        if (!Autostart.available()) {
            throw unavailable(path, "no daemon answers, and " + Autostart.MAIN_CLASS
                    + " is not on the class path to start one");
        }
        Process daemon;
        try {
            daemon = Autostart.launch(path);
        } catch (IOException e) {
            throw unavailable(path, "could not start a daemon: " + e.getMessage());
        }
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        String lastError = "";
        while (true) {
            try {
                return DaemonRemoteAccess.open(path);
            } catch (IOException e) {
                // While daemons race to start, the socket can be missing, stale or being replaced:
                // keep trying until one serves or the time is up.
                lastError = e.getMessage();
            }
            if (System.nanoTime() > deadline) {
                String status = daemon.isAlive() ? "still starting" : "exited with status " + daemon.exitValue();
                throw unavailable(path, "no daemon answered within " + READY_WITHIN.toSeconds() + " s; the one started "
                        + status + (lastError.isEmpty() ? "" : "; last error: " + lastError)
                        + " (see " + SocketPaths.logFile(path) + ")");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable(path, "interrupted while waiting for the daemon to start");
            }
        }
    }

    private static RasClientException unavailable(Path socket, String why) {
        return new RasClientException(DaemonRemoteAccess.DAEMON_UNAVAILABLE,
                "Cannot reach the jras daemon at " + socket + ": " + why);
    }
}
