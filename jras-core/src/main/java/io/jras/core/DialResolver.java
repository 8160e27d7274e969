package io.jras.core;

import io.jras.link.RasException;

/**
 * Turns what a caller asked for (an entry of a phonebook, or a device and number) into a complete
 * {@link DialRequest}: the device, the numbers, the credentials and the entry's policies.
 */
@FunctionalInterface
public interface DialResolver {

    /**
     * @param entry       entry name, or null for a dial without an entry
     * @param phonebook   phonebook path, or null for the default
     * @param phoneNumber overrides the entry's number, or the number to dial without an entry
     * @param device      device spec for a dial without an entry
     * @param user        null: the stored credentials
     * @param password    null: the stored credentials
     * @param owner       the uid that dials
     * @param allUsers    visible to all users
     */
    DialRequest resolve(String entry, String phonebook, String phoneNumber, String device, String user,
                        String password, int owner, boolean allUsers) throws RasException;
}
