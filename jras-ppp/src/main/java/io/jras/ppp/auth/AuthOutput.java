package io.jras.ppp.auth;

/**
 * What an authentication protocol side hands back to the link: packets to send and its verdict.
 * Implemented by the link orchestrator; auth code never touches I/O or the clock.
 */
public interface AuthOutput {
    /** Send one packet of this auth protocol (Code, Identifier, Length, Data — the PPP information field). */
    void send(byte[] packet);

    /** Authentication finished well; {@code message} is the peer's or our text (may be empty). */
    void succeeded(String peerName, String message);

    /**
     * Authentication failed: {@code message} is the peer's failure text (or ours, e.g. "timeout"),
     * never a secret. {@code timedOut} tells a silent peer apart from a refusal.
     */
    void failed(String message, boolean timedOut);

    /**
     * Authenticator role with a deferred {@link PeerVerifier}: {@code proof} must be judged
     * elsewhere; the side waits for {@link Authenticator#verdict}. Called at most once per side.
     */
    void verify(PeerProof proof);
}
