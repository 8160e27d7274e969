package io.jras.daemon.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.jras.client.rpc.LineReader;
import io.jras.client.rpc.Wire;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bare JSON-RPC client for protocol tests: writes exactly the bytes a test gives it and records
 * every line the daemon sends, responses by id and notifications in order. All waits are bounded.
 */
public final class RawClient implements AutoCloseable {

    public static final Duration WITHIN = Duration.ofSeconds(15);

    private final SocketChannel channel;
    private final Map<String, JsonNode> responses = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<JsonNode> unanswered = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<JsonNode> notifications = new LinkedBlockingQueue<>();
    /** Every line received, as text, in order (for "no secret anywhere" checks). */
    public final List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicLong ids = new AtomicLong(1000);

    private RawClient(SocketChannel channel) {
        this.channel = channel;
        Thread.ofVirtual().name("raw-client-reader").start(this::readLoop);
    }

    public static RawClient connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        return new RawClient(ch);
    }

    private void readLoop() {
        LineReader lines = new LineReader(channel, 64 << 20);
        try {
            LineReader.Line line;
            while ((line = lines.next()) != null) {
                if (line instanceof LineReader.Line.Text t) {
                    String text = new String(t.bytes(), StandardCharsets.UTF_8);
                    received.add(text);
                    JsonNode msg = Wire.MAPPER.readTree(text);
                    if (msg.has("method")) {
                        notifications.add(msg);
                    } else if (msg.path("id").isNull()) {
                        unanswered.add(msg);
                    } else {
                        responses.put(msg.path("id").asText(), msg);
                    }
                }
            }
        } catch (IOException e) {
            // closed
        } finally {
            closed.countDown();
        }
    }

    public void sendRaw(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    public void sendLine(String json) throws IOException {
        sendRaw((json + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a request with a fresh numeric id and returns the whole response envelope. */
    public JsonNode call(String method, String params) throws IOException, InterruptedException {
        long id = ids.incrementAndGet();
        sendLine("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
                + (params == null ? "" : ",\"params\":" + params) + "}");
        return response(Long.toString(id));
    }

    /** The result of a call that must succeed. */
    public JsonNode result(String method, String params) throws IOException, InterruptedException {
        JsonNode r = call(method, params);
        if (!r.has("result")) {
            throw new AssertionError(method + " failed: " + r);
        }
        return r.get("result");
    }

    /** Sends a request and does not wait; returns its id. */
    public String send(String method, String params) throws IOException {
        long id = ids.incrementAndGet();
        sendLine("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
                + (params == null ? "" : ",\"params\":" + params) + "}");
        return Long.toString(id);
    }

    /** The response with this id (as text: "7", "abc"). */
    public JsonNode response(String id) throws InterruptedException {
        long end = System.nanoTime() + WITHIN.toNanos();
        while (System.nanoTime() < end) {
            JsonNode r = responses.remove(id);
            if (r != null) {
                return r;
            }
            if (closed.getCount() == 0) {
                throw new AssertionError("the daemon closed the connection before answering " + id);
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no response to " + id + " within " + WITHIN);
    }

    /** Whether a response to this id has arrived (without waiting). */
    public boolean answered(String id) {
        return responses.containsKey(id);
    }

    /** The next response with id null (errors about lines that had no usable id). */
    public JsonNode unanswerable() throws InterruptedException {
        JsonNode r = unanswered.poll(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("no id-less error within " + WITHIN);
        }
        return r;
    }

    /** The next notification. */
    public JsonNode notification() throws InterruptedException {
        JsonNode n = notifications.poll(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        if (n == null) {
            throw new AssertionError("no notification within " + WITHIN);
        }
        return n;
    }

    public JsonNode pollNotification(Duration d) throws InterruptedException {
        return notifications.poll(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True once the daemon has closed this connection. */
    public boolean awaitClosed(Duration d) throws InterruptedException {
        return closed.await(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
