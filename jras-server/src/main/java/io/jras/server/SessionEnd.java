package io.jras.server;

import io.jras.ppp.LinkFailure;
import java.time.Duration;

/**
 * How a session ended.
 *
 * @param reason    one line for people: the server's own reason when it closed the session
 *                  (hang-up, negotiation timeout, limit), else the link's; never a secret
 * @param failure   what the PPP engine reported
 * @param duration  from accepting the connection to its end
 * @param octetsIn  line octets received
 * @param octetsOut line octets sent
 */
public record SessionEnd(String reason, LinkFailure failure, Duration duration, long octetsIn, long octetsOut) {

    /** The RAS error of the engine's report (691, 719, 631, ...). */
    public int rasError() {
        return failure == null ? 0 : failure.rasError();
    }
}
