package io.jras.ppp;

import io.jras.ppp.ipv6cp.Ipv6cp;
import io.jras.ppp.lcp.LcpOptions;

/**
 * What the link negotiated, as RAS calls it the projection: addresses, DNS, IPv6 interface
 * identifiers, authentication and the LCP options of both directions. Zero means "none".
 *
 * @param localAddress        our IPv4 address
 * @param remoteAddress       the peer's IPv4 address
 * @param primaryDns          RFC 1877 Primary-DNS the peer gave us
 * @param secondaryDns        RFC 1877 Secondary-DNS the peer gave us
 * @param localInterfaceId    our IPv6 Interface-Identifier
 * @param remoteInterfaceId   the peer's IPv6 Interface-Identifier
 * @param authenticatedWith   the protocol the peer made us authenticate with, or null
 * @param peerAuthenticatedWith the protocol we made the peer authenticate with, or null
 * @param peerName            the name the peer authenticated as (authenticator role), or ""
 * @param ours                LCP options towards us (our MRU, our receive ACCM, ...)
 * @param his                 LCP options towards the peer
 */
public record Projection(int localAddress, int remoteAddress, int primaryDns, int secondaryDns,
                         long localInterfaceId, long remoteInterfaceId,
                         AuthProtocol authenticatedWith, AuthProtocol peerAuthenticatedWith, String peerName,
                         LcpOptions ours, LcpOptions his) {

    public String localAddressText() {
        return Ipv4.format(localAddress);
    }

    public String remoteAddressText() {
        return Ipv4.format(remoteAddress);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("local ").append(Ipv4.format(localAddress)).append(" remote ").append(Ipv4.format(remoteAddress));
        if (primaryDns != 0) {
            sb.append(" dns ").append(Ipv4.format(primaryDns));
        }
        if (secondaryDns != 0) {
            sb.append(",").append(Ipv4.format(secondaryDns));
        }
        if (localInterfaceId != 0) {
            sb.append(" ipv6 fe80::").append(Ipv6cp.format(localInterfaceId))
              .append(" -> fe80::").append(Ipv6cp.format(remoteInterfaceId));
        }
        if (authenticatedWith != null) {
            sb.append(" auth ").append(authenticatedWith.displayName());
        }
        if (peerAuthenticatedWith != null) {
            sb.append(" peer-auth ").append(peerAuthenticatedWith.displayName()).append(" as \"").append(peerName).append('"');
        }
        sb.append(" mru ").append(ours.mru()).append(" peer-mru ").append(his.mru());
        return sb.toString();
    }
}
