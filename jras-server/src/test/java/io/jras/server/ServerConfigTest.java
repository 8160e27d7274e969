package io.jras.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.server.pool.AddressRange;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    static final List<InetSocketAddress> ANY = List.of(new InetSocketAddress(0));

    @Test
    void theLocalAddressDefaultsToTheOneBeforeThePool() {
        ServerConfig c = ServerConfig.of(ANY, AddressRange.parse("192.0.2.10-192.0.2.99"));
        assertThat(Ipv4.format(c.localAddress())).isEqualTo("192.0.2.9");
        assertThat(c.auth()).containsExactly(AuthProtocol.MSCHAP_V2, AuthProtocol.CHAP_MD5);
        assertThat(c.name()).isEqualTo("jras");
    }

    @Test
    void aLocalAddressInsideThePoolIsRefused() {
        ServerConfig c = ServerConfig.of(ANY, AddressRange.parse("192.0.2.10-192.0.2.99"));
        assertThatThrownBy(() -> c.withLocalAddress(Ipv4.parse("192.0.2.50")))
                .hasMessage("the local address 192.0.2.50 is inside the pool 192.0.2.10-192.0.2.99");
        assertThatThrownBy(() -> ServerConfig.of(ANY, AddressRange.parse("192.0.2.1-192.0.2.254")))
                .hasMessageContaining("give the local address");
    }

    @Test
    void authIsAListInOrderOfPreferenceOrNone() {
        assertThat(ServerConfig.parseAuth("pap,chap,mschapv2"))
                .containsExactly(AuthProtocol.PAP, AuthProtocol.CHAP_MD5, AuthProtocol.MSCHAP_V2);
        assertThat(ServerConfig.parseAuth("MSCHAPv2, pap")).containsExactly(AuthProtocol.MSCHAP_V2, AuthProtocol.PAP);
        assertThat(ServerConfig.parseAuth("none")).isEmpty();
        assertThatThrownBy(() -> ServerConfig.parseAuth("pap,eap")).hasMessageStartingWith("unknown authentication 'eap'");
        ServerConfig c = ServerConfig.of(ANY, AddressRange.parse("192.0.2.10-192.0.2.99"));
        assertThatThrownBy(() -> c.withAuth(List.of(AuthProtocol.PAP, AuthProtocol.PAP))).hasMessageContaining("twice");
    }
}
