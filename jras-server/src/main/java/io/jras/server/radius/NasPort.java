package io.jras.server.radius;

import java.net.InetSocketAddress;

/**
 * One session as RADIUS sees it: its NAS-Port (RFC 2865 §5.5; jras uses the server session id)
 * and the caller's address (Calling-Station-Id, §5.31).
 */
public record NasPort(long number, InetSocketAddress peer) {
}
