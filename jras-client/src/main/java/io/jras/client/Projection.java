package io.jras.client;

import java.util.List;

/**
 * What PPP negotiated: addresses, DNS, IPv6 interface identifiers, authentication and LCP options.
 * Empty strings where nothing was negotiated.
 */
public record Projection(String localAddress, String remoteAddress, List<String> dns,
                         String localInterfaceId, String remoteInterfaceId,
                         String authProtocol, String peerAuthProtocol, String peerName,
                         int mru, int peerMru, boolean pfc, boolean acfc, String accm, String peerAccm,
                         String magic, String peerMagic) {
}
