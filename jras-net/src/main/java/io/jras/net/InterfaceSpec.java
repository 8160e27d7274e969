package io.jras.net;

/**
 * What one host interface of a connection is to look like.
 *
 * @param name          an exact name ({@code jras-vpn}) or a kernel pattern with {@code %d} ({@code jras%d}); at most 15 bytes
 * @param localAddress  our negotiated IPv4 address (IPCP), host byte order
 * @param remoteAddress the peer's IPv4 address, host byte order; the point-to-point destination
 * @param mtu           the interface MTU: the MRU the peer negotiated (what we may send it)
 * @param routes        routes beyond the peer
 * @param namespace     the network namespace to create the interface in: a name from {@code ip netns}
 *                      (/run/netns/NAME) or a path such as /proc/PID/ns/net; null = the daemon's own
 */
public record InterfaceSpec(String name, int localAddress, int remoteAddress, int mtu, RouteSpec routes,
                            String namespace) {

    public InterfaceSpec {
        if (name == null || name.isEmpty() || name.length() > 15 || name.contains("/") || name.contains(" ")) {
            throw new IllegalArgumentException("bad interface name (1 to 15 characters, no '/' or blank): " + name);
        }
        if (mtu < 68 || mtu > 65535) {
            throw new IllegalArgumentException("MTU out of range 68..65535: " + mtu);
        }
        routes = routes == null ? RouteSpec.PEER_ONLY : routes;
    }
}
