package io.jras.daemon.testkit;

import io.jras.core.DialRequest;
import io.jras.core.DialResolver;
import io.jras.link.RasError;
import io.jras.link.RasException;
import java.util.List;

/**
 * Resolves dials for tests while the phonebook is being built elsewhere: any entry name with a
 * {@code device} "tcp:HOST:PORT" (a {@link PeerServer}); without a device the entry is not found
 * (623). Public with a no-arg constructor, so a daemon in another process picks it up through
 * {@code JRAS_DIAL_RESOLVER}.
 */
public final class TestResolver implements DialResolver {

    /** An entry whose resolution fails with a detail quoting the password: the daemon must not pass it on. */
    public static final String QUOTING_ENTRY = "quotes-the-password";

    @Override
    public DialRequest resolve(String entry, String phonebook, String phoneNumber, String device, String user,
                               String password, int owner, boolean allUsers) throws RasException {
        if (QUOTING_ENTRY.equals(entry)) {
            throw new RasException(RasError.CANNOT_FIND_PHONEBOOK_ENTRY, "no entry for password " + password);
        }
        if (device == null) {
            throw new RasException(RasError.CANNOT_FIND_PHONEBOOK_ENTRY, entry);
        }
        return DialRequest.of(entry, new TcpDevice(device), user, password)
                .withPhoneNumbers(phoneNumber == null ? List.of() : List.of(phoneNumber))
                .withIpv6(false)
                .withOwner(owner, allUsers);
    }
}
