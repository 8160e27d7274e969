package io.jras.core;

import io.jras.ppp.LinkStatistics;
import io.jras.ppp.Projection;

/**
 * A connection the manager did not dial: a session an answering server accepted. The server
 * {@linkplain ConnectionManager#register registers} it once its network is up, so it gets a handle
 * from the manager's handle space and is listed, queried and hung up like a dialed one; the server
 * reports its end through the {@link Registration}.
 *
 * <p>Calls come from manager and client threads; implementations must return at once.
 */
public interface IncomingConnection {

    /** RAS device type of the line it came in on: "tcp", "modem", ... */
    String deviceType();

    /** The line as configured, e.g. "tcp:127.0.0.1:7000". */
    String deviceName();

    /** What enumeration shows as the entry: the answering server's name, or "". */
    String serverName();

    /** The name the peer authenticated as; "" with no authentication. */
    String user();

    /** Where the call came from, e.g. "192.0.2.7:40112"; shown as the phone number when there is no user. */
    String caller();

    /** What PPP negotiated (our address, the peer's, DNS); null if not known. */
    Projection projection();

    /** The link's counters now; null if not known. */
    LinkStatistics statistics();

    /** The session's host network interface, or why it has none. */
    default io.jras.core.iface.InterfaceStatus netInterface() {
        return io.jras.core.iface.InterfaceStatus.OFF;
    }

    /**
     * Ends the session with LCP Terminate (RFC 1661 §3.7; the line is cut if the peer does not
     * answer); returns at once. The end comes back through {@link Registration#ended}.
     */
    void hangUp(String reason);

    /** The manager's side of one registered incoming connection. */
    interface Registration {

        long handle();

        /**
         * The session is over (its line closed): the handle becomes invalid, a tombstone keeps its
         * end. Later calls do nothing.
         *
         * @param error the RAS error of the end (0 when there is none)
         * @param cause one line for people, never a secret
         */
        void ended(int error, String cause);
    }
}
