package io.jras.daemon;

import io.jras.core.ManagerConfig;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * How a daemon serves.
 *
 * @param socket          the Unix socket's path
 * @param shared          a socket for every local user (the system service: mode 0666, access is
 *                        checked per request); otherwise the owner's only (0600, in a 0700 directory)
 * @param manager         the connection manager's settings
 * @param maxClients      client sockets served at once; more are answered with an error and closed
 * @param maxQueuedBytes  what may wait to be written to one client before it is dropped as too slow
 * @param log             where connection events and lifecycle steps are written
 */
public record DaemonConfig(Path socket, boolean shared, ManagerConfig manager, int maxClients, long maxQueuedBytes,
                           DaemonLog log) {

    public DaemonConfig {
        socket = socket.toAbsolutePath();
        log = log == null ? DaemonLog.NONE : log;
    }

    /** A per-user daemon on {@code socket}. */
    public static DaemonConfig forUser(Path socket) {
        return new DaemonConfig(socket, false, ManagerConfig.DEFAULT, 4096, 8L << 20, DaemonLog.NONE);
    }

    /** The system service on {@code socket} (normally /run/jras/jras.sock). */
    public static DaemonConfig forSystem(Path socket) {
        return forUser(socket).withShared(true);
    }

    public DaemonConfig withShared(boolean on) {
        return new DaemonConfig(socket, on, manager, maxClients, maxQueuedBytes, log);
    }

    public DaemonConfig withManager(ManagerConfig m) {
        return new DaemonConfig(socket, shared, m, maxClients, maxQueuedBytes, log);
    }

    public DaemonConfig withMaxClients(int n) {
        return new DaemonConfig(socket, shared, manager, n, maxQueuedBytes, log);
    }

    public DaemonConfig withMaxQueuedBytes(long n) {
        return new DaemonConfig(socket, shared, manager, maxClients, n, log);
    }

    public DaemonConfig withLog(DaemonLog l) {
        return new DaemonConfig(socket, shared, manager, maxClients, maxQueuedBytes, l);
    }

    Set<PosixFilePermission> socketMode() {
        return PosixFilePermissions.fromString(shared ? "rw-rw-rw-" : "rw-------");
    }

    /** Mode of a socket directory we create (an existing one is left as it is). */
    Set<PosixFilePermission> directoryMode() {
        return PosixFilePermissions.fromString(shared ? "rwxr-xr-x" : "rwx------");
    }
}
