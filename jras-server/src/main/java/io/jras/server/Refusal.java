package io.jras.server;

/** Why a connection was turned away before it became a session. */
public enum Refusal {
    /** The source opened connections faster than {@link ServerLimits#connectsPerSecond()} allows. */
    RATE_LIMITED("too many connections from this address"),
    /** {@link ServerLimits#maxSessions()} sessions are live. */
    SERVER_FULL("server full"),
    /** Every address of the pool is in use: IPCP could not assign one. */
    NO_ADDRESS("no address available"),
    /** The server is stopping. */
    STOPPING("server stopping");

    private final String text;

    Refusal(String text) {
        this.text = text;
    }

    /** What the peer is told in the LCP Terminate-Request, and what the log says. */
    public String text() {
        return text;
    }
}
