package io.jras.core;

import io.jras.core.events.EventLog;
import io.jras.link.RasError;
import io.jras.link.RasException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The connection manager: RAS semantics over real links (DESIGN §1).
 *
 * <ul>
 *   <li>{@link #dial} allocates the handle before any I/O and returns it at once; progress arrives
 *       as RASCONNSTATE changes, never before the handle is returned, on the manager's threads.</li>
 *   <li>A failed or dropped connection keeps its handle, Disconnected with its RAS error, until it
 *       is hung up; one nobody hangs up is reaped after {@link ManagerConfig#unclaimedGrace()}.</li>
 *   <li>{@link #hangUp} works in any state and returns at once; teardown escalates (LCP Terminate,
 *       device hang-up, port close) with hard timeouts. Until it ends, status answers with
 *       teardown in progress; afterwards it answers {@link RasError#INVALID_HANDLE} (6) and a
 *       {@link Tombstone} keeps the end of the story.</li>
 *   <li>Handles are 64-bit and never reused during the manager's lifetime.</li>
 *   <li>Dialing an entry that is already connected shares that connection (a reference count).</li>
 *   <li>Connections it did not dial (an answering server's sessions) are {@linkplain #register registered}
 *       and then listed, queried and hung up the same way, with handles from the same space.</li>
 * </ul>
 * No platform thread per connection: dials, PPP loops and teardowns run on virtual threads, and one
 * timer thread checks the policies of every connection.
 */
public final class ConnectionManager implements AutoCloseable {

    private final ManagerConfig config;
    private final Handles handles = new Handles();
    private final Map<Long, Connection> live = new ConcurrentHashMap<>();
    private final Map<Long, AnsweredConnection> answered = new ConcurrentHashMap<>();
    private final Map<Long, Tombstone> tombstones = new LinkedHashMap<>();
    private final EventLog events;
    private final ScheduledExecutorService timer;
    private volatile boolean closed;

    public ConnectionManager(ManagerConfig config) {
        this.config = config;
        this.events = new EventLog(config.eventCapacity());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jras-manager-timer");
            t.setDaemon(true);
            return t;
        });
        long tick = config.tick().toMillis();
        timer.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    public ManagerConfig config() {
        return config;
    }

    Clock clock() {
        return config.clock();
    }

    public EventLog events() {
        return events;
    }

    // ---------------------------------------------------------------- the RAS calls

    /** RasDial: returns the handle at once; {@code listener} gets every state change. */
    public long dial(DialRequest request, ConnectionListener listener) throws RasException {
        if (closed) {
            throw new RasException(RasError.PORT_NOT_AVAILABLE, "the manager is shutting down");
        }
        Connection shared = shareable(request);
        if (shared != null) {
            shared.addReference();
            shared.addListener(listener);
            event(shared, "shared", "dialed again: " + shared.references() + " references");
            if (listener != null) {
                Thread.ofVirtual().start(() -> listener.onStateChange(shared.handle, RasConnState.CONNECTED, 0));
            }
            return shared.handle;
        }
        long handle = handles.allocate();
        Connection c = new Connection(handle, request, this, listener);
        live.put(handle, c);
        c.start();
        c.handedOut();
        return handle;
    }

    /**
     * A connection the manager did not dial (a session an answering server accepted, its network
     * up): it gets a handle and is Connected until the server reports its end.
     *
     * @param owner the uid it belongs to (who started the server)
     */
    public IncomingConnection.Registration register(IncomingConnection connection, int owner) throws RasException {
        if (closed) {
            throw new RasException(RasError.PORT_NOT_AVAILABLE, "the manager is shutting down");
        }
        AnsweredConnection a = new AnsweredConnection(handles.allocate(), connection, owner, this);
        answered.put(a.handle, a);
        event(a, "incoming", a.arrival());
        stateChanged(a, RasConnState.CONNECTED, 0);
        return a;
    }

    /** The synchronous form: waits for Connected or the error (the handle stays valid either way). */
    public long dialAndWait(DialRequest request, Duration timeout) throws RasException, InterruptedException {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        long handle = dial(request, (h, state, error) -> {
            if (state == RasConnState.CONNECTED) {
                result.complete(0);
            } else if (state == RasConnState.DISCONNECTED) {
                result.complete(error == 0 ? RasError.USER_DISCONNECTION : error);
            }
        });
        int error;
        try {
            error = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new RasException(RasError.REQUEST_TIMEOUT, "handle " + Handles.format(handle) + " is still dialing");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new RasException(RasError.UNKNOWN, String.valueOf(e.getCause()));
        }
        if (error != 0) {
            throw new DialFailedException(handle, error);
        }
        return handle;
    }

    /** A dial that failed; the handle stays valid (Disconnected with its error) until hung up. */
    public static final class DialFailedException extends RasException {
        private final long handle;

        public DialFailedException(long handle, int code) {
            super(code, "handle " + Handles.format(handle) + " stays until hung up");
            this.handle = handle;
        }

        public long handle() {
            return handle;
        }
    }

    /** RasHangUp: drops one reference; the last one tears the connection down. Returns at once. */
    public void hangUp(long handle) throws RasException {
        hangUp(handle, false);
    }

    /** RasHangUp; {@code all} closes the connection whatever its reference count. */
    public void hangUp(long handle, boolean all) throws RasException {
        AnsweredConnection a = answered.get(handle);
        if (a != null) {
            a.hangUp("User request");
            return;
        }
        require(handle).hangUp(all, "User request");
    }

    /** Completes once the handle is invalid (immediately if it already is). */
    public CompletableFuture<Void> completion(long handle) {
        AnsweredConnection a = answered.get(handle);
        if (a != null) {
            return a.gone();
        }
        Connection c = live.get(handle);
        return c == null ? CompletableFuture.completedFuture(null) : c.gone();
    }

    /** RasGetConnectStatus (+ projection and statistics); 6 once the handle is invalid. */
    public ConnectionStatus status(long handle) throws RasException {
        AnsweredConnection a = answered.get(handle);
        if (a != null) {
            return a.status();
        }
        return require(handle).status();
    }

    /** RasEnumConnections: every live handle, failed ones and incoming ones too, oldest first. */
    public List<ConnectionInfo> enumerate() {
        record Row(Instant since, ConnectionInfo info) {
        }
        List<Row> all = new ArrayList<>();
        live.values().forEach(c -> all.add(new Row(c.dialedAt, c.info())));
        answered.values().forEach(a -> all.add(new Row(a.connectedAt, a.info())));
        all.sort(Comparator.comparing(Row::since).thenComparingLong(r -> r.info().handle()));
        return all.stream().map(Row::info).toList();
    }

    /** RasClearLinkStatistics. */
    public void clearStatistics(long handle) throws RasException {
        AnsweredConnection a = answered.get(handle);
        if (a != null) {
            a.clearStatistics();
            event(a, "statistics-cleared", "");
            return;
        }
        Connection c = require(handle);
        c.clearStatistics();
        event(c, "statistics-cleared", "");
    }

    /** What is left of a connection whose handle is no longer valid. */
    public Optional<Tombstone> tombstone(long handle) {
        synchronized (tombstones) {
            return Optional.ofNullable(tombstones.get(handle));
        }
    }

    private Connection require(long handle) throws RasException {
        Connection c = live.get(handle);
        if (c == null) {
            throw new RasException(RasError.INVALID_HANDLE, Handles.format(handle));
        }
        return c;
    }

    private Connection shareable(DialRequest request) {
        if (request.entryName() == null) {
            return null;
        }
        for (Connection c : live.values()) {
            // Only the owner's own dials share a connection, or anyone's when it is for all users.
            boolean mayShare = c.request.owner() == request.owner() || c.request.allUsers();
            if (mayShare && request.entryName().equals(c.request.entryName())
                    && java.util.Objects.equals(request.phonebook(), c.request.phonebook())
                    && c.currentState() == RasConnState.CONNECTED && !c.isTearingDown()) {
                return c;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- from connections

    private void keepTombstone(long handle, Tombstone t) {
        synchronized (tombstones) {
            tombstones.put(handle, t);
            while (tombstones.size() > config.tombstoneCapacity()) {
                tombstones.remove(tombstones.keySet().iterator().next());
            }
        }
    }

    void stateChanged(Connection c, RasConnState state, int error) {
        events.append(clock().instant(), c.handle, c.request.displayName(), "state", state, error,
                error == 0 ? "" : RasError.describe(error));
    }

    void event(Connection c, String kind, String detail) {
        events.append(clock().instant(), c.handle, c.request.displayName(), kind, c.currentState(),
                c.currentError(), detail);
    }

    void removed(Connection c) {
        Instant now = clock().instant();
        keepTombstone(c.handle, c.tombstone(now));
        live.remove(c.handle);
        events.append(now, c.handle, c.request.displayName(), "removed", c.currentState(), c.currentError(),
                "the handle is no longer valid");
    }

    void stateChanged(AnsweredConnection a, RasConnState state, int error) {
        events.append(clock().instant(), a.handle, a.entryName(), "state", state, error,
                error == 0 ? "" : RasError.describe(error));
    }

    void event(AnsweredConnection a, String kind, String detail) {
        events.append(clock().instant(), a.handle, a.entryName(), kind, a.currentState(), a.currentError(), detail);
    }

    void removed(AnsweredConnection a) {
        Instant now = clock().instant();
        keepTombstone(a.handle, a.tombstone(now));
        answered.remove(a.handle);
        events.append(now, a.handle, a.entryName(), "removed", a.currentState(), a.currentError(),
                "the handle is no longer valid");
    }

    // ---------------------------------------------------------------- policies

    private void tick() {
        try {
            Instant now = clock().instant();
            long nanos = System.nanoTime();
            for (Connection c : live.values()) {
                if (c.isTearingDown()) {
                    continue;
                }
                DialPolicy p = c.request.policy();
                RasConnState s = c.currentState();
                Instant down = c.disconnectedAt();
                if (s == RasConnState.DISCONNECTED && down != null
                        && Duration.between(down, now).compareTo(config.unclaimedGrace()) >= 0) {
                    event(c, "reaped", "nobody hung it up within " + config.unclaimedGrace());
                    c.hangUp(true, "reaped: unclaimed after " + config.unclaimedGrace());
                } else if (s == RasConnState.CONNECTED) {
                    if (!p.maxConnectTime().isZero() && c.connectedForNanos(nanos) >= p.maxConnectTime().toNanos()) {
                        c.hangUp(true, "maximum connect time reached");
                    } else if (!p.idleDisconnect().isZero() && c.idleNanos(nanos) >= p.idleDisconnect().toNanos()) {
                        c.hangUp(true, "idle for " + p.idleDisconnect().toSeconds() + " s");
                    }
                }
            }
            synchronized (tombstones) {
                tombstones.values().removeIf(t -> Duration.between(t.endedAt(), now).compareTo(config.tombstoneTtl()) > 0);
            }
        } catch (RuntimeException e) {
            // The timer must survive anything: one bad connection cannot stop the policies of the others.
        }
    }

    /** Hangs up every connection and waits (bounded) until each teardown ended. */
    @Override
    public void close() {
        closed = true;
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (Connection c : live.values()) {
            c.hangUp(true, "jras is shutting down");
            pending.add(c.gone());
        }
        for (AnsweredConnection a : answered.values()) {
            a.hangUp("jras is shutting down");
            pending.add(a.gone());
        }
        try {
            CompletableFuture.allOf(pending.toArray(new CompletableFuture[0]))
                    .get(Connection.TERMINATE_GRACE.plus(Connection.WORKER_GRACE).toMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Bounded: what has not ended by now is abandoned with the process.
        }
        timer.shutdownNow();
    }
}
