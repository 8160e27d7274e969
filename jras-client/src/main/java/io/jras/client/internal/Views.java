package io.jras.client.internal;

import io.jras.client.ConnectionInfo;
import io.jras.client.Event;
import io.jras.client.Projection;
import io.jras.client.Statistics;
import io.jras.client.Status;
import io.jras.client.Tombstone;
import io.jras.core.RasStats;
import io.jras.core.events.ManagerEvent;
import io.jras.ppp.Ipv4;
import io.jras.ppp.ipv6cp.Ipv6cp;
import io.jras.ppp.lcp.LcpOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The manager's values as the client API shows them (and as the daemon puts them on the wire).
 * One place, so the embedded and the daemon forms cannot drift apart.
 */
public final class Views {

    private Views() {
    }

    public static ConnectionInfo info(io.jras.core.ConnectionInfo c, IntFunction<String> userName) {
        return new ConnectionInfo(c.handle(), c.entryName(), c.phoneNumber(), c.deviceType(), c.deviceName(),
                c.phonebook() == null ? "" : c.phonebook().toString(), userName.apply(c.owner()), c.allUsers(),
                c.shared(), c.state().rasName(), c.state().code(), c.error(), c.teardownInProgress(), c.incoming(),
                c.user() == null ? "" : c.user());
    }

    public static Status status(io.jras.core.ConnectionStatus s) {
        return new Status(s.handle(), s.entryName(), s.phoneNumber(), s.deviceType(), s.deviceName(),
                s.state().rasName(), s.state().code(), s.error(), s.errorText(), s.pppCause(),
                s.teardownInProgress(), projection(s.projection()), statistics(s.statistics()),
                text(s.dialedAt()), text(s.connectedAt()), netInterface(s.netInterface()));
    }

    public static io.jras.client.InterfaceStatus netInterface(io.jras.core.iface.InterfaceStatus i) {
        return i == null ? null : new io.jras.client.InterfaceStatus(i.name(), i.state(), i.reason());
    }

    public static Tombstone tombstone(io.jras.core.Tombstone t) {
        return new Tombstone(t.handle(), t.entryName(), t.phoneNumber(), t.deviceType(), t.deviceName(),
                t.finalState().rasName(), t.finalState().code(), t.error(), t.errorText(), t.pppCause(),
                text(t.dialedAt()), text(t.connectedAt()), text(t.endedAt()), statistics(t.finalStatistics()));
    }

    public static Event event(ManagerEvent e) {
        return new Event(e.seq(), text(e.at()), e.handle(), e.entryName(), e.kind(),
                e.state() == null ? "" : e.state().rasName(), e.state() == null ? -1 : e.state().code(),
                e.error(), e.detail());
    }

    public static Statistics statistics(RasStats s) {
        if (s == null) {
            return null;
        }
        return new Statistics(s.bytesXmited(), s.bytesRcved(), s.framesXmited(), s.framesRcved(), s.crcErr(),
                s.timeoutErr(), s.alignmentErr(), s.hardwareOverrunErr(), s.framingErr(), s.bufferOverrunErr(),
                s.compressionRatioIn(), s.compressionRatioOut(), s.bps(), s.connectDuration().toMillis());
    }

    public static Projection projection(io.jras.ppp.Projection p) {
        if (p == null) {
            return null;
        }
        List<String> dns = new ArrayList<>();
        if (p.primaryDns() != 0) {
            dns.add(Ipv4.format(p.primaryDns()));
        }
        if (p.secondaryDns() != 0) {
            dns.add(Ipv4.format(p.secondaryDns()));
        }
        LcpOptions ours = p.ours();
        LcpOptions his = p.his();
        return new Projection(addr(p.localAddress()), addr(p.remoteAddress()), List.copyOf(dns),
                p.localInterfaceId() == 0 ? "" : "fe80::" + Ipv6cp.format(p.localInterfaceId()),
                p.remoteInterfaceId() == 0 ? "" : "fe80::" + Ipv6cp.format(p.remoteInterfaceId()),
                p.authenticatedWith() == null ? "" : p.authenticatedWith().displayName(),
                p.peerAuthenticatedWith() == null ? "" : p.peerAuthenticatedWith().displayName(),
                p.peerName(), ours.mru(), his.mru(), his.pfc(), his.acfc(),
                String.format("0x%08x", ours.accm()), String.format("0x%08x", his.accm()),
                String.format("0x%08x", ours.magic()), String.format("0x%08x", his.magic()));
    }

    private static String addr(int a) {
        return a == 0 ? "" : Ipv4.format(a);
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }
}
