package io.jras.net.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.net.InterfaceSpec;
import io.jras.net.Ipv4Prefix;
import io.jras.net.NetException;
import io.jras.net.NetInterface;
import io.jras.net.NetInterfaces;
import io.jras.net.RouteSpec;
import io.jras.net.testkit.EchoResponder;
import io.jras.net.testkit.TestNamespace;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real TUN interface in a network namespace the test creates (root needed, as in CI): the
 * addresses, MTU and flags that `ip` shows, datagrams both ways (the test answers the host's pings
 * as the peer would), routes, and that nothing is left behind after close or a failed setup.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TunInterfaceIT {

    static final int LOCAL = Ipv4Prefix.parse("192.0.2.2").address();
    static final int REMOTE = Ipv4Prefix.parse("192.0.2.1").address();

    @Test
    void addressedUpInterfaceCarriesPingsBothWaysAndGoesAwayOnClose() throws Exception {
        assertThat(NetInterfaces.unavailableReason()).as("this IT runs as root").isEmpty();
        try (TestNamespace ns = TestNamespace.create()) {
            AtomicReference<NetInterface> self = new AtomicReference<>();
            AtomicInteger requests = new AtomicInteger();
            NetInterface iface = NetInterfaces.open(new InterfaceSpec("jras%d", LOCAL, REMOTE, 1400,
                    RouteSpec.PEER_ONLY, ns.name()), datagram -> {
                byte[] reply = EchoResponder.reply(datagram);
                if (reply != null) {
                    requests.incrementAndGet();
                    self.get().deliver(reply, 0, reply.length);
                }
                return true;
            });
            self.set(iface);
            try {
                assertThat(iface.name()).isEqualTo("jras0");
                String addr = ns.ip("addr", "show", "dev", iface.name());
                assertThat(addr).contains("inet 192.0.2.2 peer 192.0.2.1/32").contains("mtu 1400")
                        .contains("POINTOPOINT").contains(",UP");
                assertThat(ns.ip("route", "show")).contains("192.0.2.1 dev jras0");

                TestNamespace.Result ping = ns.exec(20, "ping", "-c", "3", "-i", "0.2", "-W", "2", "192.0.2.1");
                assertThat(ping.exit()).as(ping.output()).isZero();
                assertThat(ping.output()).contains("3 received");
                assertThat(requests.get()).isEqualTo(3);

                iface.addIpv6LinkLocal(0x0011223344556677L);
                assertThat(ns.ip("-6", "addr", "show", "dev", iface.name())).contains("fe80::11:2233:4455:6677/64");
            } finally {
                iface.close();
            }
            assertThat(ns.tryIp("link", "show", "jras0").exit()).isNotZero();
        }
    }

    @Test
    void prefixesAndTheDefaultRouteGoThroughTheLinkAndTheOldDefaultComesBack() throws Exception {
        try (TestNamespace ns = TestNamespace.create()) {
            // The namespace's "LAN": one end of a veth pair (the dummy driver may not be there).
            ns.ip("link", "add", "d0", "type", "veth", "peer", "name", "d1");
            ns.ip("addr", "add", "10.9.0.1/24", "dev", "d0");
            ns.ip("link", "set", "d0", "up");
            ns.ip("link", "set", "d1", "up");
            ns.ip("route", "add", "default", "via", "10.9.0.254", "dev", "d0", "metric", "7");
            NetInterface iface = NetInterfaces.open(new InterfaceSpec("jras-vpn", LOCAL, REMOTE, 1500,
                    new RouteSpec(true, List.of(Ipv4Prefix.parse("198.51.100.0/24"))), ns.name()), d -> true);
            try {
                assertThat(ns.ip("route", "show", "default")).contains("default dev jras-vpn")
                        .doesNotContain("10.9.0.254");
                assertThat(ns.ip("route", "show")).contains("198.51.100.0/24 dev jras-vpn");
            } finally {
                iface.close();
            }
            assertThat(ns.ip("route", "show", "default")).contains("default via 10.9.0.254 dev d0 metric 7");
            assertThat(ns.ip("route", "show")).doesNotContain("198.51.100.0");
        }
    }

    @Test
    void aFailedSetupLeavesNoInterfaceBehind() {
        try (TestNamespace ns = TestNamespace.create()) {
            // The second, identical route fails with EEXIST after the interface was made and addressed.
            Ipv4Prefix p = Ipv4Prefix.parse("203.0.113.0/24");
            assertThatThrownBy(() -> NetInterfaces.open(new InterfaceSpec("jras%d", LOCAL, REMOTE, 1500,
                    new RouteSpec(false, List.of(p, p)), ns.name()), d -> true))
                    .isInstanceOf(NetException.class)
                    .hasMessageContaining("add route 203.0.113.0/24").hasMessageContaining("File exists");
            assertThat(ns.ip("link", "show")).doesNotContain("jras");
        }
    }

    @Test
    void aMissingNamespaceIsAClearError() {
        assertThatThrownBy(() -> NetInterfaces.open(new InterfaceSpec("jras%d", LOCAL, REMOTE, 1500,
                null, "jras-no-such-namespace"), d -> true))
                .isInstanceOf(NetException.class).hasMessageContaining("network namespace jras-no-such-namespace does not exist");
    }
}
