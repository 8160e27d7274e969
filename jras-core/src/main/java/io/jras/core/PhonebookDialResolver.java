package io.jras.core;

import io.jras.link.RasError;
import io.jras.link.RasException;

/**
 * Resolves dials from phonebook entries and stored credentials (work in progress: entries arrive
 * with the phonebook; for now only a dial by device spec without an entry).
 */
public final class PhonebookDialResolver implements DialResolver {

    private PhonebookDialResolver() {
    }

    public static PhonebookDialResolver standard() {
        return new PhonebookDialResolver();
    }

    @Override
    public DialRequest resolve(String entry, String phonebook, String phoneNumber, String device, String user,
                               String password, int owner, boolean allUsers) throws RasException {
        throw new RasException(RasError.CANNOT_FIND_PHONEBOOK_ENTRY, entry);
    }
}
