package io.jras.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.core.Device;
import io.jras.core.DialRequest;
import io.jras.core.phonebook.PhonebookEntry;
import io.jras.link.Transport;
import io.jras.ppp.Ipv4;
import io.jras.ppp.Projection;
import io.jras.ppp.lcp.LcpOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DNS and hooks of one connection together, with real scripts and a real resolv.conf in a temp dir. */
class ConnectionNetworkTest {

    static final Projection PROJECTION = new Projection(Ipv4.parse("10.0.0.2"), Ipv4.parse("10.0.0.1"),
            Ipv4.parse("10.0.0.53"), 0, 0x0200000000000002L, 0x0200000000000001L, null, null, "",
            LcpOptions.DEFAULTS, LcpOptions.DEFAULTS);

    @TempDir
    Path dir;

    final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void dnsIsAppliedBeforeIpUpAndRevertedBeforeIpDown() throws Exception {
        Path resolv = dir.resolve("resolv.conf");
        Files.writeString(resolv, "nameserver 192.168.1.1\n");
        Path hooksDir = Files.createDirectory(dir.resolve("hooks"));
        Path trail = dir.resolve("trail");
        Scripts.write(hooksDir, "ip-up", "echo \"up $USEPEERDNS $DNS1 $(/bin/grep -c 10.0.0.53 " + resolv + ")\" >> " + trail);
        Scripts.write(hooksDir, "ipv6-up", "echo \"up6 $4 $5\" >> " + trail);
        Scripts.write(hooksDir, "ip-down", "echo \"down $CONNECT_TIME $(/bin/grep -c 10.0.0.53 " + resolv + ")\" >> " + trail);
        NetConfig config = new NetConfig(dir.resolve("unused"), new HookRunner(log::add), new ResolvConfDns(resolv, log::add), log::add);
        PhonebookEntry entry = PhonebookEntry.create("Office", "tcp:127.0.0.1:7001")
                .withValue("JrasApplyDns", "1").withValue("JrasHookDir", hooksDir.toString());
        ConnectionNetwork net = ConnectionNetwork.of(config, DialRequest.of("Office", device(), "ann", "pw"), entry);

        List<HookResult> up = net.up("ppp0", PROJECTION, 0).get(20, TimeUnit.SECONDS);
        assertThat(up).extracting(HookResult::outcome).containsOnly(HookResult.Outcome.EXITED);
        assertThat(Files.readAllLines(resolv)).contains("nameserver 10.0.0.53");

        List<HookResult> down = net.down(new LinkCounters(42, 1, 2)).get(20, TimeUnit.SECONDS);

        assertThat(down).extracting(HookResult::script).containsExactly(HookScript.IP_DOWN, HookScript.IPV6_DOWN);
        assertThat(Files.readString(resolv)).isEqualTo("nameserver 192.168.1.1\n");
        assertThat(Files.readAllLines(trail)).containsExactlyInAnyOrder(
                "up 1 10.0.0.53 1", "up6 fe80::0200:0000:0000:0002 fe80::0200:0000:0000:0001", "down 42 0");
    }

    @Test
    void aDnsFailureIsLoggedAndTheHooksStillRun() throws Exception {
        Path hooksDir = Files.createDirectory(dir.resolve("hooks"));
        Path trail = dir.resolve("trail");
        Scripts.write(hooksDir, "ip-up", "echo up >> " + trail);
        Path resolvectl = Scripts.write(dir, "resolvectl", "echo 'Link ppp0 not known' >&2\nexit 1");
        NetConfig config = new NetConfig(hooksDir, new HookRunner(Duration.ofSeconds(20), 4096, log::add),
                new ResolvedDns(List.of(resolvectl.toString()), log::add), log::add);
        PhonebookEntry entry = PhonebookEntry.create("Office", "tcp:127.0.0.1:7001").withValue("JrasApplyDns", "1");
        ConnectionNetwork net = ConnectionNetwork.of(config, DialRequest.of("Office", device(), "ann", "pw"), entry);

        net.up("ppp0", PROJECTION, 0).get(20, TimeUnit.SECONDS);
        net.down(LinkCounters.ZERO).get(20, TimeUnit.SECONDS);

        assertThat(Files.readAllLines(trail)).containsExactly("up");
        assertThat(log).anyMatch(l -> l.startsWith("dns ppp0: not applied through systemd-resolved") && l.contains("Link ppp0 not known"));
    }

    @Test
    void anEntryThatDoesNotAskLeavesDnsAlone() throws Exception {
        Path resolv = dir.resolve("resolv.conf");
        Files.writeString(resolv, "nameserver 192.168.1.1\n");
        NetConfig config = new NetConfig(dir, new HookRunner(log::add), new ResolvConfDns(resolv, log::add), log::add);
        ConnectionNetwork net = ConnectionNetwork.of(config, DialRequest.of("Office", device(), "ann", "pw"),
                PhonebookEntry.create("Office", "tcp:127.0.0.1:7001"));

        net.up("ppp0", PROJECTION, 0).get(20, TimeUnit.SECONDS);

        assertThat(Files.readString(resolv)).isEqualTo("nameserver 192.168.1.1\n");
        net.down(LinkCounters.ZERO).get(20, TimeUnit.SECONDS);
        assertThat(dir.toFile().list()).containsExactly("resolv.conf");
    }

    static Device device() {
        return new Device() {
            @Override
            public String type() {
                return "tcp";
            }

            @Override
            public String name() {
                return "tcp:127.0.0.1:7001";
            }

            @Override
            public Transport open(Duration timeout) {
                throw new UnsupportedOperationException("not dialed in this test");
            }
        };
    }
}
