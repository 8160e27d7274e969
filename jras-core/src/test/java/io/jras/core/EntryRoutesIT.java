package io.jras.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.core.iface.InterfacePolicy;
import io.jras.core.testkit.AnsweringPeer;
import io.jras.net.Ipv4Prefix;
import io.jras.net.RouteSpec;
import io.jras.net.testkit.TestNamespace;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A dial's own routes (from rasphone.pbk: IpPrioritizeRemote=1, JrasRoutes) on its interface, in a
 * test namespace that has a default route of its own: the link takes the default route while it is
 * up, and the old one is back after hang-up. The far end is an in-process jras answering engine:
 * this is about routes, not about PPP interop.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EntryRoutesIT {

    @Test
    void theEntrysDefaultRouteAndPrefixesGoThroughTheLinkAndTheOldDefaultComesBack() throws Exception {
        try (TestNamespace ns = TestNamespace.create(); AnsweringPeer peer = new AnsweringPeer();
             ConnectionManager manager = new ConnectionManager(ManagerConfig.DEFAULT.withInterfaces(
                     InterfacePolicy.ON.withNamespace(ns.name())))) {
            ns.ip("link", "add", "lan0", "type", "veth", "peer", "name", "lan1");
            ns.ip("addr", "add", "10.9.0.1/24", "dev", "lan0");
            ns.ip("link", "set", "lan0", "up");
            ns.ip("link", "set", "lan1", "up");
            ns.ip("route", "add", "default", "via", "10.9.0.254", "dev", "lan0");

            DialRequest r = DialRequest.of("Office", LinkDevices.forSpec("tcp:127.0.0.1:" + peer.port()),
                    "alice", "wonderland").withRoutes(new RouteSpec(true, List.of(Ipv4Prefix.parse("198.51.100.0/24"))));
            long h = manager.dialAndWait(r, Duration.ofSeconds(30));
            assertThat(ns.ip("route", "show", "default")).contains("default dev jras0").doesNotContain("10.9.0.254");
            assertThat(ns.ip("route", "show")).contains("198.51.100.0/24 dev jras0");

            manager.hangUp(h);
            manager.completion(h).get(30, TimeUnit.SECONDS);
            assertThat(ns.ip("route", "show", "default")).contains("default via 10.9.0.254 dev lan0");
            assertThat(ns.ip("link", "show")).doesNotContain("jras0");
        }
    }
}
