package io.jras.server;

/** What a {@link ServerSession} tells its server: log lines and the two ends of its life. */
interface ServerEvents {

    void log(String line);

    /** IPCP is up. */
    void started(ServerSession session);

    /** The session is over and its address released. */
    void ended(ServerSession session, SessionEnd end);
}
