package io.jras.client;

/**
 * One connection as enumeration shows it.
 *
 * @param handle     opaque; print and parse it as 0x-prefixed hex ({@link Handles})
 * @param entry      the phonebook entry, or "." + the number for a dial without an entry
 * @param owner      the user who dialed
 * @param shared     how many dials share it
 */
public record ConnectionInfo(long handle, String entry, String phoneNumber, String deviceType, String deviceName,
                             String phonebook, String owner, boolean allUsers, int shared, String state, int stateCode,
                             int error, boolean teardownInProgress) {
}
