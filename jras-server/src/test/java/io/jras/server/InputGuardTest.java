package io.jras.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InputGuardTest {

    final AtomicBoolean up = new AtomicBoolean();
    final AtomicInteger exceeded = new AtomicInteger();

    InputGuard guard(int available, int limit) {
        return new InputGuard(new ByteArrayInputStream(new byte[available]), limit, up::get, exceeded::incrementAndGet);
    }

    @Test
    void inputUpToTheLimitPasses() throws IOException {
        InputGuard g = guard(100, 100);
        assertThat(g.read(new byte[60])).isEqualTo(60);
        assertThat(g.read(new byte[60])).isEqualTo(40);
        assertThat(exceeded).hasValue(0);
    }

    @Test
    void oneOctetTooManyBeforeTheNetworkIsUpCutsTheLine() throws IOException {
        InputGuard g = guard(101, 100);
        g.read(new byte[100]);
        assertThatThrownBy(g::read).hasMessage("more than 100 octets before the network came up");
        assertThat(exceeded).hasValue(1);
    }

    @Test
    void onceTheNetworkIsUpThereIsNoLimit() throws IOException {
        InputGuard g = guard(1000, 100);
        up.set(true);
        assertThat(g.readAllBytes()).hasSize(1000);
        assertThat(exceeded).hasValue(0);
    }
}
