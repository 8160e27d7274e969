package io.jras.daemon;

import io.jras.client.rpc.SocketPaths;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The socket's directory and file: created safely, a stale one replaced, the mode set. */
final class SocketFiles {

    /** Unix file type bits (stat.h): a socket is S_IFSOCK. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    /** The kernel caps it at net.core.somaxconn (4096 on current kernels); a burst of clients waits here. */
    private static final int BACKLOG = 4096;

    private SocketFiles() {
    }

    /**
     * Creates the directory with {@code mode} if it is missing. An existing one must belong to us or
     * to root: a directory another user owns (a planted /tmp/jras-1000) could swap our socket.
     */
    static void prepareDirectory(Path dir, Set<PosixFilePermission> mode) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(mode));
            // createDirectories applies the umask; the mode is the point here.
            Files.setPosixFilePermissions(dir, mode);
        }
        int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int me = SocketPaths.currentUid();
        if (owner != me && owner != Caller.ROOT) {
            throw new IOException("the socket directory " + dir + " belongs to uid " + owner + ", not to uid " + me);
        }
    }

    /** Removes what a dead daemon left at {@code socket}; refuses to remove anything but a socket. */
    static void removeStale(Path socket) throws IOException {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(socket, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if ((mode & S_IFMT) != S_IFSOCK) {
            throw new IOException(socket + " exists and is not a socket; not replacing it");
        }
        Files.deleteIfExists(socket);
    }

    /** Binds and listens at {@code socket}, then sets its mode. */
    static ServerSocketChannel bind(Path socket, Set<PosixFilePermission> mode) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket), BACKLOG);
            Files.setPosixFilePermissions(socket, mode);
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }
}
