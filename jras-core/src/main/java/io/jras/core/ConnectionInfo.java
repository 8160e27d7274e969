package io.jras.core;

import java.nio.file.Path;

/**
 * One row of enumeration (RasEnumConnections' RASCONN, plus jras's ownership fields).
 *
 * @param entryName   the phonebook entry, or "." + the number for a dial without an entry; for an
 *                    incoming connection the answering server's name
 * @param phoneNumber the number dialed; for an incoming connection the caller's user name, else its address
 * @param owner       the uid that dialed (or started the answering server); -1 for this process
 * @param allUsers    visible to every user
 * @param shared      how many dials share this connection (reference count)
 * @param incoming    answered by a server rather than dialed
 * @param user        the user name: the one we authenticated as, or for an incoming connection the peer's
 */
public record ConnectionInfo(long handle, String entryName, String phoneNumber, String deviceType, String deviceName,
                             Path phonebook, int owner, boolean allUsers, int shared,
                             RasConnState state, int error, boolean teardownInProgress,
                             boolean incoming, String user) {

    /** A dialed connection's row. */
    public ConnectionInfo(long handle, String entryName, String phoneNumber, String deviceType, String deviceName,
                          Path phonebook, int owner, boolean allUsers, int shared,
                          RasConnState state, int error, boolean teardownInProgress) {
        this(handle, entryName, phoneNumber, deviceType, deviceName, phonebook, owner, allUsers, shared, state, error,
                teardownInProgress, false, "");
    }
}
