package io.jras.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's side of the socket played by the test: it reads what the client sends and writes
 * exactly the lines the test scripts, so the client's handling of order, errors and junk is pinned.
 */
final class ScriptedDaemon implements AutoCloseable {

    final Path dir;
    final Path socket;
    private final ServerSocketChannel server;
    private final LinkedBlockingQueue<JsonNode> requests = new LinkedBlockingQueue<>();
    private volatile SocketChannel client;

    ScriptedDaemon() throws IOException {
        dir = Files.createTempDirectory("jras-scripted");
        socket = dir.resolve("jras.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread.ofVirtual().start(this::serve);
    }

    private void serve() {
        try {
            client = server.accept();
            LineReader lines = new LineReader(client, 1 << 20);
            LineReader.Line l;
            while ((l = lines.next()) != null) {
                if (l instanceof LineReader.Line.Text t) {
                    requests.add(Wire.MAPPER.readTree(t.bytes()));
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** The next request the client sent (bounded wait). */
    JsonNode request() throws InterruptedException {
        JsonNode r = requests.poll(10, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("the client sent nothing");
        }
        return r;
    }

    /** Writes these lines in one go. */
    void send(String... lines) throws IOException {
        ByteBuffer b = ByteBuffer.wrap((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            client.write(b);
        }
    }

    static String result(JsonNode request, String result) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + ",\"result\":" + result + "}";
    }

    static String error(JsonNode request, String error) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + ",\"error\":" + error + "}";
    }

    void dropClient() throws IOException {
        client.close();
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (client != null) {
            client.close();
        }
        Files.deleteIfExists(socket);
        Files.deleteIfExists(dir);
    }
}
