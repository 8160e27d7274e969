package io.jras.core;

import java.nio.file.Path;

/**
 * One row of enumeration (RasEnumConnections' RASCONN, plus jras's ownership fields).
 *
 * @param entryName   the phonebook entry, or "." + the number for a dial without an entry
 * @param owner       the uid that dialed; -1 for this process
 * @param allUsers    visible to every user
 * @param shared      how many dials share this connection (reference count)
 */
public record ConnectionInfo(long handle, String entryName, String phoneNumber, String deviceType, String deviceName,
                             Path phonebook, int owner, boolean allUsers, int shared,
                             RasConnState state, int error, boolean teardownInProgress) {
}
