package io.jras.ppp.fsm;

import java.time.Duration;

/**
 * RFC 1661 §4.6 counters and timers of one automaton.
 *
 * @param restartTimer  Restart timer, 3 s by default
 * @param maxTerminate  Terminate-Requests sent without an Ack before giving up, 2 by default
 * @param maxConfigure  Configure-Requests sent without a valid reply before giving up, 10 by default
 * @param maxFailure    Configure-Naks sent without an Ack before Naks turn into Rejects, 5 by default
 */
public record FsmConfig(Duration restartTimer, int maxTerminate, int maxConfigure, int maxFailure) {
    public static final FsmConfig DEFAULT = new FsmConfig(Duration.ofSeconds(3), 2, 10, 5);

    public FsmConfig {
        if (restartTimer.isNegative() || restartTimer.isZero()) {
            throw new IllegalArgumentException("restartTimer must be positive: " + restartTimer);
        }
        if (maxTerminate < 1 || maxConfigure < 1 || maxFailure < 1) {
            throw new IllegalArgumentException("counters must be at least 1");
        }
    }
}
