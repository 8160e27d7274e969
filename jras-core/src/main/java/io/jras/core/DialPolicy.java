package io.jras.core;

import java.time.Duration;

/**
 * What the manager does around one connection, per phonebook entry (Windows' RedialAttempts,
 * RedialSeconds, IdleDisconnectSeconds, RedialOnLinkFailure, plus jras's own).
 *
 * @param redialAttempts    extra dial attempts after a retryable failure (never after 691 or a
 *                          configuration error)
 * @param redialPause       pause before the first redial; doubled for each further one, at most 8×
 * @param reconnectOnDrop   dial again (same handle) when an established link drops
 * @param idleDisconnect    hang up after this long without IP traffic; zero = never
 * @param maxConnectTime    hang up after this long connected; zero = never
 * @param echoInterval      LCP Echo-Request keepalive interval; zero = off
 * @param echoFailures      unanswered echoes after which the peer is dead
 */
public record DialPolicy(int redialAttempts, Duration redialPause, boolean reconnectOnDrop,
                         Duration idleDisconnect, Duration maxConnectTime,
                         Duration echoInterval, int echoFailures) {

    public static final DialPolicy DEFAULT = new DialPolicy(0, Duration.ofSeconds(3), false,
            Duration.ZERO, Duration.ZERO, Duration.ZERO, 4);

    public DialPolicy {
        if (redialAttempts < 0 || echoFailures < 1) {
            throw new IllegalArgumentException("redialAttempts must be >= 0 and echoFailures >= 1");
        }
        for (Duration d : new Duration[] {redialPause, idleDisconnect, maxConnectTime, echoInterval}) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("durations must not be negative");
            }
        }
    }

    /** The pause before redial number {@code attempt} (1-based): backoff, doubling, capped at 8×. */
    public Duration pauseBefore(int attempt) {
        int factor = 1 << Math.min(3, Math.max(0, attempt - 1));
        return redialPause.multipliedBy(factor);
    }

    /** RAS errors worth another try: the line, the device, the peer's silence. Never 691 or setup errors. */
    public static boolean retryable(int rasError) {
        return switch (rasError) {
            case 619, 628, 629, 630, 633, 638, 651, 652, 660, 666, 676, 678, 679, 680, 718, 721 -> true;
            default -> false;
        };
    }

    public DialPolicy withRedial(int attempts, Duration pause) {
        return new DialPolicy(attempts, pause, reconnectOnDrop, idleDisconnect, maxConnectTime, echoInterval, echoFailures);
    }

    public DialPolicy withReconnectOnDrop(boolean on) {
        return new DialPolicy(redialAttempts, redialPause, on, idleDisconnect, maxConnectTime, echoInterval, echoFailures);
    }

    public DialPolicy withIdleDisconnect(Duration d) {
        return new DialPolicy(redialAttempts, redialPause, reconnectOnDrop, d, maxConnectTime, echoInterval, echoFailures);
    }

    public DialPolicy withMaxConnectTime(Duration d) {
        return new DialPolicy(redialAttempts, redialPause, reconnectOnDrop, idleDisconnect, d, echoInterval, echoFailures);
    }

    public DialPolicy withEcho(Duration interval, int failures) {
        return new DialPolicy(redialAttempts, redialPause, reconnectOnDrop, idleDisconnect, maxConnectTime, interval, failures);
    }
}
