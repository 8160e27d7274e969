package io.jras.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The client end of one socket to the daemon: requests out, and one reader thread that completes
 * responses and hands notifications on, in the order they arrived.
 *
 * <p>Threads: any thread may send (writes are serialized under a lock, never held while waiting
 * for an answer); the reader thread (virtual) owns the input. A request's {@code onResult} hook
 * runs on the reader thread before the next line is read, so whatever it registers (a listener
 * for a dialed handle, a watch subscription) is in place before the notifications that follow.
 */
public final class RpcConnection implements AutoCloseable {

    /** Receives the daemon's notifications on the reader thread; must not block. */
    public interface Notifications {
        void onNotification(String method, JsonNode params);

        /** The connection ended (closed by us, by the daemon, or broken). */
        default void onClosed() {
        }
    }

    /** Server-to-client lines may be long (a list of many connections), but not unbounded. */
    static final int MAX_RESPONSE_LINE = 16 * 1024 * 1024;

    private record Pending(CompletableFuture<JsonNode> result, Consumer<JsonNode> onResult) {
    }

    private final Path socket;
    private final SocketChannel channel;
    private final Notifications notifications;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    private volatile boolean closed;

    /** How long a connect keeps trying while the daemon's backlog is full. */
    private static final java.time.Duration BUSY_RETRY = java.time.Duration.ofSeconds(5);

    private RpcConnection(Path socket, SocketChannel channel, Notifications notifications) {
        this.socket = socket;
        this.channel = channel;
        this.notifications = notifications;
    }

    /** Connects; throws if nothing listens there (see {@link #nothingListens}). */
    public static RpcConnection open(Path socket, Notifications notifications) throws IOException {
        SocketChannel ch = connect(socket);
        RpcConnection c = new RpcConnection(socket, ch, notifications);
        Thread.ofVirtual().name("jras-rpc-reader").start(c::readLoop);
        return c;
    }

    /**
     * A Unix socket whose listen backlog is full refuses a connect with EAGAIN rather than queueing
     * it (unix(7)); a daemon busy accepting a burst of clients is still there, so try again shortly.
     */
    private static SocketChannel connect(Path socket) throws IOException {
        long deadline = System.nanoTime() + BUSY_RETRY.toNanos();
        for (int pause = 1; ; pause = Math.min(pause * 2, 50)) {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
                return ch;
            } catch (IOException e) {
                ch.close();
                if (!backlogFull(e) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while connecting to " + socket);
            }
        }
    }

    private static boolean backlogFull(IOException e) {
        return e instanceof java.net.SocketException && e.getMessage() != null
                && e.getMessage().contains("Resource temporarily unavailable");
    }

    /** True when a connect failure means "no daemon": no socket file, or a stale one nobody accepts on. */
    public static boolean nothingListens(Path socket, IOException e) {
        return e instanceof java.net.ConnectException || !java.nio.file.Files.exists(socket);
    }

    public Path socket() {
        return socket;
    }

    public boolean isOpen() {
        return !closed;
    }

    /**
     * Sends a request. The future completes with the result, or fails with an {@link RpcException}
     * (the daemon's error) or an {@link IOException} (the connection failed).
     *
     * @param onResult runs on the reader thread with the result before any later message; may be null
     */
    public CompletableFuture<JsonNode> request(String method, ObjectNode params, Consumer<JsonNode> onResult) {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, new Pending(f, onResult));
        ObjectNode msg = Wire.MAPPER.createObjectNode().put("jsonrpc", JsonRpc.VERSION).put("id", id).put("method", method);
        if (params != null) {
            msg.set("params", params);
        }
        try {
            write(msg);
        } catch (IOException e) {
            pending.remove(id);
            f.completeExceptionally(e);
        }
        if (closed && pending.remove(id) != null) {
            f.completeExceptionally(lost());
        }
        return f;
    }

    /** Forgets a request whose answer nobody waits for any more (an interrupted caller). */
    public void abandon(CompletableFuture<JsonNode> request) {
        pending.values().removeIf(p -> p.result == request);
    }

    private void write(ObjectNode msg) throws IOException {
        if (closed) {
            throw lost();
        }
        byte[] bytes = (Wire.MAPPER.writeValueAsString(msg) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        synchronized (writeLock) {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        }
    }

    private IOException lost() {
        return new IOException("the connection to the jras daemon at " + socket + " was lost");
    }

    private void readLoop() {
        LineReader lines = new LineReader(channel, MAX_RESPONSE_LINE);
        try {
            LineReader.Line line;
            while ((line = lines.next()) != null) {
                if (line instanceof LineReader.Line.Text t && t.bytes().length > 0) {
                    dispatch(t.bytes());
                }
            }
        } catch (IOException e) {
            // The daemon went away or we closed: either way this connection is over.
        } finally {
            shutDown();
        }
    }

    private void dispatch(byte[] line) {
        JsonNode msg;
        try {
            msg = Wire.MAPPER.readTree(line);
        } catch (IOException e) {
            return; // Not ours to answer: the daemon never sends a broken line; skip it.
        }
        if (msg == null || !msg.isObject()) {
            return;
        }
        JsonNode method = msg.get("method");
        if (method != null && method.isTextual() && !msg.has("id")) {
            try {
                notifications.onNotification(method.textValue(), msg.path("params"));
            } catch (RuntimeException ignored) {
                // A broken handler must not stop the reader: later responses still need it.
            }
            return;
        }
        JsonNode id = msg.get("id");
        Pending p = id != null && id.canConvertToLong() ? pending.remove(id.longValue()) : null;
        if (p == null) {
            return; // An answer to nothing we asked (or to an abandoned request).
        }
        JsonNode error = msg.get("error");
        if (error != null && error.isObject()) {
            p.result.completeExceptionally(new RpcException(error.path("code").asInt(JsonRpc.INTERNAL_ERROR),
                    error.path("message").asText(""), error.get("data")));
            return;
        }
        JsonNode result = msg.path("result");
        if (p.onResult != null) {
            try {
                p.onResult.accept(result);
            } catch (RuntimeException e) {
                p.result.completeExceptionally(e);
                return;
            }
        }
        p.result.complete(result);
    }

    private void shutDown() {
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a socket we are done with: nothing to do about a failure.
        }
        for (Long id : pending.keySet()) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.result.completeExceptionally(lost());
            }
        }
        notifications.onClosed();
    }

    /** Closes the socket; pending requests fail; the daemon and its connections go on. */
    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // As above.
        }
    }
}
