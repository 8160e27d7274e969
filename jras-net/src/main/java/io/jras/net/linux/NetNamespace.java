package io.jras.net.linux;

import io.jras.net.NetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs work inside a network namespace. setns(2) changes only the calling thread, and what that
 * thread opens (the TUN device, the ioctl sockets) stays in the namespace afterwards, so each task
 * gets a fresh platform thread that enters the namespace, runs, and ends: no JVM thread is left in
 * another namespace.
 */
final class NetNamespace {

    interface Task<T> {
        T run() throws NetException;
    }

    private NetNamespace() {
    }

    /** The file of a namespace name: an `ip netns` name (/run/netns/NAME) or a path. */
    static Path pathOf(String namespace) {
        return namespace.contains("/") ? Path.of(namespace) : Path.of("/run/netns", namespace);
    }

    /** Runs {@code task} in {@code namespace} (null: right here, in the process's own namespace). */
    static <T> T call(String namespace, Task<T> task) throws NetException {
        if (namespace == null) {
            return task.run();
        }
        Path file = pathOf(namespace);
        if (!Files.exists(file)) {
            throw new NetException("network namespace " + namespace + " does not exist (" + file + ")");
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofPlatform().name("netns-" + namespace).daemon().start(() -> {
            try {
                int fd = Libc.open(file.toString(), Libc.O_CLOEXEC);
                try {
                    Libc.setns(fd, Libc.CLONE_NEWNET);
                } finally {
                    Libc.close(fd);
                }
                result.set(task.run());
            } catch (Libc.ErrnoException e) {
                failure.set(new NetException("cannot enter network namespace " + namespace + ": " + e.getMessage()));
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetException("interrupted while configuring in namespace " + namespace);
        }
        Throwable f = failure.get();
        if (f instanceof NetException ne) {
            throw ne;
        }
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error er) {
            throw er;
        }
        return result.get();
    }
}
