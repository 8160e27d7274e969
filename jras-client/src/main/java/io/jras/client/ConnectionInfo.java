package io.jras.client;

/**
 * One connection as enumeration shows it.
 *
 * @param handle     opaque; print and parse it as 0x-prefixed hex ({@link Handles})
 * @param entry      the phonebook entry, or "." + the number for a dial without an entry
 * @param owner      the user who dialed
 * @param shared     how many dials share it
 * @param incoming   answered by a server ({@code jras serve}) rather than dialed; then {@code entry} is
 *                   the server's name and {@code phoneNumber} the caller's user name, else its address
 * @param user       the user name: ours on a dialed connection, the caller's on an incoming one
 */
public record ConnectionInfo(long handle, String entry, String phoneNumber, String deviceType, String deviceName,
                             String phonebook, String owner, boolean allUsers, int shared, String state, int stateCode,
                             int error, boolean teardownInProgress, boolean incoming, String user) {
}
