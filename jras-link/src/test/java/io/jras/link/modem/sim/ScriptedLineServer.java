package io.jras.link.modem.sim;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A "modem" that is no modem: a TCP server that is silent, or that spews noise lines. */
final class ScriptedLineServer implements Closeable {

    private final ServerSocket server;

    private ScriptedLineServer(boolean spew) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    Socket s = server.accept();
                    Thread.ofVirtual().start(() -> serve(s, spew));
                }
            } catch (IOException e) {
                // closed
            }
        });
    }

    /** Accepts and never says a word. */
    static ScriptedLineServer silent() throws IOException {
        return new ScriptedLineServer(false);
    }

    /** Answers everything with lines of noise, forever. */
    static ScriptedLineServer spewing() throws IOException {
        return new ScriptedLineServer(true);
    }

    String modemSpec() {
        return "modem:tcp:127.0.0.1:" + server.getLocalPort();
    }

    private static void serve(Socket s, boolean spew) {
        try (s) {
            OutputStream out = s.getOutputStream();
            int i = 0;
            while (spew) {
                out.write(("\u0000\u00ffline noise " + i++ + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                Thread.sleep(10);
            }
            s.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException | InterruptedException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
