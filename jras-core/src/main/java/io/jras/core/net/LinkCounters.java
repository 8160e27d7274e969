package io.jras.core.net;

import io.jras.core.RasStats;

/**
 * The statistics ip-down and ipv6-down get (pppd's CONNECT_TIME, BYTES_SENT, BYTES_RCVD).
 *
 * @param connectSeconds whole seconds the connection lasted
 * @param bytesSent      bytes sent on the link
 * @param bytesReceived  bytes received on the link
 */
public record LinkCounters(long connectSeconds, long bytesSent, long bytesReceived) {

    public static final LinkCounters ZERO = new LinkCounters(0, 0, 0);

    /**
     * From a connection's statistics. pppd counts CONNECT_TIME from the start of PPP negotiation;
     * jras counts from Connected (RAS_STATS' dwConnectDuration), a few seconds less at most.
     */
    public static LinkCounters of(RasStats stats) {
        return new LinkCounters(stats.connectDuration().toSeconds(), stats.bytesXmited(), stats.bytesRcved());
    }
}
