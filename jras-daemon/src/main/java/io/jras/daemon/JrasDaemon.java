package io.jras.daemon;

import io.jras.client.rpc.JsonRpc;
import io.jras.client.rpc.RpcException;
import io.jras.client.rpc.SocketPaths;
import io.jras.core.ConnectionManager;
import io.jras.core.DialResolver;
import io.jras.core.Handles;
import io.jras.core.events.EventLog;
import io.jras.core.events.ManagerEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The jras daemon: one {@link ConnectionManager} served over JSON-RPC 2.0 on a Unix socket
 * (docs/daemon.md). Connections belong to the daemon, not to the clients that dialed them.
 *
 * <p>Lifecycle: {@link #start} takes the instance lock ({@code <socket>.lock}), replaces a stale
 * socket, binds and accepts; {@link #close} (the {@code shutdown} method, SIGTERM through the
 * shutdown hook {@link Main} installs) stops accepting, removes the socket, hangs up every
 * connection properly (LCP Terminate), lets the last state notifications out, and releases the lock.
 *
 * <p>Threads: one accept thread; one virtual thread per client for its requests and one for its
 * output (see {@link ClientSession}, {@link Outbox}). Manager threads only ever enqueue to a
 * client's outbox, so no client can slow the manager down.
 */
public final class JrasDaemon implements AutoCloseable {

    /** How long the last notifications may take to reach clients when the daemon stops. */
    static final Duration FINAL_FLUSH = Duration.ofSeconds(1);

    private final DaemonConfig config;
    private final InstanceLock lock;
    private final ServerSocketChannel server;
    private final ConnectionManager manager;
    private final Methods methods;
    private final AnsweringServers servers;
    private final DaemonLog log;
    private final EventLog.Subscription eventLogger;
    private final Map<Long, ClientSession> sessions = new ConcurrentHashMap<>();
    private final AtomicLong nextClient = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private JrasDaemon(DaemonConfig config, InstanceLock lock, ServerSocketChannel server, DialResolver resolver) {
        this.config = config;
        this.lock = lock;
        this.server = server;
        this.log = config.log();
        this.manager = new ConnectionManager(config.manager());
        this.servers = new AnsweringServers(manager, log);
        this.methods = new Methods(manager, resolver, servers, log, SocketPaths.currentUid(),
                () -> Thread.ofVirtual().name("jras-shutdown").start(this::close));
        this.eventLogger = manager.events().subscribe(manager.events().nextSeq(), this::logEvent);
    }

    /**
     * Starts serving on {@code config.socket()} and returns at once.
     *
     * @throws DaemonAlreadyRunningException another daemon holds the socket's lock
     */
    public static JrasDaemon start(DaemonConfig config, DialResolver resolver) throws IOException {
        Path socket = config.socket();
        SocketFiles.prepareDirectory(socket.getParent(), config.directoryMode());
        Optional<InstanceLock> lock = InstanceLock.tryAcquire(SocketPaths.lockFile(socket));
        if (lock.isEmpty()) {
            throw new DaemonAlreadyRunningException(socket);
        }
        ServerSocketChannel server;
        try {
            // We hold the lock: whatever is at the path, no live daemon serves it.
            SocketFiles.removeStale(socket);
            server = SocketFiles.bind(socket, config.socketMode());
        } catch (IOException | RuntimeException e) {
            lock.get().close();
            throw e;
        }
        JrasDaemon d = new JrasDaemon(config, lock.get(), server, resolver);
        Thread.ofPlatform().name("jras-accept").daemon(true).start(d::acceptLoop);
        d.log.line("listening on " + socket + " (pid " + ProcessHandle.current().pid()
                + (config.shared() ? ", all users)" : ", this user only)"));
        return d;
    }

    public Path socket() {
        return config.socket();
    }

    /** The manager (tests reach into it to see what the daemon did). */
    ConnectionManager manager() {
        return manager;
    }

    int clients() {
        return sessions.size();
    }

    public void awaitTermination() throws InterruptedException {
        stopped.await();
    }

    public boolean awaitTermination(Duration within) throws InterruptedException {
        return stopped.await(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void acceptLoop() {
        while (!stopping.get()) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // Out of file descriptors, say: the clients we have still deserve service.
                log.line("accept failed: " + e.getMessage());
                pause();
                continue;
            }
            long id = nextClient.incrementAndGet();
            Thread.ofVirtual().name("jras-client-" + id).start(() -> serve(id, ch));
        }
    }

    private void serve(long id, SocketChannel ch) {
        try {
            Optional<Caller> caller = PeerCredentials.of(ch);
            if (caller.isEmpty()) {
                refuse(ch, "the caller's uid could not be established");
                return;
            }
            if (sessions.size() >= config.maxClients()) {
                refuse(ch, "too many clients (" + config.maxClients() + ")");
                return;
            }
            ClientSession s = new ClientSession(id, ch, caller.get(), methods, config.maxQueuedBytes(),
                    () -> sessions.remove(id));
            sessions.put(id, s);
            if (stopping.get()) {
                s.close();
                return;
            }
            s.run();
        } catch (IOException | RuntimeException e) {
            log.line("client " + id + " dropped: " + e.getClass().getName());
        } finally {
            closeQuietly(ch);
        }
    }

    /** One error line, then the socket is closed. */
    private static void refuse(SocketChannel ch, String why) {
        try (ch) {
            ch.write(ByteBuffer.wrap(Messages.error(null, new RpcException(JsonRpc.LIMIT_EXCEEDED, "Refused: " + why))));
        } catch (IOException ignored) {
            // It is being turned away anyway.
        }
    }

    private void logEvent(ManagerEvent e) {
        StringBuilder b = new StringBuilder().append(Handles.format(e.handle())).append(' ').append(e.entryName())
                .append(' ').append(e.kind());
        if (e.state() != null) {
            b.append(' ').append(e.state().rasName());
        }
        boolean detailSaysError = e.detail() != null && e.detail().startsWith("Error " + e.error() + ":");
        if (e.error() != 0 && !detailSaysError) {
            b.append(" error ").append(e.error());
        }
        if (e.detail() != null && !e.detail().isEmpty()) {
            b.append(": ").append(e.detail());
        }
        log.line(b.toString());
    }

    /**
     * Stops: no new clients, the socket file removed, every connection hung up properly (bounded),
     * the clients told the last states and closed, the lock released. Idempotent; a second caller
     * waits for the first to finish.
     */
    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            log.line("stopping: hanging up " + manager.enumerate().size() + " connection(s)");
            closeQuietly(server);
            try {
                Files.deleteIfExists(config.socket());
            } catch (IOException e) {
                log.line("could not remove " + config.socket() + ": " + e.getMessage());
            }
            // Answering servers first: their sessions end with LCP Terminate and leave the manager.
            servers.close();
            manager.close();
            List<Thread> finishing = sessions.values().stream()
                    .map(s -> Thread.ofVirtual().start(() -> s.finish(FINAL_FLUSH))).toList();
            for (Thread t : finishing) {
                t.join(FINAL_FLUSH.plusSeconds(1));
            }
            eventLogger.close();
            closeQuietly(lock);
            log.line("stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // Stopping: there is nothing better to do with a failure to close.
        }
    }
}
