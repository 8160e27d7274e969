package io.jras.core;

import io.jras.core.iface.InterfacePolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The manager's own settings (the per-connection ones are in {@link DialPolicy}).
 *
 * @param openTimeout        how long opening a port may take
 * @param unclaimedGrace     a failed or dropped connection that nobody hangs up is reaped after this
 * @param tombstoneTtl       how long a tombstone is kept once its handle is invalid
 * @param tombstoneCapacity  at most this many tombstones are kept (oldest dropped first)
 * @param eventCapacity      events kept for watchers that resume from a sequence number
 * @param tick               how often policies (idle, maximum connect time, reaping) are checked
 * @param clock              timestamps in status, events and tombstones
 * @param trace              receives the PPP packet trace of every connection; never a secret
 * @param interfaces         whether connections get a host network interface (off by default), see {@link InterfacePolicy}
 */
public record ManagerConfig(Duration openTimeout, Duration unclaimedGrace, Duration tombstoneTtl,
                            int tombstoneCapacity, int eventCapacity, Duration tick, Clock clock,
                            Consumer<String> trace, InterfacePolicy interfaces) {

    public static final ManagerConfig DEFAULT = new ManagerConfig(Duration.ofSeconds(45), Duration.ofMinutes(10),
            Duration.ofMinutes(30), 1000, 10_000, Duration.ofSeconds(1), Clock.systemUTC(), null);

    public ManagerConfig {
        trace = trace == null ? line -> { } : trace;
        clock = clock == null ? Clock.systemUTC() : clock;
        interfaces = interfaces == null ? InterfacePolicy.OFF : interfaces;
    }

    /** Without host interfaces. */
    public ManagerConfig(Duration openTimeout, Duration unclaimedGrace, Duration tombstoneTtl, int tombstoneCapacity,
                         int eventCapacity, Duration tick, Clock clock, Consumer<String> trace) {
        this(openTimeout, unclaimedGrace, tombstoneTtl, tombstoneCapacity, eventCapacity, tick, clock, trace,
                InterfacePolicy.OFF);
    }

    public ManagerConfig withInterfaces(InterfacePolicy p) {
        return new ManagerConfig(openTimeout, unclaimedGrace, tombstoneTtl, tombstoneCapacity, eventCapacity, tick,
                clock, trace, p);
    }

    public ManagerConfig withUnclaimedGrace(Duration d) {
        return new ManagerConfig(openTimeout, d, tombstoneTtl, tombstoneCapacity, eventCapacity, tick, clock, trace, interfaces);
    }

    public ManagerConfig withTombstones(Duration ttl, int capacity) {
        return new ManagerConfig(openTimeout, unclaimedGrace, ttl, capacity, eventCapacity, tick, clock, trace, interfaces);
    }

    public ManagerConfig withEventCapacity(int capacity) {
        return new ManagerConfig(openTimeout, unclaimedGrace, tombstoneTtl, tombstoneCapacity, capacity, tick, clock, trace, interfaces);
    }

    public ManagerConfig withTick(Duration d) {
        return new ManagerConfig(openTimeout, unclaimedGrace, tombstoneTtl, tombstoneCapacity, eventCapacity, d, clock, trace, interfaces);
    }

    public ManagerConfig withTrace(Consumer<String> t) {
        return new ManagerConfig(openTimeout, unclaimedGrace, tombstoneTtl, tombstoneCapacity, eventCapacity, tick, clock, t, interfaces);
    }
}
