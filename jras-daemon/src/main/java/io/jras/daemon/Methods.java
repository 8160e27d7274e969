package io.jras.daemon;

import static io.jras.client.rpc.JsonRpc.AWAIT_INVALID;
import static io.jras.client.rpc.JsonRpc.CLEAR_STATISTICS;
import static io.jras.client.rpc.JsonRpc.DIAL;
import static io.jras.client.rpc.JsonRpc.HANG_UP;
import static io.jras.client.rpc.JsonRpc.LIST;
import static io.jras.client.rpc.JsonRpc.PING;
import static io.jras.client.rpc.JsonRpc.SERVER_LIST;
import static io.jras.client.rpc.JsonRpc.SERVER_START;
import static io.jras.client.rpc.JsonRpc.SERVER_STOP;
import static io.jras.client.rpc.JsonRpc.SHUTDOWN;
import static io.jras.client.rpc.JsonRpc.STATUS;
import static io.jras.client.rpc.JsonRpc.TOMBSTONE;
import static io.jras.client.rpc.JsonRpc.UNWATCH;
import static io.jras.client.rpc.JsonRpc.WATCH;

import io.jras.client.internal.Views;
import io.jras.client.rpc.JsonRpc;
import io.jras.client.rpc.RpcException;
import io.jras.client.rpc.WatchedEvent;
import io.jras.core.ConnectionManager;
import io.jras.core.DialRequest;
import io.jras.core.DialResolver;
import io.jras.core.Handles;
import io.jras.core.events.EventLog;
import io.jras.link.RasError;
import io.jras.link.RasException;
import io.jras.server.ServeRequest;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.concurrent.CompletableFuture;

/**
 * The method table: each JSON-RPC method, its params, and the manager call behind it, with the
 * access rule applied (see {@link Access}). No RAS logic lives here: that is the manager's.
 * docs/daemon.md documents every method.
 */
final class Methods {

    @FunctionalInterface
    private interface Method {
        Object call(Call c) throws RasException, RpcException;
    }

    private static final Map<String, Object> EMPTY = Map.of();

    /** ping's answer: which process serves, as which user. */
    record Pong(long pid, int uid) {
    }
    private static final long MAX_WAIT_MILLIS = 24L * 3600 * 1000;

    private final ConnectionManager manager;
    private final DialResolver resolver;
    private final Access access;
    private final InvalidWaiters waiters = new InvalidWaiters();
    private final DaemonLog log;
    private final int daemonUid;
    private final Runnable shutdown;
    private final AnsweringServers servers;
    private final Map<String, Method> table = Map.ofEntries(
            Map.entry(PING, this::ping),
            Map.entry(DIAL, this::dial),
            Map.entry(STATUS, this::status),
            Map.entry(LIST, this::list),
            Map.entry(HANG_UP, this::hangUp),
            Map.entry(AWAIT_INVALID, this::awaitInvalid),
            Map.entry(TOMBSTONE, this::tombstone),
            Map.entry(CLEAR_STATISTICS, this::clearStatistics),
            Map.entry(WATCH, this::watch),
            Map.entry(UNWATCH, this::unwatch),
            Map.entry(SHUTDOWN, this::shutdown),
            Map.entry(SERVER_START, this::serverStart),
            Map.entry(SERVER_STOP, this::serverStop),
            Map.entry(SERVER_LIST, this::serverList));

    /** serverStart's params: the options of jras serve ({@link ServeRequest}), and detach. */
    private static final String[] SERVER_START_PARAMS = Stream.concat(
            Stream.of(ServeRequest.class.getRecordComponents()).map(RecordComponent::getName),
            Stream.of("detach")).toArray(String[]::new);

    /** @param shutdown stops the daemon; must return at once */
    Methods(ConnectionManager manager, DialResolver resolver, AnsweringServers servers, DaemonLog log, int daemonUid,
            Runnable shutdown) {
        this.manager = manager;
        this.servers = servers;
        this.resolver = resolver;
        this.access = new Access(manager);
        this.log = log;
        this.daemonUid = daemonUid;
        this.shutdown = shutdown;
    }

    DaemonLog log() {
        return log;
    }

    /** The result (a value, or a CompletableFuture of one); errors as exceptions. */
    Object call(String method, Call c) throws RasException, RpcException {
        Method m = table.get(method);
        if (m == null) {
            throw new RpcException(JsonRpc.METHOD_NOT_FOUND, "Method not found");
        }
        return m.call(c);
    }

