package io.jras.server.radius;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how {@code jras serve} asks RADIUS.
 *
 * @param authServer    where Access-Requests go (RFC 2865: port 1812)
 * @param acctServer    where Accounting-Requests go (RFC 2866: port 1813)
 * @param secret        the shared secret; never printed
 * @param nasIdentifier our NAS-Identifier (RFC 2865 §5.32), the server name
 * @param timeout       wait before a retransmission
 * @param tries         transmissions of one request in all
 */
public record RadiusConfig(InetSocketAddress authServer, InetSocketAddress acctServer, RadiusSecret secret,
                           String nasIdentifier, Duration timeout, int tries) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    public static final int DEFAULT_TRIES = 3;

    public RadiusConfig {
        Objects.requireNonNull(authServer, "authServer");
        Objects.requireNonNull(acctServer, "acctServer");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(nasIdentifier, "nasIdentifier");
        Objects.requireNonNull(timeout, "timeout");
        if (authServer.isUnresolved() || acctServer.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve the RADIUS server "
                    + (authServer.isUnresolved() ? authServer : acctServer).getHostString());
        }
        if (timeout.isNegative() || timeout.isZero() || tries < 1) {
            throw new IllegalArgumentException("the RADIUS timeout must be positive and tries at least 1");
        }
    }

    /** Accounting on {@code authServer}'s port + 1, 3 s timeout, 3 tries. */
    public static RadiusConfig of(InetSocketAddress authServer, RadiusSecret secret, String nasIdentifier) {
        return new RadiusConfig(authServer, new InetSocketAddress(authServer.getAddress(), authServer.getPort() + 1),
                secret, nasIdentifier, DEFAULT_TIMEOUT, DEFAULT_TRIES);
    }

    public RadiusConfig withAcctServer(InetSocketAddress acct) {
        return new RadiusConfig(authServer, acct, secret, nasIdentifier, timeout, tries);
    }

    public RadiusConfig withTimeout(Duration newTimeout, int newTries) {
        return new RadiusConfig(authServer, acctServer, secret, nasIdentifier, newTimeout, newTries);
    }

    /** Reads {@code HOST:PORT} (or {@code [v6]:PORT}; PORT defaults to 1812). */
    public static InetSocketAddress parseServer(String text) {
        String host = text.strip();
        int port = 1812;
        int colon = host.lastIndexOf(':');
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("bad RADIUS server '" + text + "': use HOST:PORT");
            }
            if (colon > close) {
                port = parsePort(host.substring(colon + 1), text);
            }
            host = host.substring(1, close);
        } else if (colon >= 0 && host.indexOf(':') == colon) {
            port = parsePort(host.substring(colon + 1), text);
            host = host.substring(0, colon);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("bad RADIUS server '" + text + "': use HOST:PORT");
        }
        InetSocketAddress a = new InetSocketAddress(host, port);
        if (a.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve the RADIUS server " + host);
        }
        return a;
    }

    private static int parsePort(String s, String whole) {
        try {
            int p = Integer.parseInt(s);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("bad RADIUS port in '" + whole + "': 1-65535");
    }

    @Override
    public String toString() {
        return "RadiusConfig[auth=" + authServer + ", acct=" + acctServer + ", secret=<hidden>, nas="
                + nasIdentifier + ", timeout=" + timeout + ", tries=" + tries + "]";
    }
}
