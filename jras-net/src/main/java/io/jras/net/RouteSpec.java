package io.jras.net;

import java.util.List;

/**
 * Which routes an interface gets beyond the host route to the peer, which the kernel installs
 * itself for every point-to-point address (as for pppd's ppp0).
 *
 * @param defaultRoute the default route goes through the link (Windows "use default gateway on remote
 *                     network", rasphone.pbk IpPrioritizeRemote=1; pppd's defaultroute + replacedefaultroute).
 *                     A default route that exists is replaced and put back when the interface goes.
 * @param prefixes     more prefixes routed through the link
 */
public record RouteSpec(boolean defaultRoute, List<Ipv4Prefix> prefixes) {

    /** Only the peer (the kernel's own host route). */
    public static final RouteSpec PEER_ONLY = new RouteSpec(false, List.of());

    public RouteSpec {
        prefixes = List.copyOf(prefixes);
    }
}