    private Object ping(Call c) throws RpcException {
        c.params.allow();
        return new Pong(ProcessHandle.current().pid(), daemonUid);
    }

    private Object dial(Call c) throws RasException, RpcException {
        Params p = c.params.allow("entry", "phonebook", "phoneNumber", "device", "user", "password", "allUsers");
        String entry = p.string("entry");
        String password = p.string("password");
        boolean allUsers = p.bool("allUsers", false);
        String phonebook = p.string("phonebook");
        PhonebookPermission.require(c.caller, daemonUid, phonebook);
        DialRequest request;
        try {
            request = resolver.resolve(entry, phonebook, p.string("phoneNumber"), p.string("device"),
                    p.string("user"), password, c.caller.uid(), allUsers);
        } catch (RasException e) {
            if (password != null && !password.isEmpty() && String.valueOf(e.getMessage()).contains(password)) {
                throw new RasException(e.code()); // its detail quoted the secret: the code alone must do
            }
            throw e;
        }
        // The owner is the kernel's word on the caller, whatever the resolver made of it.
        request = request.withOwner(c.caller.uid(), allUsers);
        DialStream states = new DialStream(c.session);
        long handle = manager.dial(request, states);
        access.dialed(handle, c.caller.uid(), allUsers);
        if (!access.mayUse(c.caller, handle)) {
            // The manager shared a connection another user dialed privately: give the reference back.
            states.cancel();
            manager.hangUp(handle, false);
            throw new RasException(RasError.PORT_NOT_AVAILABLE, "the entry is connected by another user");
        }
        c.afterReply(states::release);
        log.line("dial " + request.displayName() + " by " + c.caller + (allUsers ? " for all users" : "")
                + ": " + Handles.format(handle));
        return Map.of("handle", Handles.format(handle));
    }

    private Object status(Call c) throws RasException, RpcException {
        long h = c.params.allow("handle").handle();
        access.require(c.caller, h);
        return Views.status(manager.status(h));
    }

    private Object list(Call c) throws RpcException {
        c.params.allow();
        return manager.enumerate().stream().filter(i -> access.mayUse(c.caller, i))
                .map(i -> Views.info(i, Users::nameOf)).toList();
    }

    private Object hangUp(Call c) throws RasException, RpcException {
        Params p = c.params.allow("handle", "all");
        long h = p.handle();
        boolean all = p.bool("all", false);
        access.require(c.caller, h);
        manager.hangUp(h, all);
        log.line("hang up " + Handles.format(h) + (all ? " (all references)" : "") + " by " + c.caller);
        return EMPTY;
    }

    private Object awaitInvalid(Call c) throws RpcException {
        Params p = c.params.allow("handle", "timeoutMillis");
        long h = p.handle();
        long timeout = p.number("timeoutMillis", 0, 0, MAX_WAIT_MILLIS);
        CompletableFuture<Void> gone = manager.completion(h);
        // A handle the caller may not see is invalid to them: answered as one.
        if (!access.mayUse(c.caller, h) || gone.isDone()) {
            return Map.of("invalid", true);
        }
        if (timeout == 0) {
            return Map.of("invalid", false);
        }
        c.session.checkPendingLimit();
        CompletableFuture<Boolean> wait = waiters.await(h, gone, timeout);
        c.session.track(wait);
        return wait.thenApply(invalid -> Map.of("invalid", invalid));
    }

    private Object tombstone(Call c) throws RpcException {
        long h = c.params.allow("handle").handle();
        if (!access.mayUse(c.caller, h)) {
            return null;
        }
        return manager.tombstone(h).map(Views::tombstone).orElse(null);
    }

    private Object clearStatistics(Call c) throws RasException, RpcException {
        long h = c.params.allow("handle").handle();
        access.require(c.caller, h);
        manager.clearStatistics(h);
        return EMPTY;
    }

