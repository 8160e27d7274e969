package io.jras.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetInterfacesTest {

    @Test
    void capNetAdminIsBit12OfCapEff() {
        assertThat(NetInterfaces.hasNetAdmin("Name:\tjava\nCapPrm:\t0\nCapEff:\t000001ffffffffff\n")).isTrue();
        assertThat(NetInterfaces.hasNetAdmin("CapEff:\t0000000000001000\n")).isTrue();
        assertThat(NetInterfaces.hasNetAdmin("CapPrm:\t0000000000001000\nCapEff:\t0000000000000000\n")).isFalse();
        assertThat(NetInterfaces.hasNetAdmin("CapEff:\t0000000000000fff\n")).isFalse();
        assertThat(NetInterfaces.hasNetAdmin("")).isFalse();
    }

    @Test
    void prefixesParseAndRejectClearly() {
        assertThat(Ipv4Prefix.parse("10.20.30.40/16")).hasToString("10.20.0.0/16");
        assertThat(Ipv4Prefix.parse("192.0.2.7")).hasToString("192.0.2.7/32");
        assertThat(Ipv4Prefix.parse("0.0.0.0/0").mask()).isZero();
        assertThatThrownBy(() -> Ipv4Prefix.parse("10.0.0/8")).hasMessageContaining("not an IPv4 prefix");
        assertThatThrownBy(() -> Ipv4Prefix.parse("10.0.0.300/8")).hasMessageContaining("not an IPv4 prefix");
        assertThatThrownBy(() -> Ipv4Prefix.parse("10.0.0.0/33")).hasMessageContaining("out of range");
    }

    @Test
    void specRejectsBadNamesAndMtus() {
        assertThatThrownBy(() -> new InterfaceSpec("a-name-that-is-too-long", 1, 2, 1500, null, null))
                .hasMessageContaining("bad interface name");
        assertThatThrownBy(() -> new InterfaceSpec("../x", 1, 2, 1500, null, null))
                .hasMessageContaining("bad interface name");
        assertThatThrownBy(() -> new InterfaceSpec("jras%d", 1, 2, 20, null, null)).hasMessageContaining("MTU");
    }
}
