package io.jras.net.linux;

import io.jras.net.DatagramSink;
import io.jras.net.InterfaceSpec;
import io.jras.net.Ipv4Prefix;
import io.jras.net.NetException;
import io.jras.net.NetInterface;
import java.util.Optional;

/**
 * A connection's interface on Linux: a TUN device configured like pppd configures ppp0
 * (sys-linux.c sifaddr/sifup): point-to-point IPv4 with a /32 netmask, MTU, IFF_UP, then the
 * routes. Setup either completes or removes everything it made.
 */
public final class LinuxInterface implements NetInterface {

    private final TunDevice tun;
    private final String namespace;
    /** The default route this interface replaced, to be put back when it goes. */
    private final RouteTable.DefaultRoute replacedDefault;
    private boolean closed;

    private LinuxInterface(TunDevice tun, String namespace, RouteTable.DefaultRoute replacedDefault) {
        this.tun = tun;
        this.namespace = namespace;
        this.replacedDefault = replacedDefault;
    }

    public static LinuxInterface open(InterfaceSpec spec, DatagramSink toLink) throws NetException {
        LinuxInterface i = NetNamespace.call(spec.namespace(), () -> setUp(spec));
        i.tun.startReading(toLink);
        return i;
    }

    /** Runs in the target namespace. */
    private static LinuxInterface setUp(InterfaceSpec spec) throws NetException {
        TunDevice tun = TunDevice.create(spec.name());
        RouteTable.DefaultRoute replaced = null;
        try {
            Ifconfig.configure(tun.name, spec.localAddress(), spec.remoteAddress(), spec.mtu());
            for (Ipv4Prefix p : spec.routes().prefixes()) {
                RouteTable.addDevice(p, tun.name);
            }
            if (spec.routes().defaultRoute()) {
                Optional<RouteTable.DefaultRoute> old = RouteTable.currentDefault();
                if (old.isPresent()) {
                    RouteTable.deleteDefault(old.get());
                    replaced = old.get();
                }
                try {
                    RouteTable.addDevice(new Ipv4Prefix(0, 0), tun.name);
                } catch (NetException e) {
                    if (replaced != null) {
                        RouteTable.restoreDefault(replaced);
                    }
                    throw e;
                }
            }
            return new LinuxInterface(tun, spec.namespace(), replaced);
        } catch (NetException | RuntimeException e) {
            // Never leave an interface behind after a failed setup: closing the fd removes it.
            tun.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return tun.name;
    }

    @Override
    public void deliver(byte[] datagram, int off, int len) {
        tun.write(datagram, off, len);
    }

    @Override
    public void addIpv6LinkLocal(long localInterfaceId) throws NetException {
        NetNamespace.call(namespace, () -> {
            Ifconfig.addIpv6LinkLocal(tun.name, localInterfaceId);
            return null;
        });
    }

    @Override
    public long dropped() {
        return tun.dropped();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        tun.close();
        if (replacedDefault != null) {
            try {
                NetNamespace.call(namespace, () -> {
                    RouteTable.restoreDefault(replacedDefault);
                    return null;
                });
            } catch (NetException | RuntimeException e) {
                System.getLogger(LinuxInterface.class.getName()).log(System.Logger.Level.WARNING,
                        "could not put back the default route: " + e.getMessage());
            }
        }
    }
}
