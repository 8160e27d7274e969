package io.jras.ppp.ipcp;

import io.jras.ppp.Ipv4;

/**
 * IPCP settings for either role. Addresses are IPv4 as ints; 0 means "none" or "ask".
 *
 * @param localAddress   the address we request for ourselves; 0 = ask the peer to assign one
 * @param remoteAddress  the address the peer must use (authenticator role, from a pool); 0 = take
 *                       what the peer proposes
 * @param remoteHint     what we Nak a peer with that proposes 0.0.0.0 for itself and has no
 *                       assigned address (slirp does this); pppd's default remote is 10.64.64.64
 * @param requestDns     ask the peer for Primary and Secondary DNS (RFC 1877)
 * @param primaryDns     DNS we hand to a peer that asks; 0 = we have none and reject the option
 * @param secondaryDns   as primaryDns, for the Secondary-DNS option
 */
public record IpcpConfig(int localAddress, int remoteAddress, int remoteHint, boolean requestDns,
                         int primaryDns, int secondaryDns) {

    public static final int DEFAULT_REMOTE_HINT = Ipv4.parse("10.64.64.64");

    /** A dialing client: ask for an address and DNS, accept the peer's own address. */
    public static IpcpConfig client() {
        return new IpcpConfig(0, 0, DEFAULT_REMOTE_HINT, true, 0, 0);
    }

    /** An answering server with a fixed local address that assigns {@code remote} and hands out DNS. */
    public static IpcpConfig server(int local, int remote, int primaryDns, int secondaryDns) {
        return new IpcpConfig(local, remote, DEFAULT_REMOTE_HINT, false, primaryDns, secondaryDns);
    }
}
