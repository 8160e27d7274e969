package io.jras.core.testkit;

import io.jras.link.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** A Transport over an already connected socket (tests only; jras-link has the real TCP transport). */
public final class SocketTransport implements Transport {
    private final Socket socket;
    private final String name;

    public SocketTransport(Socket socket, String name) {
        this.socket = socket;
        this.name = name;
    }

    @Override
    public InputStream input() throws IOException {
        return socket.getInputStream();
    }

    @Override
    public OutputStream output() throws IOException {
        return socket.getOutputStream();
    }

    @Override
    public String deviceType() {
        return "tcp";
    }

    @Override
    public String deviceName() {
        return name;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
