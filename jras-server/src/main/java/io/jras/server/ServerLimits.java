package io.jras.server;

import java.time.Duration;
import java.util.Objects;

/**
 * What one {@link AnswerServer} allows, so that no client (garbage, stalls, floods) can hurt the
 * others. Each limit, when hit, is reported in one log line.
 *
 * @param maxSessions          sessions at once, negotiating ones included (100)
 * @param negotiationTimeout   a session whose IPCP is not up by then is closed (30 s)
 * @param connectsPerSecond    new connections per second and source address, sustained (2.0);
 *                             zero or less = no rate limit
 * @param connectBurst         new connections a source may open at once before the rate applies (10)
 * @param preNetworkInput      octets a client may send before its IPCP is up (64 KiB): far more than
 *                             any negotiation needs; past it the line is cut
 * @param hangUpGrace          how long a closing session may take over LCP Terminate before its line
 *                             is cut (7 s, RFC 1661's Max-Terminate 2 × Restart 3 s and a margin)
 * @param echoInterval         LCP Echo-Request interval for dead-peer detection (30 s); zero = off
 * @param echoFailure          unanswered Echo-Requests after which the peer is dead (4)
 */
public record ServerLimits(int maxSessions, Duration negotiationTimeout, double connectsPerSecond, int connectBurst,
                           long preNetworkInput, Duration hangUpGrace, Duration echoInterval, int echoFailure) {

    public static final ServerLimits DEFAULTS = new ServerLimits(100, Duration.ofSeconds(30), 2.0, 10,
            64 * 1024, Duration.ofSeconds(7), Duration.ofSeconds(30), 4);

    public ServerLimits {
        Objects.requireNonNull(negotiationTimeout, "negotiationTimeout");
        Objects.requireNonNull(hangUpGrace, "hangUpGrace");
        Objects.requireNonNull(echoInterval, "echoInterval");
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1: " + maxSessions);
        }
        if (!negotiationTimeout.isPositive() || !hangUpGrace.isPositive() || echoInterval.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive (echo interval: zero or more)");
        }
        if (connectBurst < 1 || preNetworkInput < 1 || echoFailure < 1) {
            throw new IllegalArgumentException("connectBurst, preNetworkInput and echoFailure must be at least 1");
        }
    }

    public ServerLimits withMaxSessions(int n) {
        return new ServerLimits(n, negotiationTimeout, connectsPerSecond, connectBurst, preNetworkInput, hangUpGrace,
                echoInterval, echoFailure);
    }

    public ServerLimits withNegotiationTimeout(Duration d) {
        return new ServerLimits(maxSessions, d, connectsPerSecond, connectBurst, preNetworkInput, hangUpGrace,
                echoInterval, echoFailure);
    }

    public ServerLimits withConnectRate(double perSecond, int burst) {
        return new ServerLimits(maxSessions, negotiationTimeout, perSecond, burst, preNetworkInput, hangUpGrace,
                echoInterval, echoFailure);
    }

    public ServerLimits withPreNetworkInput(long octets) {
        return new ServerLimits(maxSessions, negotiationTimeout, connectsPerSecond, connectBurst, octets, hangUpGrace,
                echoInterval, echoFailure);
    }

    public ServerLimits withHangUpGrace(Duration d) {
        return new ServerLimits(maxSessions, negotiationTimeout, connectsPerSecond, connectBurst, preNetworkInput, d,
                echoInterval, echoFailure);
    }

    public ServerLimits withEcho(Duration interval, int failure) {
        return new ServerLimits(maxSessions, negotiationTimeout, connectsPerSecond, connectBurst, preNetworkInput,
                hangUpGrace, interval, failure);
    }
}
