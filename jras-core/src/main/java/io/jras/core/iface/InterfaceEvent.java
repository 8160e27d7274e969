package io.jras.core.iface;

import java.util.List;

/**
 * One interface going up or down, with what pppd hands its ip-up script ($1 interface, $4 local,
 * $5 remote, DNS1/DNS2).
 *
 * @param handle        the connection
 * @param entryName     the phonebook entry, or the ".number" display name
 * @param interfaceName jras0, ...
 * @param localAddress  our IPv4 address, dotted
 * @param remoteAddress the peer's, dotted
 * @param dns           the DNS servers the peer gave (RFC 1877), dotted, primary first
 * @param mtu           the interface MTU
 * @param namespace     the network namespace it lives in, null = the daemon's own
 */
public record InterfaceEvent(long handle, String entryName, String interfaceName, String localAddress,
                             String remoteAddress, List<String> dns, int mtu, String namespace) {

    public InterfaceEvent {
        dns = List.copyOf(dns);
    }
}
