package io.jras.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/** A TCP connection as a line. */
public final class TcpTransport implements Transport {

    private final Socket socket;
    private final String name;

    private TcpTransport(Socket socket, String name) {
        this.socket = socket;
        this.name = name;
    }

    /**
     * Connects to {@code spec} within {@code timeout}.
     *
     * @throws RasException 678 when nobody answers (refused, unreachable, timed out), 633 when the
     *     host name does not resolve or the socket cannot be made
     */
    public static TcpTransport connect(DeviceSpec.Tcp spec, Duration timeout) throws RasException {
        Socket socket = new Socket();
        String where = spec.authority();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(spec.host(), spec.port()), timeoutMillis(timeout));
            return new TcpTransport(socket, where);
        } catch (UnknownHostException e) {
            closeQuietly(socket);
            throw new RasException(RasError.PORT_NOT_AVAILABLE, "unknown host " + spec.host(), e);
        } catch (ConnectException | NoRouteToHostException e) {
            closeQuietly(socket);
            throw new RasException(RasError.NO_ANSWER, where + ": " + e.getMessage(), e);
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new RasException(RasError.NO_ANSWER, where + ": no answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new RasException(RasError.PORT_NOT_AVAILABLE, where + ": " + e.getMessage(), e);
        }
    }

    /** Wraps a socket that is already connected (an accepted one, say); closing closes it. */
    public static TcpTransport of(Socket socket) {
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        String host = remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        return new TcpTransport(socket, (host.contains(":") ? "[" + host + "]" : host) + ":" + remote.getPort());
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

    /** {@code host:port} of the far end. */
    @Override
    public String deviceName() {
        return name;
    }

    /** Closing the socket ends a pending read with an exception. */
    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public String toString() {
        return "tcp:" + name;
    }

    private static int timeoutMillis(Duration timeout) {
        long ms = timeout.toMillis();
        return ms <= 0 ? 1 : (int) Math.min(Integer.MAX_VALUE, ms);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing was connected
        }
    }
}
