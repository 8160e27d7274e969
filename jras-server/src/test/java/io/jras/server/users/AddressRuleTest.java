package io.jras.server.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.ppp.Ipv4;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressRuleTest {

    static AddressRule rule(String... words) {
        return AddressRule.parse(List.of(words), 4);
    }

    static int ip(String s) {
        return Ipv4.parse(s);
    }

    @Test
    void noWordsMeansAnyAddress() {
        AddressRule r = rule();
        assertThat(r.permits(ip("192.0.2.1"))).isTrue();
        assertThat(r.staticAddress()).isEmpty();
        assertThat(r).isEqualTo(AddressRule.UNRESTRICTED);
    }

    @Test
    void oneHostAddressAllowsOnlyItAndAssignsIt() {
        AddressRule r = rule("192.0.2.77");
        assertThat(r.permits(ip("192.0.2.77"))).isTrue();
        assertThat(r.permits(ip("192.0.2.78"))).isFalse();
        assertThat(r.staticAddress()).hasValue(ip("192.0.2.77"));
    }

    @Test
    void aSubnetAllowsItsAddressesAndAssignsNone() {
        AddressRule r = rule("192.0.2.64/26");
        assertThat(r.permits(ip("192.0.2.64"))).isTrue();
        assertThat(r.permits(ip("192.0.2.127"))).isTrue();
        assertThat(r.permits(ip("192.0.2.128"))).isFalse();
        assertThat(r.staticAddress()).isEmpty();
    }

    @Test
    void theFirstMatchingWordDecidesAsInPppd() {
        AddressRule r = rule("!192.0.2.70", "192.0.2.64/26");
        assertThat(r.permits(ip("192.0.2.70"))).isFalse();
        assertThat(r.permits(ip("192.0.2.71"))).isTrue();
        AddressRule shadowed = rule("192.0.2.64/26", "!192.0.2.70");
        assertThat(shadowed.permits(ip("192.0.2.70"))).isTrue();
    }

    @Test
    void starAllowsEverythingAndDashAllowsNothing() {
        assertThat(rule("*").permits(ip("203.0.113.9"))).isTrue();
        assertThat(rule("!203.0.113.9", "*").permits(ip("203.0.113.9"))).isFalse();
        assertThat(rule("-").permits(ip("192.0.2.1"))).isFalse();
        assertThat(rule("-").toString()).isEqualTo("-");
    }

    @Test
    void itPrintsAsItWasWritten() {
        assertThat(rule("!192.0.2.70", "192.0.2.64/26", "*").toString()).isEqualTo("!192.0.2.70 192.0.2.64/26 *");
    }

    @Test
    void aBadWordIsNamedByItsPosition() {
        assertThatThrownBy(() -> rule("192.0.2.1", "host.example")).hasMessageStartingWith("word 5 is not");
        assertThatThrownBy(() -> rule("192.0.2.1/")).hasMessageStartingWith("word 4 is not");
        assertThatThrownBy(() -> rule("!")).hasMessageStartingWith("word 4 is not");
    }
}
