package io.jras.core.iface;

import io.jras.core.session.PppSession;
import io.jras.net.InterfaceSpec;
import io.jras.net.NetException;
import io.jras.net.NetInterface;
import io.jras.net.NetInterfaces;
import io.jras.net.RouteSpec;
import io.jras.ppp.Ipv4;
import io.jras.ppp.Projection;
import io.jras.ppp.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The host side of one connection's link: the interface made when IPCP opens, the datagrams
 * forwarded both ways between it and the PPP session, and its removal when the link goes. Without
 * an interface (off, not permitted, failed) it only carries the status that says why.
 *
 * <p>Threads: {@link #open}, {@link #fromLink}, {@link #ipv6Up} and {@link #close} run on the
 * session's loop thread; the interface's own platform thread feeds the session.
 */
public final class HostInterface {

    private final InterfacePolicy policy;
    private final NetInterface iface;
    private final InterfaceEvent event;
    private volatile InterfaceStatus status;

    private HostInterface(InterfacePolicy policy, NetInterface iface, InterfaceEvent event, InterfaceStatus status) {
        this.policy = policy;
        this.iface = iface;
        this.event = event;
        this.status = status;
    }

    /** Status for a connection that has no interface (yet). */
    public static InterfaceStatus initialStatus(InterfacePolicy policy) {
        return policy.enabled() ? new InterfaceStatus("", InterfaceStatus.PENDING, "made when IPCP opens")
                : InterfaceStatus.OFF;
    }

    /**
     * Creates, addresses and brings up the interface for an IPCP projection, if the policy asks for
     * one and this process may, with the dial's routes (null: the policy's); never throws: a failure leaves no interface and a status saying why.
     */
    public static HostInterface open(InterfacePolicy policy, RouteSpec routes, long handle, String entryName,
                                     Projection p, PppSession session) {
        if (!policy.enabled()) {
            return new HostInterface(policy, null, null, InterfaceStatus.OFF);
        }
        Optional<String> why = NetInterfaces.unavailableReason();
        if (why.isPresent()) {
            return new HostInterface(policy, null, null, new InterfaceStatus("", InterfaceStatus.UNAVAILABLE, why.get()));
        }
        // RFC 1661 §6.1: the peer's MRU is the largest packet we may send it.
        int mtu = Math.max(68, Math.min(p.his().mru(), 65535));
        NetInterface iface;
        try {
            iface = NetInterfaces.open(new InterfaceSpec(policy.namePattern(), p.localAddress(), p.remoteAddress(),
                    mtu, routes != null ? routes : policy.routes(), policy.namespace()), datagram -> forward(session, datagram));
        } catch (NetException | IllegalArgumentException e) {
            return new HostInterface(policy, null, null, new InterfaceStatus("", InterfaceStatus.FAILED, e.getMessage()));
        }
        List<String> dns = new ArrayList<>();
        if (p.primaryDns() != 0) {
            dns.add(Ipv4.format(p.primaryDns()));
        }
        if (p.secondaryDns() != 0) {
            dns.add(Ipv4.format(p.secondaryDns()));
        }
        InterfaceEvent e = new InterfaceEvent(handle, entryName, iface.name(), p.localAddressText(),
                p.remoteAddressText(), dns, mtu, policy.namespace());
        HostInterface h = new HostInterface(policy, iface, e, new InterfaceStatus(iface.name(), InterfaceStatus.UP, ""));
        try {
            policy.hooks().interfaceUp(e);
        } catch (RuntimeException ignored) {
            // A hook must not throw; the interface stays up regardless.
        }
        return h;
    }

    /** The version nibble tells IPv4 (PPP protocol 0x0021) from IPv6 (0x0057); anything else is dropped. */
    private static boolean forward(PppSession session, byte[] datagram) {
        if (datagram.length == 0) {
            return false;
        }
        return switch (datagram[0] >> 4 & 0xf) {
            case 4 -> session.forward(Protocol.IPV4, datagram);
            case 6 -> session.forward(Protocol.IPV6, datagram);
            default -> false;
        };
    }

    /** A datagram from the link, for the host. */
    public void fromLink(byte[] datagram) {
        if (iface != null) {
            iface.deliver(datagram, 0, datagram.length);
        }
    }

    /** IPV6CP opened: the link-local address from our Interface-Identifier (RFC 5072 §5). */
    public void ipv6Up(Projection p) {
        if (iface == null || p.localInterfaceId() == 0) {
            return;
        }
        try {
            iface.addIpv6LinkLocal(p.localInterfaceId());
        } catch (NetException e) {
            status = new InterfaceStatus(iface.name(), InterfaceStatus.UP, "IPv6 link-local not set: " + e.getMessage());
        }
    }

    public InterfaceStatus status() {
        return status;
    }

    /** Removes the interface (and its routes; puts back a replaced default route); idempotent. */
    public void close() {
        if (iface == null) {
            return;
        }
        synchronized (this) {
            if (status.state().equals(InterfaceStatus.REMOVED)) {
                return;
            }
            status = new InterfaceStatus(iface.name(), InterfaceStatus.REMOVED, "");
        }
        try {
            policy.hooks().interfaceDown(event);
        } catch (RuntimeException ignored) {
            // A hook must not throw; the interface goes regardless.
        }
        iface.close();
    }
}
