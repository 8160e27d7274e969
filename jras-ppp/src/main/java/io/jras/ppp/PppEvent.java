package io.jras.ppp;

import io.jras.ppp.auth.PeerProof;
import io.jras.ppp.lcp.LcpOptions;

/**
 * What the engine reports, in the order it happens. For one link the stream reads as this grammar:
 * <pre>
 *   PhaseChanged(ESTABLISH) LinkEstablished
 *   ( PhaseChanged(AUTHENTICATE) VerifyPeer? Authenticated+ )?
 *   PhaseChanged(NETWORK) NetworkUp(IPCP) NetworkUp(IPV6CP)? DatagramReceived*
 *   ( PhaseChanged(TERMINATE) )? PhaseChanged(DEAD) LinkDown
 * </pre>
 * and a failure may cut it short at any point with {@code PhaseChanged(TERMINATE)?
 * PhaseChanged(DEAD) LinkDown}. {@code LinkDown} is always the last event.
 */
public sealed interface PppEvent {

    record PhaseChanged(Phase from, Phase to) implements PppEvent {
    }

    /** LCP is Opened with these options (towards us, towards the peer). */
    record LinkEstablished(LcpOptions ours, LcpOptions his) implements PppEvent {
    }

    /**
     * One direction of authentication succeeded: {@code weAuthenticated} tells whether we were the
     * authenticator (then {@code peerName} is who the peer is) or the authenticatee.
     */
    record Authenticated(AuthProtocol protocol, boolean weAuthenticated, String peerName, String message)
            implements PppEvent {
    }

    /**
     * Authenticator role with {@link io.jras.ppp.auth.PeerVerifier#DEFERRED}: judge {@code proof}
     * (e.g. by RADIUS) and hand the decision to {@link PppEngine#verdict}. The link keeps running
     * meanwhile; the peer's repeated Requests or Responses do not ask again.
     */
    record VerifyPeer(AuthProtocol protocol, PeerProof proof) implements PppEvent {
    }

    /** A network control protocol opened; {@code projection} holds everything negotiated so far. */
    record NetworkUp(Protocol ncp, Projection projection) implements PppEvent {
    }

    /** An IP datagram arrived (IPv4 or IPv6). */
    record DatagramReceived(Protocol protocol, byte[] packet) implements PppEvent {
    }

    /** The link is Dead; {@code failure} says why (LocalClose after our own close). */
    record LinkDown(LinkFailure failure) implements PppEvent {
    }
}
