package io.jras.daemon;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.jras.client.rpc.JsonRpc;
import io.jras.client.rpc.LineReader;
import io.jras.client.rpc.RpcException;
import io.jras.client.rpc.Wire;
import io.jras.core.events.EventLog;
import io.jras.link.RasException;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client socket: its own virtual thread reads requests line by line and answers each, and an
 * {@link Outbox} writes whatever is sent to it. Bad input (broken JSON, a line over 64 KiB, an
 * unknown method, wrong params) gets its JSON-RPC error and the session goes on; only the end of
 * the stream, a failed write or an overflowing outbox ends it.
 */
final class ClientSession {

    /** At most this many answers may wait (awaitInvalid) per client. */
    static final int MAX_PENDING = 256;

    private static final ObjectReader JSON = Wire.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final SocketChannel channel;
    private final Caller caller;
    private final Methods methods;
    private final Runnable onClosed;
    private final Outbox outbox;
    private final Map<Long, EventLog.Subscription> subscriptions = new ConcurrentHashMap<>();
    private final AtomicLong nextSubscription = new AtomicLong();
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Runnable> whenClosed = new CopyOnWriteArrayList<>();

    ClientSession(long id, SocketChannel channel, Caller caller, Methods methods, long maxQueuedBytes, Runnable onClosed) {
        this.channel = channel;
        this.caller = caller;
        this.methods = methods;
        this.onClosed = onClosed;
        this.outbox = new Outbox(channel, maxQueuedBytes, Long.toString(id), this::close);
    }

    Caller caller() {
        return caller;
    }

    /** The reader loop; returns when the client is gone. */
    void run() {
        LineReader lines = new LineReader(channel, JsonRpc.MAX_REQUEST_LINE);
        try {
            LineReader.Line line;
            while (!closed.get() && (line = lines.next()) != null) {
                switch (line) {
                    case LineReader.Line.TooLong t -> send(Messages.error(null, new RpcException(JsonRpc.INVALID_REQUEST,
                            "Invalid Request: a line may hold at most " + JsonRpc.MAX_REQUEST_LINE + " bytes")));
                    case LineReader.Line.Text t -> serve(t.bytes());
                }
            }
        } catch (IOException e) {
            // The client went away (or we closed it): nothing to answer.
        } finally {
            close();
        }
    }

    private void serve(byte[] bytes) {
        if (isBlank(bytes)) {
            return;
        }
        JsonNode msg;
        try {
            msg = JSON.readTree(bytes);
        } catch (JacksonException | IllegalArgumentException e) {
            // The parser's own message may quote the input (a password): say where, not what.
            String where = e instanceof JacksonException j && j.getLocation() != null
                    ? " at column " + j.getLocation().getColumnNr() : "";
            send(Messages.error(null, new RpcException(JsonRpc.PARSE_ERROR, "Parse error: not valid JSON" + where)));
            return;
        } catch (IOException e) {
            send(Messages.error(null, new RpcException(JsonRpc.PARSE_ERROR, "Parse error")));
            return;
        }
        if (msg == null || !msg.isObject()) {
            send(Messages.error(null, new RpcException(JsonRpc.INVALID_REQUEST, msg != null && msg.isArray()
                    ? "Invalid Request: batches are not supported; send one object per line"
                    : "Invalid Request: a request is a JSON object")));
            return;
        }
        JsonNode rid = msg.get("id");
        boolean hasId = rid != null;
        if (hasId && !(rid.isTextual() || rid.isIntegralNumber() || rid.isNull())) {
            send(Messages.error(null, new RpcException(JsonRpc.INVALID_REQUEST, "Invalid Request: id must be a string or an integer")));
            return;
        }
        // JSON-RPC 2.0 §5: an invalid request is answered even without an id (with id null).
        JsonNode version = msg.get("jsonrpc");
        JsonNode method = msg.get("method");
        if (version == null || !JsonRpc.VERSION.equals(version.textValue())) {
            send(Messages.error(rid, new RpcException(JsonRpc.INVALID_REQUEST, "Invalid Request: \"jsonrpc\" must be \"2.0\"")));
            return;
        }
        if (method == null || method.getNodeType() != JsonNodeType.STRING) {
            send(Messages.error(rid, new RpcException(JsonRpc.INVALID_REQUEST, "Invalid Request: \"method\" must be a string")));
            return;
        }
        JsonNode params = msg.get("params");
        if (params != null && !params.isObject() && !params.isArray() && !params.isNull()) {
            send(Messages.error(rid, new RpcException(JsonRpc.INVALID_REQUEST, "Invalid Request: \"params\" must be an object")));
            return;
        }
        invoke(hasId, rid, method.textValue(), params);
    }

