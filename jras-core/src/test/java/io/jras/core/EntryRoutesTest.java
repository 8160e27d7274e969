package io.jras.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.core.phonebook.Phonebook;
import io.jras.link.RasException;
import io.jras.net.Ipv4Prefix;
import io.jras.net.RouteSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routes of an entry's host interface come from rasphone.pbk: IpPrioritizeRemote and JrasRoutes. */
class EntryRoutesTest {

    @TempDir
    Path dir;

    private RouteSpec routes(String body) throws Exception {
        Path pbk = dir.resolve("rasphone.pbk");
        Files.writeString(pbk, "[Office]\r\n" + body + "MEDIA=rastapi\r\nPort=VPN2-0\r\nDevice=WAN Miniport (PPTP)\r\n");
        return PhonebookDialResolver.routes(Phonebook.load(pbk).entry("Office"));
    }

    @Test
    void ipPrioritizeRemoteMeansTheDefaultRouteAndJrasRoutesListsPrefixes() throws Exception {
        RouteSpec r = routes("IpPrioritizeRemote=1\r\nJrasRoutes=10.0.0.0/8, 192.168.7.0/24 198.51.100.9\r\n");
        assertThat(r.defaultRoute()).isTrue();
        assertThat(r.prefixes()).containsExactly(Ipv4Prefix.parse("10.0.0.0/8"), Ipv4Prefix.parse("192.168.7.0/24"),
                Ipv4Prefix.parse("198.51.100.9/32"));
    }

    @Test
    void ipPrioritizeRemoteZeroIsThePeerOnly() throws Exception {
        assertThat(routes("IpPrioritizeRemote=0\r\n")).isEqualTo(RouteSpec.PEER_ONLY);
    }

    @Test
    void aBadPrefixIsAClearError() {
        assertThatThrownBy(() -> routes("IpPrioritizeRemote=0\r\nJrasRoutes=10.0.0/8\r\n"))
                .isInstanceOf(RasException.class)
                .hasMessageContaining("entry Office: JrasRoutes: not an IPv4 prefix: 10.0.0/8");
    }
}
