package io.jras.client.rpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the daemon's socket is (DESIGN §3): {@code --socket}, else {@code JRAS_SOCKET}, else the
 * per-user default {@code $XDG_RUNTIME_DIR/jras/jras.sock}, or {@code /tmp/jras-<uid>/jras.sock}
 * when XDG_RUNTIME_DIR is unset. The system service listens on {@link #SYSTEM}.
 */
public final class SocketPaths {

    private SocketPaths() {
    }

    public static final Path SYSTEM = Path.of("/run/jras/jras.sock");

    /** The socket for {@code explicit} (may be null), from this process's environment. */
    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(), currentUid());
    }

    static Path resolve(Path explicit, Map<String, String> env, int uid) {
        if (explicit != null) {
            return explicit.toAbsolutePath();
        }
        String fromEnv = env.get("JRAS_SOCKET");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            return Path.of(runtime, "jras", "jras.sock");
        }
        return Path.of("/tmp", "jras-" + uid, "jras.sock");
    }

    /** The lock file that makes one daemon per socket. */
    public static Path lockFile(Path socket) {
        return socket.resolveSibling(socket.getFileName() + ".lock");
    }

    /** Where an autostarted daemon writes its output. */
    public static Path logFile(Path socket) {
        return socket.resolveSibling(socket.getFileName() + ".log");
    }

    /** This process's real uid (Linux: the owner of /proc/self). */
    public static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read this process's uid from /proc/self", e);
        }
    }
}
