package io.jras.daemon;

import io.jras.core.ConnectionManager;
import io.jras.link.RasError;
import io.jras.link.RasException;
import io.jras.server.AnswerServer;
import io.jras.server.ServeRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The answering servers ({@code jras serve}) the daemon runs, by id: their sessions are the
 * manager's incoming connections (see {@link ServerSessions}). A server belongs to the uid that
 * started it; unless started detached, it also lives only as long as the client connection that
 * started it (so a killed {@code jras serve} leaves no listener behind).
 */
final class AnsweringServers {

    /** One running server, as {@code serverList} shows it. */
    record Running(long server, int owner, String name, List<String> listen, int sessions, boolean detached) {
    }

    private record Entry(long id, int owner, boolean detached, AnswerServer server, BiConsumer<Long, String> onStopped) {
    }

    private final ConnectionManager manager;
    private final DaemonLog log;
    private final Map<Long, Entry> servers = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean closed;

    AnsweringServers(ConnectionManager manager, DaemonLog log) {
        this.manager = manager;
        this.log = log;
    }

    /**
     * Builds, binds and starts a server; its log lines go to {@code lines} (and the daemon's log).
     *
     * @param registered hears the handle of each session it registers with the manager
     * @param onStopped  hears the server's id and why once it has stopped, however that came about
     * @throws IllegalArgumentException a bad option (the message says which)
     * @throws RasException 633 when an address cannot be bound, or the daemon is stopping
     */
    long start(ServeRequest request, int owner, boolean detached, BiConsumer<Long, String> lines,
               LongConsumer registered, BiConsumer<Long, String> onStopped) throws RasException {
        long id = ids.incrementAndGet();
        Consumer<String> out = line -> {
            log.line("server " + id + ": " + line);
            try {
                lines.accept(id, line);
            } catch (RuntimeException ignored) {
                // A follower that is gone must not stop the server.
            }
        };
        ServerSessions sessions = new ServerSessions(manager, owner, registered);
        AnswerServer server = request.newServer(sessions, out);
        sessions.attach(server);
        synchronized (this) {
            if (closed) {
                throw new RasException(RasError.PORT_NOT_AVAILABLE, "the daemon is stopping");
            }
            try {
                server.start();
            } catch (IOException e) {
                server.stop(); // releases its timer thread
                throw new RasException(RasError.PORT_NOT_AVAILABLE, e.getMessage());
            }
            servers.put(id, new Entry(id, owner, detached, server, onStopped));
        }
        return id;
    }

    /** The owner of a running server, or empty. */
    java.util.OptionalInt owner(long id) {
        Entry e = servers.get(id);
        return e == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(e.owner());
    }

    /**
     * Stops a server: no more calls, every session LCP-terminated (bounded), so every one of its
     * handles is invalid when this returns. False if there is no such server.
     */
    boolean stop(long id, String why) {
        Entry e = servers.remove(id);
        if (e == null) {
            return false;
        }
        log.line("server " + id + ": stopping (" + why + "), " + e.server().sessions().size() + " session(s)");
        e.server().stop();
        log.line("server " + id + ": stopped");
        try {
            e.onStopped().accept(id, why);
        } catch (RuntimeException ignored) {
            // Only a notification: the server has stopped either way.
        }
        return true;
    }

    List<Running> list() {
        List<Running> out = new ArrayList<>();
        for (Entry e : servers.values()) {
            List<String> listen = e.server().addresses().stream().map(AnsweringServers::tcp).toList();
            out.add(new Running(e.id(), e.owner(), e.server().config().name(), listen, e.server().sessions().size(),
                    e.detached()));
        }
        out.sort(Comparator.comparingLong(Running::server));
        return out;
    }

    /** Where a started server listens, as "tcp:HOST:PORT". */
    List<String> addresses(long id) {
        Entry e = servers.get(id);
        return e == null ? List.of() : e.server().addresses().stream().map(AnsweringServers::tcp).toList();
    }

    /** The daemon stops: every server stops (in parallel), no new one starts. */
    void close() {
        List<Long> ids;
        synchronized (this) {
            closed = true;
            ids = List.copyOf(servers.keySet());
        }
        List<Thread> stopping = ids.stream()
                .map(id -> Thread.ofVirtual().start(() -> stop(id, "the daemon is stopping"))).toList();
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static String tcp(InetSocketAddress a) {
        String host = a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
        return "tcp:" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
