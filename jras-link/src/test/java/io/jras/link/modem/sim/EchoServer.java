package io.jras.link.modem.sim;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A TCP echo server on loopback that tells when a client closed its side, and can hang up. */
final class EchoServer implements Closeable {

    private final ServerSocket server;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    /** Completes for each connection when the client closes it (the echo server saw the end). */
    final List<CompletableFuture<Void>> closedByClient = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> firstConnection = new CompletableFuture<>();

    EchoServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("echo-accept").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    String spec() {
        return "tcp:127.0.0.1:" + port();
    }

    /** Hangs up on every client: the far end of a call closing. */
    void hangUpAll() throws IOException {
        for (Socket s : clients) {
            s.close();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        hangUpAll();
    }

    private void accept() {
        try {
            while (true) {
                Socket s = server.accept();
                clients.add(s);
                CompletableFuture<Void> closed = new CompletableFuture<>();
                closedByClient.add(closed);
                firstConnection.complete(null);
                Thread.ofVirtual().name("echo").start(() -> echo(s, closed));
            }
        } catch (IOException e) {
            // closed
        }
    }

    private static void echo(Socket s, CompletableFuture<Void> closed) {
        byte[] buffer = new byte[8192];
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
            closed.complete(null);
        } catch (IOException e) {
            closed.completeExceptionally(e);
        }
    }
}
