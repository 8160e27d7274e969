package io.jras.client.rpc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jras.client.ConnectionInfo;
import io.jras.client.DialOptions;
import io.jras.client.Event;
import io.jras.client.Handles;
import io.jras.client.RasClientException;
import io.jras.client.RemoteAccess;
import io.jras.client.StateListener;
import io.jras.client.Status;
import io.jras.client.Tombstone;
import io.jras.link.RasError;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * {@link RemoteAccess} over the daemon's socket: each call is one JSON-RPC request; state changes of
 * the handles this client dialed and the events it watches arrive as notifications.
 *
 * <p>Listeners and watch consumers run on one callback thread (virtual), in the order the daemon
 * sent them, never on the socket's reader thread, so a slow listener cannot stall the answers to
 * other calls. Closing this object closes the socket only: connections belong to the daemon.
 */
public final class DaemonRemoteAccess implements RemoteAccess {

    /** How long a call waits for its answer before failing with 638 (awaitInvalid: its own timeout, plus this). */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    /** Windows' ERROR_RASMAN_CANNOT_INITIALIZE: the service behind the RAS calls is not there. */
    public static final int DAEMON_UNAVAILABLE = 711;

    private static final int DISCONNECTED = 0x2001;

    private final RpcConnection rpc;
    private final Map<Long, List<StateListener>> dialListeners = new ConcurrentHashMap<>();
    private final Map<Long, Consumer<Event>> watchers = new ConcurrentHashMap<>();
    private volatile Consumer<String> serverLog;
    private final CompletableFuture<Void> lost = new CompletableFuture<>();
    private final Map<Long, CompletableFuture<String>> serversStopped = new ConcurrentHashMap<>();
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("jras-client-callbacks").factory());

    private DaemonRemoteAccess(Path socket) throws IOException {
        this.rpc = RpcConnection.open(socket, new RpcConnection.Notifications() {
            @Override
            public void onNotification(String method, JsonNode params) {
                notified(method, params);
            }

            @Override
            public void onClosed() {
                dialListeners.clear();
                watchers.clear();
                lost.complete(null);
            }
        });
    }

    /** Connects to a daemon at {@code socket}; fails if none listens there (no autostart here). */
    public static DaemonRemoteAccess open(Path socket) throws IOException {
        return new DaemonRemoteAccess(socket);
    }

    public Path socket() {
        return rpc.socket();
    }

    // ---------------------------------------------------------------- notifications (reader thread)

    private void notified(String method, JsonNode params) {
        switch (method) {
            case JsonRpc.STATE -> {
                StateChange c = Wire.MAPPER.convertValue(params, StateChange.class);
                List<StateListener> ls = c.stateCode() == DISCONNECTED ? dialListeners.remove(c.handle())
                        : dialListeners.get(c.handle());
                if (ls != null) {
                    for (StateListener l : ls) {
                        callbacks.execute(() -> l.onState(c.handle(), c.state(), c.stateCode(), c.error()));
                    }
                }
            }
            case JsonRpc.EVENT -> {
                WatchedEvent w = Wire.MAPPER.convertValue(params, WatchedEvent.class);
                Consumer<Event> c = watchers.get(w.subscription());
                if (c != null) {
                    // Checked again on the callback thread: nothing is delivered once the subscription is closed.
                    callbacks.execute(() -> {
                        if (watchers.get(w.subscription()) == c) {
                            c.accept(w.event());
                        }
                    });
                }
            }
            case JsonRpc.SERVER_LOG -> {
                Consumer<String> c = serverLog;
                String line = params.path("line").asText("");
                if (c != null) {
                    // On the reader thread: every line is out before the answer that follows it (serverStop's).
                    c.accept(line);
                }
            }
            case JsonRpc.SERVER_STOPPED -> stopped(params.path("server").asLong()).complete(params.path("reason").asText(""));
            default -> {
                // A notification a newer daemon sends and this client does not know: ignore it.
            }
        }
    }

    // ---------------------------------------------------------------- the RAS calls

    @Override
    public long dial(DialOptions o, StateListener listener) throws RasClientException {
        ObjectNode p = params();
        putIfSet(p, "entry", o.entry());
        // The daemon runs elsewhere: a relative path means one from this process's directory.
        putIfSet(p, "phonebook", absolute(o.phonebook()));
        putIfSet(p, "phoneNumber", o.phoneNumber());
        putIfSet(p, "device", o.device());
        putIfSet(p, "user", o.user());
        putIfSet(p, "password", o.password());
        p.put("allUsers", o.allUsers());
        StateListener l = listener == null ? StateListener.NONE : listener;
        // Registered on the reader thread before the daemon's first state notification is read.
        JsonNode r = call(JsonRpc.DIAL, p, result -> {
            try {
                dialListeners.computeIfAbsent(Wire.handle(result.get("handle")), h -> new CopyOnWriteArrayList<>()).add(l);
            } catch (RpcException e) {
                throw new IllegalStateException("the daemon answered dial without a handle");
            }
        }, CALL_TIMEOUT);
        return handleOf(r);
    }

    @Override
    public Status status(long handle) throws RasClientException {
        return Wire.MAPPER.convertValue(call(JsonRpc.STATUS, handleParams(handle)), Status.class);
    }

    @Override
    public List<ConnectionInfo> list() throws RasClientException {
        return Wire.MAPPER.convertValue(call(JsonRpc.LIST, params()), new TypeReference<List<ConnectionInfo>>() { });
    }

    @Override
    public void hangUp(long handle, boolean all) throws RasClientException {
        call(JsonRpc.HANG_UP, handleParams(handle).put("all", all));
    }

    @Override
    public boolean awaitInvalid(long handle, Duration timeout) throws RasClientException, InterruptedException {
        ObjectNode p = handleParams(handle).put("timeoutMillis", Math.max(0, timeout.toMillis()));
        CompletableFuture<JsonNode> f = rpc.request(JsonRpc.AWAIT_INVALID, p, null);
        try {
            return await(f, timeout.plus(CALL_TIMEOUT)).path("invalid").asBoolean();
        } catch (InterruptedException e) {
            rpc.abandon(f);
            throw e;
        }
    }

    @Override
    public Optional<Tombstone> tombstone(long handle) throws RasClientException {
        JsonNode r = call(JsonRpc.TOMBSTONE, handleParams(handle));
        return r.isNull() || r.isMissingNode() ? Optional.empty() : Optional.of(Wire.MAPPER.convertValue(r, Tombstone.class));
    }

    @Override
    public void clearStatistics(long handle) throws RasClientException {
        call(JsonRpc.CLEAR_STATISTICS, handleParams(handle));
    }

    @Override
    public AutoCloseable watch(long since, Consumer<Event> consumer) throws RasClientException {
        JsonNode r = call(JsonRpc.WATCH, params().put("since", Math.max(0, since)),
                result -> watchers.put(result.path("subscription").asLong(), consumer), CALL_TIMEOUT);
        long subscription = r.path("subscription").asLong();
        return () -> {
            if (watchers.remove(subscription) != null && rpc.isOpen()) {
                // Fire and forget: events that still arrive are dropped here anyway.
                rpc.request(JsonRpc.UNWATCH, params().put("subscription", subscription), null);
            }
        };
    }

    /** {@code ping}: the daemon's pid and uid. */
    public JsonNode ping() throws RasClientException {
        return call(JsonRpc.PING, params());
    }

    /** Asks the daemon to hang up everything and exit (root or the daemon's own user only). */
    public void shutdownDaemon() throws RasClientException {
        call(JsonRpc.SHUTDOWN, params());
    }

    // ---------------------------------------------------------------- answering servers (jras serve)

    /**
     * {@code serverStart}: the daemon runs an answering server (its sessions become the manager's
     * incoming connections). Its log lines come to {@code log} in order, on the socket's reader
     * thread before any later answer (so it must be quick: printing a line is fine).
     * Unless {@code detach}, the daemon stops it when this connection closes.
     *
     * @param request the server's options as JSON fields (jras-server's ServeRequest); paths absolute
     * @return {server: id, listen: ["tcp:HOST:PORT", ...]}
     */
    public JsonNode startServer(Object request, boolean detach, Consumer<String> log) throws RasClientException {
        ObjectNode p = Wire.MAPPER.valueToTree(request);
        p.put("detach", detach);
        serverLog = log;
        return call(JsonRpc.SERVER_START, p);
    }

    /** {@code serverStop}: answers once every session of the server has ended (LCP Terminate). */
    public void stopServer(long server) throws RasClientException {
        call(JsonRpc.SERVER_STOP, params().put("server", server));
    }

    /** {@code serverList}: the caller's running servers (root: all). */
    public JsonNode servers() throws RasClientException {
        return call(JsonRpc.SERVER_LIST, params());
    }

    /** Completes, with the reason, when the daemon says server {@code server} (one this connection started) has stopped. */
    public CompletableFuture<String> serverStopped(long server) {
        return stopped(server);
    }

    private CompletableFuture<String> stopped(long server) {
        return serversStopped.computeIfAbsent(server, s -> new CompletableFuture<>());
    }

    /** Completes when the connection to the daemon has ended (closed by either side, or broken). */
    public CompletableFuture<Void> lost() {
        return lost;
    }

    @Override
    public void close() {
        rpc.close();
        callbacks.shutdown();
    }

    // ---------------------------------------------------------------- plumbing

    private JsonNode call(String method, ObjectNode params) throws RasClientException {
        return call(method, params, null, CALL_TIMEOUT);
    }

    private JsonNode call(String method, ObjectNode params, Consumer<JsonNode> onResult, Duration timeout)
            throws RasClientException {
        CompletableFuture<JsonNode> f = rpc.request(method, params, onResult);
        try {
            return await(f, timeout);
        } catch (InterruptedException e) {
            rpc.abandon(f);
            Thread.currentThread().interrupt();
            throw new RasClientException(RasError.UNKNOWN, "interrupted while waiting for the jras daemon");
        }
    }

    private JsonNode await(CompletableFuture<JsonNode> f, Duration timeout) throws RasClientException, InterruptedException {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            rpc.abandon(f);
            throw new RasClientException(RasError.REQUEST_TIMEOUT,
                    RasError.text(RasError.REQUEST_TIMEOUT) + " (the jras daemon did not answer)");
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    /** The daemon's error as the client API's exception: RAS errors keep their code, text and detail. */
    static RasClientException failure(Throwable t) {
        if (t instanceof RpcException e) {
            JsonNode data = e.data();
            if (data != null && data.path("rasError").isInt()) {
                String detail = data.path("detail").asText("");
                return new RasClientException(data.path("rasError").asInt(),
                        e.getMessage() + (detail.isEmpty() ? "" : " (" + detail + ")"));
            }
            int code = e.code() == JsonRpc.INVALID_PARAMS ? RasError.INVALID_PARAMETER
                    : RasError.UNKNOWN;
            return new RasClientException(code, "the jras daemon refused the request: " + e.getMessage()
                    + " (JSON-RPC " + e.code() + ")");
        }
        if (t instanceof IOException) {
            return new RasClientException(DAEMON_UNAVAILABLE, t.getMessage());
        }
        return new RasClientException(RasError.UNKNOWN, String.valueOf(t));
    }

    private static ObjectNode params() {
        return Wire.MAPPER.createObjectNode();
    }

    private static ObjectNode handleParams(long handle) {
        return params().put("handle", Handles.format(handle));
    }

    private static String absolute(String path) {
        try {
            return path == null ? null : Path.of(path).toAbsolutePath().toString();
        } catch (java.nio.file.InvalidPathException e) {
            return path; // not a path at all: the daemon answers it with 621
        }
    }

    private static void putIfSet(ObjectNode p, String name, String value) {
        if (value != null) {
            p.put(name, value);
        }
    }

    private static long handleOf(JsonNode r) throws RasClientException {
        try {
            return Wire.handle(r.get("handle"));
        } catch (RpcException e) {
            throw new RasClientException(RasError.UNKNOWN, "the jras daemon answered dial without a handle");
        }
    }
}
