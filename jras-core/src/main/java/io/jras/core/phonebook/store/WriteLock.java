package io.jras.core.phonebook.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes read-modify-write cycles on one file between threads and between processes.
 *
 * <p>The file itself cannot carry the lock, because a write replaces it with a new file (a
 * process waiting on the old one would then hold a lock on a file nobody reads). So the lock is
 * an exclusive {@code flock}-style lock on a sibling {@code NAME.lock} that is never deleted
 * (deleting it would let two writers lock two different files). Within one JVM the OS lock is
 * per process, so a lock per path keeps this JVM's threads in line first. Readers take no lock:
 * they always see a whole old or a whole new file.
 *
 * <p>Not reentrant: a thread holding the lock on a file must not ask for it again.
 */
public final class WriteLock {

    /** Work done while the lock is held. */
    @FunctionalInterface
    public interface Action<T, E extends Exception> {
        T run() throws E;
    }

    private static final ConcurrentMap<Path, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

    private WriteLock() {
    }

    /** The lock file for {@code target}: {@code target} with ".lock" appended. */
    public static Path lockFile(Path target) {
        return target.resolveSibling(target.getFileName() + ".lock");
    }

    /**
     * Runs {@code action} holding the lock on {@code target}; waits as long as another holder
     * needs. The target's directory must exist.
     *
     * @throws IOException when the lock file cannot be created or locked
     */
    public static <T, E extends Exception> T around(Path target, Action<T, E> action) throws E, IOException {
        Path lock = lockFile(target.toAbsolutePath().normalize());
        ReentrantLock local = LOCAL.computeIfAbsent(lock, p -> new ReentrantLock());
        local.lock();
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock held = ch.lock();
            try {
                return action.run();
            } finally {
                held.release();
            }
        } finally {
            local.unlock();
        }
    }
}
