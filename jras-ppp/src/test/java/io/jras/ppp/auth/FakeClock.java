package io.jras.ppp.auth;

import java.time.Duration;

/** Virtual monotonic nanoseconds; tests advance it by hand and never sleep. */
public final class FakeClock {
    // an arbitrary origin far from zero, so that no code can rely on time starting at 0
    private long now = 1_000_000_000_000L;

    public long now() {
        return now;
    }

    public void advance(Duration d) {
        now += d.toNanos();
    }

    public void set(long nanos) {
        if (nanos < now) {
            throw new IllegalArgumentException("time runs forward only");
        }
        now = nanos;
    }
}
