package io.jras.net.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.net.Ipv4Prefix;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    @Test
    void findsTheDefaultRouteInProcNetRoute() {
        String text = """
                Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
                eth0\t0000A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
                eth0\t00000000\t0100A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0
                """;
        RouteTable.DefaultRoute r = RouteTable.parseDefault(text).orElseThrow();
        assertThat(r.device()).isEqualTo("eth0");
        assertThat(Ipv4Prefix.format(r.gateway())).isEqualTo("192.168.0.1");
        assertThat(r.metric()).isEqualTo(100);
        assertThat(r.flags()).isEqualTo(3);
    }

    @Test
    void noDefaultRouteIsEmpty() {
        assertThat(RouteTable.parseDefault("Iface\tDestination\n")).isEmpty();
    }
}
