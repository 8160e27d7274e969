package io.jras.server.radius;

import java.net.InetSocketAddress;

/** The RADIUS server did not answer a request, retransmissions included. */
public final class RadiusTimeoutException extends Exception {
    private final InetSocketAddress server;

    RadiusTimeoutException(InetSocketAddress server, int tries) {
        super("RADIUS server " + text(server) + " did not answer ("
                + tries + (tries == 1 ? " try)" : " tries)"), null, false, false);
        this.server = server;
    }

    /** The address as numbers (a host name would hide which address was tried), IPv6 in brackets. */
    static String text(InetSocketAddress a) {
        String host = a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    public InetSocketAddress server() {
        return server;
    }
}
