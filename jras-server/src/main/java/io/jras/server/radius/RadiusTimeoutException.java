package io.jras.server.radius;

import java.net.InetSocketAddress;

/** The RADIUS server did not answer a request, retransmissions included. */
public final class RadiusTimeoutException extends Exception {
    private final InetSocketAddress server;

    RadiusTimeoutException(InetSocketAddress server, int tries) {
        super("RADIUS server " + server.getHostString() + ":" + server.getPort() + " did not answer ("
                + tries + (tries == 1 ? " try)" : " tries)"), null, false, false);
        this.server = server;
    }

    public InetSocketAddress server() {
        return server;
    }
}