    private void invoke(boolean hasId, JsonNode rid, String method, JsonNode params) {
        Call call;
        Object result;
        try {
            call = new Call(this, Params.of(method, params));
            result = methods.call(method, call);
        } catch (RpcException e) {
            reply(hasId, rid, e);
            return;
        } catch (RasException e) {
            reply(hasId, rid, Messages.rasError(e));
            return;
        } catch (RuntimeException e) {
            methods.log().line("internal error in " + method + " for " + caller + ": " + e.getClass().getName());
            reply(hasId, rid, new RpcException(JsonRpc.INTERNAL_ERROR, "Internal error"));
            return;
        }
        if (result instanceof CompletionStage<?> later) {
            later.whenComplete((value, failure) -> {
                if (failure != null) {
                    reply(hasId, rid, new RpcException(JsonRpc.INTERNAL_ERROR, "Internal error"));
                } else if (hasId) {
                    send(Messages.response(rid, value));
                }
                call.replied();
            });
            return;
        }
        if (hasId) {
            send(Messages.response(rid, result));
        }
        call.replied();
    }

    /** Errors of a notification (a request without id) are not answered (JSON-RPC 2.0 §4.1). */
    private void reply(boolean hasId, JsonNode rid, RpcException e) {
        if (hasId) {
            send(Messages.error(rid, e));
        }
    }

    private void send(byte[] line) {
        outbox.offer(line);
    }

    /** Sends a notification; false once this client is gone (the producer then stops). */
    boolean notify(String method, Object params) {
        return !closed.get() && outbox.offer(Messages.notification(method, params));
    }

    // ---------------------------------------------------------------- waits and subscriptions

    /** Refuses one more wait when this client already has {@link #MAX_PENDING} of them. */
    void checkPendingLimit() throws RpcException {
        if (pending.size() >= MAX_PENDING) {
            throw new RpcException(JsonRpc.LIMIT_EXCEEDED, "Limit exceeded: at most " + MAX_PENDING
                    + " pending calls per client");
        }
    }

    /** A wait of this client's: cancelled if the client goes, so nothing outlives it. */
    void track(CompletableFuture<?> wait) {
        pending.add(wait);
        wait.whenComplete((v, t) -> pending.remove(wait));
        if (closed.get()) {
            wait.cancel(false);
        }
    }


    long nextSubscriptionId() {
        return nextSubscription.incrementAndGet();
    }

    void subscribed(long subscription, EventLog.Subscription s) {
        subscriptions.put(subscription, s);
        if (closed.get()) {
            unsubscribe(subscription);
        }
    }

    boolean unsubscribe(long subscription) {
        EventLog.Subscription s = subscriptions.remove(subscription);
        if (s != null) {
            s.close();
        }
        return s != null;
    }

    // ---------------------------------------------------------------- ending

    /** Runs {@code r} (once, on its own virtual thread) when this client is gone; at once if it already is. */
    void whenClosed(Runnable r) {
        whenClosed.add(r);
        if (closed.get() && whenClosed.remove(r)) {
            Thread.ofVirtual().name("jras-client-gone").start(r);
        }
    }

    /** The daemon stops: what is queued (the last states) goes out, within {@code within}. */
    void finish(Duration within) {
        outbox.drain(within);
        close();
    }

    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Long s : subscriptions.keySet()) {
            unsubscribe(s);
        }
        for (CompletableFuture<?> w : pending) {
            w.cancel(false);
        }
        for (Runnable r : whenClosed) {
            if (whenClosed.remove(r)) {
                Thread.ofVirtual().name("jras-client-gone").start(r);
            }
        }
        outbox.close();
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing left to do with a socket we are done with.
        }
        onClosed.run();
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
