package io.jras.server;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per source: each source may open {@code burst} connections at once and
 * {@code perSecond} more each second after that. A source is an IPv4 address or an IPv6 /64 (one
 * subscriber's prefix: counting its 2^64 addresses apart would limit nothing).
 *
 * <p>Buckets that have filled up again are forgotten (a full bucket is the same as none); the table
 * is swept when a new source arrives, at most once per refill time, so its size follows the
 * sources active lately. Past {@link #MAX_SOURCES} busy sources at once, new ones are let through
 * untracked: the session limit still bounds the load. Thread-safe.
 */
final class ConnectRateLimiter {

    /** Sweep only once the table is this big. */
    static final int SWEEP_FROM = 1024;
    static final int MAX_SOURCES = 65_536;

    private record Source(boolean v6, long bits) {
        static Source of(InetAddress a) {
            byte[] b = a.getAddress();
            return a instanceof Inet6Address
                    ? new Source(true, ByteBuffer.wrap(b).getLong())
                    : new Source(false, ByteBuffer.wrap(b).getInt() & 0xffffffffL);
        }
    }

    private static final class Bucket {
        double tokens;
        long at;
    }

    private final double perNano;
    private final int burst;
    private final long refillNanos;
    private final LongSupplier nanoClock;
    private final Map<Source, Bucket> buckets = new HashMap<>();
    private long sweptAt;

    /** @param perSecond zero or less = unlimited */
    ConnectRateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.refillNanos = perSecond > 0 ? (long) Math.ceil(burst / perNano) : 0;
        this.nanoClock = nanoClock;
        this.sweptAt = nanoClock.getAsLong();
    }

    /** Takes one token for {@code address}; false if its source has none left. */
    synchronized boolean tryAcquire(InetAddress address) {
        if (perNano <= 0) {
            return true;
        }
        long now = nanoClock.getAsLong();
        Source source = Source.of(address);
        Bucket b = buckets.get(source);
        if (b == null) {
            if (buckets.size() >= SWEEP_FROM && now - sweptAt >= refillNanos) {
                sweep(now);
            }
            if (buckets.size() >= MAX_SOURCES) {
                return true;
            }
            b = new Bucket();
            b.tokens = burst;
            b.at = now;
            buckets.put(source, b);
        }
        refill(b, now);
        if (b.tokens < 1) {
            return false;
        }
        b.tokens -= 1;
        return true;
    }

    private void refill(Bucket b, long now) {
        b.tokens = Math.min(burst, b.tokens + (now - b.at) * perNano);
        b.at = now;
    }

    private void sweep(long now) {
        sweptAt = now;
        buckets.values().removeIf(b -> {
            refill(b, now);
            return b.tokens >= burst;
        });
    }

    synchronized int trackedSources() {
        return buckets.size();
    }
}
