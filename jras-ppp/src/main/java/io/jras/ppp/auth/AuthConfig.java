package io.jras.ppp.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * Timers and retry limits of the authentication protocols, named after and defaulting like
 * pppd's options. Durations are converted to the engine's nanoseconds by the {@code ...Nanos()}
 * methods.
 *
 * @param restartInterval      PAP authenticatee: time between Authenticate-Request transmissions
 *                             (pppd {@code pap-restart}, 3 s)
 * @param maxRequests          PAP authenticatee: Authenticate-Request transmissions before giving up
 *                             (pppd {@code pap-max-authreq}, 10)
 * @param peerTimeout          PAP authenticator: how long to wait for the peer's Authenticate-Request
 *                             (pppd {@code pap-timeout}, 30 s)
 * @param challengeRestart     CHAP authenticator: time between Challenge transmissions
 *                             (pppd {@code chap-restart}, 3 s)
 * @param maxChallenges        CHAP authenticator: Challenge transmissions before giving up
 *                             (pppd {@code chap-max-challenge}, 10)
 * @param responseRestart      CHAP authenticatee: time between Response transmissions while no
 *                             Success or Failure arrives (pppd {@code chap-response-interval}, 3 s)
 * @param maxResponses         CHAP authenticatee: Response transmissions before giving up
 *                             (pppd {@code chap-response-failure}, 10)
 * @param challengeWaitTimeout CHAP authenticatee: how long to wait for the first Challenge (30 s)
 */
public record AuthConfig(
        Duration restartInterval,
        int maxRequests,
        Duration peerTimeout,
        Duration challengeRestart,
        int maxChallenges,
        Duration responseRestart,
        int maxResponses,
        Duration challengeWaitTimeout) {

    /** pppd's defaults. */
    public static final AuthConfig DEFAULTS = new AuthConfig(
            Duration.ofSeconds(3), 10, Duration.ofSeconds(30),
            Duration.ofSeconds(3), 10,
            Duration.ofSeconds(3), 10, Duration.ofSeconds(30));

    public AuthConfig {
        positive(restartInterval, "restartInterval");
        positive(peerTimeout, "peerTimeout");
        positive(challengeRestart, "challengeRestart");
        positive(responseRestart, "responseRestart");
        positive(challengeWaitTimeout, "challengeWaitTimeout");
        atLeastOne(maxRequests, "maxRequests");
        atLeastOne(maxChallenges, "maxChallenges");
        atLeastOne(maxResponses, "maxResponses");
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        d.toNanos(); // ArithmeticException now rather than at the first timer
    }

    private static void atLeastOne(int n, String name) {
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + n);
        }
    }

    public long restartIntervalNanos() {
        return restartInterval.toNanos();
    }

    public long peerTimeoutNanos() {
        return peerTimeout.toNanos();
    }

    public long challengeRestartNanos() {
        return challengeRestart.toNanos();
    }

    public long responseRestartNanos() {
        return responseRestart.toNanos();
    }

    public long challengeWaitTimeoutNanos() {
        return challengeWaitTimeout.toNanos();
    }

    public AuthConfig withRestartInterval(Duration d) {
        return new AuthConfig(d, maxRequests, peerTimeout, challengeRestart, maxChallenges,
                responseRestart, maxResponses, challengeWaitTimeout);
    }

    public AuthConfig withMaxRequests(int n) {
        return new AuthConfig(restartInterval, n, peerTimeout, challengeRestart, maxChallenges,
                responseRestart, maxResponses, challengeWaitTimeout);
    }

    public AuthConfig withPeerTimeout(Duration d) {
        return new AuthConfig(restartInterval, maxRequests, d, challengeRestart, maxChallenges,
                responseRestart, maxResponses, challengeWaitTimeout);
    }

    public AuthConfig withChallengeRestart(Duration d) {
        return new AuthConfig(restartInterval, maxRequests, peerTimeout, d, maxChallenges,
                responseRestart, maxResponses, challengeWaitTimeout);
    }

    public AuthConfig withMaxChallenges(int n) {
        return new AuthConfig(restartInterval, maxRequests, peerTimeout, challengeRestart, n,
                responseRestart, maxResponses, challengeWaitTimeout);
    }

    public AuthConfig withResponseRestart(Duration d) {
        return new AuthConfig(restartInterval, maxRequests, peerTimeout, challengeRestart, maxChallenges,
                d, maxResponses, challengeWaitTimeout);
    }

    public AuthConfig withMaxResponses(int n) {
        return new AuthConfig(restartInterval, maxRequests, peerTimeout, challengeRestart, maxChallenges,
                responseRestart, n, challengeWaitTimeout);
    }

    public AuthConfig withChallengeWaitTimeout(Duration d) {
        return new AuthConfig(restartInterval, maxRequests, peerTimeout, challengeRestart, maxChallenges,
                responseRestart, maxResponses, d);
    }
}