    private Object watch(Call c) throws RpcException {
        long since = c.params.allow("since").number("since", 0, 0, Long.MAX_VALUE);
        ClientSession session = c.session;
        long subscription = session.nextSubscriptionId();
        // Subscribed once the answer is queued, so the client knows the id before its first event.
        c.afterReply(() -> {
            EventLog.Subscription s = manager.events().subscribe(since, e -> {
                if (access.mayUse(c.caller, e.handle())) {
                    session.notify(JsonRpc.EVENT, new WatchedEvent(subscription, Views.event(e)));
                }
            });
            session.subscribed(subscription, s);
        });
        return Map.of("subscription", subscription);
    }

    private Object unwatch(Call c) throws RpcException {
        Params p = c.params.allow("subscription");
        long subscription = p.number("subscription", -1, 0, Long.MAX_VALUE);
        if (subscription < 0) {
            throw RpcException.invalidParams("unwatch needs \"subscription\"");
        }
        c.session.unsubscribe(subscription);
        return EMPTY;
    }

    private Object shutdown(Call c) throws RpcException {
        c.params.allow();
        if (!c.caller.isRoot() && c.caller.uid() != daemonUid) {
            throw Messages.rasError(JsonRpc.ACCESS_DENIED, "Access is denied.");
        }
        log.line("shutdown asked by " + c.caller);
        c.afterReply(shutdown);
        return EMPTY;
    }

    // ---------------------------------------------------------------- answering servers (jras serve)

    /**
     * Starts an answering server whose sessions are this manager's incoming connections, owned by
     * the caller. Root or the daemon's own user only: it binds ports and reads a users file as the
     * daemon. Its log lines go to this client as serverLog notifications; unless detached, the
     * server stops when this client's connection ends.
     */
    private Object serverStart(Call c) throws RasException, RpcException {
        requireRootOrDaemonUser(c);
        Params p = c.params.allow(SERVER_START_PARAMS);
        boolean detach = p.bool("detach", false);
        ServeRequest request = p.as(ServeRequest.class, "detach");
        ClientSession session = c.session;
        int owner = c.caller.uid();
        long id;
        try {
            id = servers.start(request, owner, detach,
                    (server, line) -> session.notify(JsonRpc.SERVER_LOG, Map.of("server", server, "line", line)),
                    handle -> access.dialed(handle, owner, false),
                    (server, why) -> session.notify(JsonRpc.SERVER_STOPPED, Map.of("server", server, "reason", why)));
        } catch (IllegalArgumentException e) {
            throw RpcException.invalidParams(SERVER_START + ": " + e.getMessage());
        }
        if (!detach) {
            session.whenClosed(() -> servers.stop(id, "the client that started it went away"));
        }
        log.line("server " + id + " started by " + c.caller + (detach ? " (detached)" : ""));
        return Map.of("server", id, "listen", servers.addresses(id));
    }

    /** Stops a server (every session LCP-terminated); answers once its handles are all invalid. */
    private Object serverStop(Call c) throws RasException, RpcException {
        long id = c.params.allow("server").number("server", -1, 0, Long.MAX_VALUE);
        if (id < 0) {
            throw RpcException.invalidParams(SERVER_STOP + " needs \"server\"");
        }
        java.util.OptionalInt owner = servers.owner(id);
        // Someone else's server behaves as no server at all.
        if (owner.isEmpty() || !(c.caller.isRoot() || owner.getAsInt() == c.caller.uid())) {
            throw new RasException(RasError.INVALID_HANDLE, "server " + id);
        }
        log.line("server " + id + " stop asked by " + c.caller);
        CompletableFuture<Object> done = new CompletableFuture<>();
        Thread.ofVirtual().name("jras-server-stop").start(() -> {
            servers.stop(id, "asked by " + c.caller);
            done.complete(EMPTY);
        });
        return done;
    }

    private Object serverList(Call c) throws RpcException {
        c.params.allow();
        List<Map<String, Object>> out = new ArrayList<>();
        for (AnsweringServers.Running r : servers.list()) {
            if (c.caller.isRoot() || r.owner() == c.caller.uid()) {
                out.add(Map.of("server", r.server(), "owner", Users.nameOf(r.owner()), "name", r.name(),
                        "listen", r.listen(), "sessions", r.sessions(), "detached", r.detached()));
            }
        }
        return out;
    }

    private void requireRootOrDaemonUser(Call c) throws RpcException {
        if (!c.caller.isRoot() && c.caller.uid() != daemonUid) {
            throw Messages.rasError(JsonRpc.ACCESS_DENIED, "Access is denied.");
        }
    }
}
