package io.jras.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConnectRateLimiterTest {

    long now = 1_000;
    final ConnectRateLimiter limiter = new ConnectRateLimiter(2, 3, () -> now);
    final InetAddress a = InetAddress.getLoopbackAddress();
    final InetAddress b = address(192, 0, 2, 1);

    static InetAddress address(int... octets) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) octets[0], (byte) octets[1], (byte) octets[2], (byte) octets[3]});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    void advanceMillis(long ms) {
        now += TimeUnit.MILLISECONDS.toNanos(ms);
    }

    @Test
    void aSourceGetsItsBurstThenTheRate() {
        assertThat(limiter.tryAcquire(a)).isTrue();
        assertThat(limiter.tryAcquire(a)).isTrue();
        assertThat(limiter.tryAcquire(a)).isTrue();
        assertThat(limiter.tryAcquire(a)).isFalse();
        advanceMillis(499);
        assertThat(limiter.tryAcquire(a)).isFalse();
        advanceMillis(1);
        assertThat(limiter.tryAcquire(a)).isTrue();
        assertThat(limiter.tryAcquire(a)).isFalse();
    }

    @Test
    void sourcesAreLimitedSeparately() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire(a);
        }
        assertThat(limiter.tryAcquire(a)).isFalse();
        assertThat(limiter.tryAcquire(b)).isTrue();
    }

    @Test
    void theBucketRefillsOnlyUpToTheBurst() {
        advanceMillis(3_600_000);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(a)).isTrue();
        }
        assertThat(limiter.tryAcquire(a)).isFalse();
    }

    @Test
    void sourcesThatWentQuietAreForgotten() {
        for (int i = 0; i < 5000; i++) {
            limiter.tryAcquire(address(10, 0, i >> 8, i & 0xff));
        }
        advanceMillis(2_000); // every bucket is full again
        limiter.tryAcquire(address(10, 1, 0, 0));
        limiter.tryAcquire(address(10, 1, 0, 1));
        assertThat(limiter.trackedSources()).isLessThan(100);
    }

    @Test
    void anIpv6SourceIsItsSlash64() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(InetAddress.getByName("2001:db8:1:2::" + (i + 1)))).isTrue();
        }
        assertThat(limiter.tryAcquire(InetAddress.getByName("2001:db8:1:2:ffff::9"))).isFalse();
        assertThat(limiter.tryAcquire(InetAddress.getByName("2001:db8:1:3::1"))).isTrue();
    }

    @Test
    void zeroRateMeansNoLimit() {
        ConnectRateLimiter off = new ConnectRateLimiter(0, 1, () -> now);
        for (int i = 0; i < 1000; i++) {
            assertThat(off.tryAcquire(a)).isTrue();
        }
    }
}
