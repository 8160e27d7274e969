package io.jras.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.ppp.Ipv4;
import io.jras.ppp.Projection;
import io.jras.ppp.AuthProtocol;
import io.jras.ppp.lcp.LcpOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arguments and environment, as pppd(8) "SCRIPTS" and pppd's ipcp.c/ipv6cp.c build them. */
class HookInvocationTest {

    static final LinkFacts FACTS = new LinkFacts("ppp7", "serial:/dev/ttyS0@57600", 57600,
            "10.0.0.2", "10.0.0.1", "fe80::0001:0002:0003:0004", "fe80::0a0b:0c0d:0e0f:1011",
            "Office", "Office", "Office", "", "192.0.2.53", "192.0.2.54", true, 1000, "ann", 4242);

    @Test
    void ipUpGetsPppdsSixArgumentsAndOnlyTheLinksVariables() {
        HookInvocation inv = HookInvocation.of(HookScript.IP_UP, FACTS, null);

        assertThat(inv.arguments()).containsExactly("ppp7", "serial:/dev/ttyS0@57600", "57600", "10.0.0.2", "10.0.0.1", "Office");
        assertThat(inv.environment()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("IFNAME", "ppp7"), Map.entry("DEVICE", "serial:/dev/ttyS0@57600"), Map.entry("SPEED", "57600"),
                Map.entry("IPLOCAL", "10.0.0.2"), Map.entry("IPREMOTE", "10.0.0.1"),
                Map.entry("LLLOCAL", "fe80::0001:0002:0003:0004"), Map.entry("LLREMOTE", "fe80::0a0b:0c0d:0e0f:1011"),
                Map.entry("ORIG_UID", "1000"), Map.entry("PPPLOGNAME", "ann"), Map.entry("PPPD_PID", "4242"),
                Map.entry("LINKNAME", "Office"), Map.entry("CALL_FILE", "Office"),
                Map.entry("DNS1", "192.0.2.53"), Map.entry("DNS2", "192.0.2.54"), Map.entry("USEPEERDNS", "1")));
    }

    @Test
    void theDownScriptsAlsoGetTheStatistics() {
        HookInvocation inv = HookInvocation.of(HookScript.IP_DOWN, FACTS, new LinkCounters(93, 12_345, 67_890));

        assertThat(inv.arguments()).containsExactly("ppp7", "serial:/dev/ttyS0@57600", "57600", "10.0.0.2", "10.0.0.1", "Office");
        assertThat(inv.environment()).containsEntry("CONNECT_TIME", "93").containsEntry("BYTES_SENT", "12345")
                .containsEntry("BYTES_RCVD", "67890");
        assertThat(HookInvocation.of(HookScript.IP_UP, FACTS, new LinkCounters(1, 2, 3)).environment())
                .doesNotContainKeys("CONNECT_TIME", "BYTES_SENT", "BYTES_RCVD");
    }

    @Test
    void theIpv6ScriptsGetTheLinkLocalAddressesAsArguments() {
        HookInvocation inv = HookInvocation.of(HookScript.IPV6_UP, FACTS, null);

        assertThat(inv.arguments()).containsExactly("ppp7", "serial:/dev/ttyS0@57600", "57600",
                "fe80::0001:0002:0003:0004", "fe80::0a0b:0c0d:0e0f:1011", "Office");
    }

    @Test
    void unknownValuesAreLeftOutAsPppdDoesAndUsePeerDnsNeedsAServer() {
        LinkFacts bare = new LinkFacts("ppp0", "tcp:127.0.0.1:7001", 0, "10.0.0.2", "10.0.0.1", "", "",
                "", "", "", "", "", "", true, 0, "root", 1);
        HookInvocation inv = HookInvocation.of(HookScript.IP_UP, bare, null);

        assertThat(inv.arguments()).containsExactly("ppp0", "tcp:127.0.0.1:7001", "0", "10.0.0.2", "10.0.0.1", "");
        assertThat(inv.environment()).doesNotContainKeys("PEERNAME", "DNS1", "DNS2", "USEPEERDNS", "LINKNAME",
                "CALL_FILE", "LLLOCAL", "LLREMOTE", "PATH", "HOME");
    }

    @Test
    void dnsVariablesAreSetWhenThePeerGaveServersEvenIfTheyAreNotApplied() {
        HookInvocation inv = HookInvocation.of(HookScript.IP_UP, FACTS.withDns("192.0.2.53", "", false), null);

        assertThat(inv.environment()).containsEntry("DNS1", "192.0.2.53").doesNotContainKeys("DNS2", "USEPEERDNS");
    }

    @Test
    void aProjectionGivesAddressesDnsLinkLocalsAndTheAuthenticatedPeer() {
        Projection p = new Projection(Ipv4.parse("10.1.1.2"), Ipv4.parse("10.1.1.1"), Ipv4.parse("192.0.2.53"), 0,
                0x0102030405060708L, 0x1112131415161718L, null, AuthProtocol.CHAP_MD5, "alice",
                LcpOptions.DEFAULTS, LcpOptions.DEFAULTS);
        LinkFacts f = LinkFacts.of("ppp1", "tcp:127.0.0.1:7001", 0).withProjection(p, false);

        assertThat(List.of(f.localIp(), f.remoteIp(), f.dns1(), f.dns2(), f.llLocal(), f.llRemote(), f.peerName()))
                .containsExactly("10.1.1.2", "10.1.1.1", "192.0.2.53", "", "fe80::0102:0304:0506:0708",
                        "fe80::1112:1314:1516:1718", "alice");
    }

    @Test
    void aNulFromThePeerCannotBreakTheExec() {
        HookInvocation inv = HookInvocation.of(HookScript.IP_UP, FACTS.withPeerName("ev\0il"), null);

        assertThat(inv.environment()).containsEntry("PEERNAME", "evil");
    }
}
