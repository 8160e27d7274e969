package io.jras.ppp.lcp;

import io.jras.ppp.Protocol;

/** What LCP tells the link (the parent of FreeBSD's fsm, pppd's lcp callbacks into auth.c). */
public interface LcpListener {
    /** tlu: LCP is Opened; {@link Lcp#ours()} and {@link Lcp#his()} hold the negotiated options. */
    void lcpUp(long now);

    /** tld: LCP left Opened. */
    void lcpDown(long now);

    /** tls: LCP wants the lower layer. */
    void lcpStarted(long now);

    /** tlf: LCP is done with the lower layer; {@link Lcp#automaton()} says why. */
    void lcpFinished(long now);

    /** The peer Protocol-Rejected one of our protocols (RFC 1661 §5.7). */
    void protocolRejected(Protocol protocol, long now);

    /**
     * A link failure LCP found: loopback, dead peer, or authentication that cannot be agreed. It
     * may arrive while a packet is being processed: the link must act on it afterwards, not re-enter LCP.
     */
    void lcpFailure(LcpFailure failure);

    /** Failures that LCP itself detects. */
    enum LcpFailure {
        /** Our own Magic-Number kept coming back (RFC 1661 §6.4). */
        LOOPBACK,
        /** Echo-Requests went unanswered. */
        PEER_DEAD,
        /** The peer refused every authentication protocol we require. */
        AUTH_REFUSED_BY_PEER
    }
}
