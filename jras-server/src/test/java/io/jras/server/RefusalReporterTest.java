package io.jras.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefusalReporterTest {

    long now;
    final List<String> log = new ArrayList<>();
    final RefusalReporter reporter = new RefusalReporter(log::add, () -> now, Duration.ofSeconds(10));
    final InetSocketAddress peer = new InetSocketAddress("127.0.0.1", 4000);

    @Test
    void aFloodIsOneLineNowAndOneSummaryPerInterval() {
        for (int i = 0; i < 500; i++) {
            reporter.report(peer, Refusal.RATE_LIMITED, "2.0/s, burst 10");
        }
        assertThat(log).containsExactly("refused 127.0.0.1:4000: too many connections from this address (2.0/s, burst 10)");
        now += Duration.ofSeconds(10).toNanos();
        reporter.report(peer, Refusal.RATE_LIMITED, "2.0/s, burst 10");
        assertThat(log).hasSize(2).last().isEqualTo("refused 127.0.0.1:4000: too many connections from this address"
                + " (2.0/s, burst 10); 499 more refused for this since the last report");
    }

    @Test
    void eachKindOfRefusalIsReportedOnItsOwn() {
        reporter.report(peer, Refusal.RATE_LIMITED, "x");
        reporter.report(peer, Refusal.SERVER_FULL, "1 session");
        reporter.report(peer, Refusal.NO_ADDRESS, "pool 192.0.2.10-192.0.2.10 all in use");
        assertThat(log).hasSize(3);
    }
}
