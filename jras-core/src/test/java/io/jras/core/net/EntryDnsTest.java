package io.jras.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.core.phonebook.PhonebookEntry;
import io.jras.link.RasException;
import io.jras.ppp.Ipv4;
import io.jras.ppp.Projection;
import io.jras.ppp.lcp.LcpOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The phonebook keys that decide a connection's DNS. */
class EntryDnsTest {

    static final Projection PEER_DNS = new Projection(Ipv4.parse("10.0.0.2"), Ipv4.parse("10.0.0.1"),
            Ipv4.parse("10.0.0.53"), Ipv4.parse("10.0.0.54"), 0, 0, null, null, "", LcpOptions.DEFAULTS, LcpOptions.DEFAULTS);

    static PhonebookEntry entry() throws RasException {
        return PhonebookEntry.create("Office", "tcp:127.0.0.1:7001");
    }

    @Test
    void offByDefault() throws Exception {
        EntryDns d = EntryDns.of(entry());

        assertThat(d.apply()).isFalse();
        assertThat(d.usePeerDns()).isFalse();
        assertThat(d.settings("ppp0", PEER_DNS)).isEmpty();
    }

    @Test
    void whenAskedThePeersServersAndTheSuffix() throws Exception {
        EntryDns d = EntryDns.of(entry().withValue("JrasApplyDns", "1").withValue("IpDnsSuffix", "corp.example, lab.example"));

        assertThat(d.usePeerDns()).isTrue();
        assertThat(d.settings("ppp0", PEER_DNS)).contains(
                new DnsSettings("ppp0", List.of("10.0.0.53", "10.0.0.54"), List.of("corp.example", "lab.example")));
    }

    @Test
    void ipNameAssign2UsesTheEntrysOwnServersAnd3None() throws Exception {
        PhonebookEntry on = entry().withValue("JrasApplyDns", "1");
        EntryDns own = EntryDns.of(on.withDnsAddresses("192.0.2.1", "192.0.2.2"));
        EntryDns none = EntryDns.of(on.withValue("IpNameAssign", "3"));

        assertThat(own.usePeerDns()).isFalse();
        assertThat(own.settings("ppp0", PEER_DNS).orElseThrow().servers()).containsExactly("192.0.2.1", "192.0.2.2");
        assertThat(none.settings("ppp0", PEER_DNS)).isEmpty();
    }

    @Test
    void badValuesAreAPhonebookError() throws Exception {
        assertThatThrownBy(() -> EntryDns.of(entry().withValue("JrasApplyDns", "yes")))
                .isInstanceOf(RasException.class).hasMessageContaining("JrasApplyDns= is not 0 or 1");
        assertThatThrownBy(() -> EntryDns.of(entry().withValue("IpDnsSuffix", "corp.example;rm -rf")))
                .isInstanceOf(RasException.class).hasMessageContaining("IpDnsSuffix");
    }

    @Test
    void nothingThatCouldBreakResolvConfOrACommandLineGetsIn() {
        assertThatThrownBy(() -> new DnsSettings("ppp0", List.of("10.0.0.53\nnameserver 6.6.6.6"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\\x0a");
        assertThatThrownBy(() -> new DnsSettings("ppp0", List.of("10.0.0.300"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DnsSettings("ppp0", List.of(), List.of("a b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DnsSettings("-ppp0 x", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DnsSettings("--help", List.of(), List.of())) // an option to resolvectl
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new DnsSettings("ppp0", List.of("2001:db8::53", "fe80::1%ppp0"), List.of("example.org.")).servers()).hasSize(2);
    }
}
