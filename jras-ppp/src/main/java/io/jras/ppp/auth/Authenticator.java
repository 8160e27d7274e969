package io.jras.ppp.auth;

/**
 * The side of a protocol that checks the peer. Its {@link PeerVerifier} may decide later; then
 * {@link AuthOutput#verify} is called once and the side waits, keeping its timers, until
 * {@link #verdict} delivers the decision.
 */
public interface Authenticator extends AuthSide {

    /** Whether a proof was handed out and its verdict has not come yet. */
    boolean verifying();

    /**
     * The decision on the proof handed out by {@link AuthOutput#verify}; answers the peer. False
     * (and nothing happens) when no verification is pending, e.g. a verdict that comes too late.
     */
    boolean verdict(PeerVerdict verdict, long now);
}
