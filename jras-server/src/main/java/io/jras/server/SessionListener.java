package io.jras.server;

import java.net.InetSocketAddress;

/**
 * Hears the life of every connection to an {@link AnswerServer}, e.g. so the connection manager can
 * list server sessions and hang them up ({@link AnswerServer#hangUp(long, String)}).
 *
 * <p>For each accepted connection the calls read as this grammar:
 * <pre>
 *   refused  |  started? ended
 * </pre>
 * {@code started} comes when IPCP is up (the peer has authenticated and has its address);
 * {@code ended} comes exactly once per session, started or not, after its line is closed and its
 * address is back in the pool.
 *
 * <p>Rules for implementations: calls for one session come in order on that session's thread;
 * calls for different sessions come concurrently. Do not block and do not throw (a throw is
 * logged and ignored); call back into the server only with methods that return at once
 * ({@link AnswerServer#hangUp}, {@link AnswerServer#sessions}).
 */
public interface SessionListener {

    /** Does nothing. */
    SessionListener NONE = new SessionListener() {
    };

    /** The network is up: {@code session} has its user, protocol and address. */
    default void started(SessionInfo session) {
    }

    /** The session is over; {@code session} is its last snapshot. */
    default void ended(SessionInfo session, SessionEnd end) {
    }

    /** A connection was turned away before it became a session. */
    default void refused(InetSocketAddress peer, Refusal refusal) {
    }
}
