package io.jras.core.iface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.core.ManagerConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterfacePolicyTest {

    @Test
    void offByDefaultInTheManager() {
        assertThat(ManagerConfig.DEFAULT.interfaces().enabled()).isFalse();
        assertThat(ManagerConfig.DEFAULT.withTick(java.time.Duration.ofSeconds(2)).interfaces())
                .isEqualTo(InterfacePolicy.OFF);
        assertThat(ManagerConfig.DEFAULT.withInterfaces(InterfacePolicy.ON).withTick(java.time.Duration.ofSeconds(2))
                .interfaces().enabled()).as("the withers keep the policy").isTrue();
    }

    @Test
    void theEnvironmentOverridesTheDefaultAndNamesTheNamespace() {
        assertThat(InterfacePolicy.fromEnvironment(Map.of(), InterfacePolicy.ON)).isEqualTo(InterfacePolicy.ON);
        assertThat(InterfacePolicy.fromEnvironment(Map.of("JRAS_INTERFACES", "off"), InterfacePolicy.ON).enabled()).isFalse();
        assertThat(InterfacePolicy.fromEnvironment(Map.of("JRAS_INTERFACES", "ON"), InterfacePolicy.OFF).enabled()).isTrue();
        assertThat(InterfacePolicy.fromEnvironment(Map.of("JRAS_NETNS", " vpn "), InterfacePolicy.OFF).namespace())
                .isEqualTo("vpn");
        assertThatThrownBy(() -> InterfacePolicy.fromEnvironment(Map.of("JRAS_INTERFACES", "maybe"), InterfacePolicy.OFF))
                .hasMessage("JRAS_INTERFACES must be on or off, not \"maybe\"");
    }

    @Test
    void aConnectionWithoutInterfacesSaysTheyAreOff() {
        assertThat(HostInterface.initialStatus(InterfacePolicy.OFF).state()).isEqualTo(InterfaceStatus.DISABLED);
        assertThat(HostInterface.initialStatus(InterfacePolicy.ON).state()).isEqualTo(InterfaceStatus.PENDING);
    }
}
