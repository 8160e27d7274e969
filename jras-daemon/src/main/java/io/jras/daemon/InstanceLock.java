package io.jras.daemon;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * One daemon per socket: an exclusive lock on {@code <socket>.lock}, held for the daemon's life.
 * The kernel drops it with the process, SIGKILL included, so a lock never goes stale. The file is
 * never deleted: a starter may have it open, and a deleted file's lock would not exclude a new one.
 */
final class InstanceLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another daemon (in any process, this one included) holds it. */
    static Optional<InstanceLock> tryAcquire(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            FileLock l = ch.tryLock();
            if (l != null) {
                return Optional.of(new InstanceLock(ch, l));
            }
        } catch (OverlappingFileLockException e) {
            // Held by another daemon of this JVM.
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        ch.close();
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
