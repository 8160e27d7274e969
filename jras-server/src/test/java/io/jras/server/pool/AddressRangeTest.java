package io.jras.server.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.ppp.Ipv4;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AddressRangeTest {

    @Test
    void itReadsFirstDashLast() {
        AddressRange r = AddressRange.parse("192.0.2.10-192.0.2.19");
        assertThat(r.size()).isEqualTo(10);
        assertThat(r.contains(Ipv4.parse("192.0.2.10"))).isTrue();
        assertThat(r.contains(Ipv4.parse("192.0.2.19"))).isTrue();
        assertThat(r.contains(Ipv4.parse("192.0.2.20"))).isFalse();
        assertThat(r).hasToString("192.0.2.10-192.0.2.19");
        assertThat(AddressRange.parse("192.0.2.5").size()).isEqualTo(1);
    }

    @Test
    void addressesAboveTheSignBitCompareUnsigned() {
        AddressRange r = AddressRange.parse("127.255.255.250-128.0.0.5");
        assertThat(r.size()).isEqualTo(12);
        assertThat(r.contains(Ipv4.parse("128.0.0.0"))).isTrue();
        assertThat(r.contains(Ipv4.parse("127.255.255.249"))).isFalse();
    }

    @Test
    void badRangesAreRefused() {
        assertThatThrownBy(() -> AddressRange.parse("192.0.2.20-192.0.2.10")).hasMessageContaining("backwards");
        assertThatThrownBy(() -> AddressRange.parse("192.0.2.1-192.0.2")).hasMessageStartingWith("a pool is FIRST-LAST");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0-11.0.0.0")).hasMessageContaining("at most");
    }

    @ParameterizedTest(name = "pool {0}: local {1}")
    @CsvSource({
        "192.0.2.10-192.0.2.99, 192.0.2.9",
        "192.0.2.2-192.0.2.99, 192.0.2.1",
        "192.0.2.1-192.0.2.99, 192.0.2.100",   // .0 is no host address: take the one after
        "10.0.1.0-10.0.1.200, 10.0.1.201",     // nor is .255 before it
        "192.0.2.1-192.0.2.254, 0.0.0.0",      // nothing usable next to it
    })
    void theLocalAddressDefaultsToTheOneNextToThePool(String pool, String local) {
        assertThat(Ipv4.format(AddressRange.parse(pool).defaultLocalAddress())).isEqualTo(local);
    }
}
