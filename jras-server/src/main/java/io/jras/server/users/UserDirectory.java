package io.jras.server.users;

import io.jras.ppp.auth.SecretLookup;
import java.util.Optional;

/**
 * Who may dial in: the entry for a peer's name, with its secret and its addresses. A users file
 * today; RADIUS would be another implementation. Called on session threads, concurrently.
 */
public interface UserDirectory extends SecretLookup {

    /** The entry that applies to {@code client} authenticating to this server. */
    Optional<UserEntry> find(String client);

    @Override
    default Optional<String> secretFor(String peerName) {
        return find(peerName).map(UserEntry::secret);
    }

    /** Nobody: for a server that authenticates no one ({@code --auth none}). */
    UserDirectory NONE = client -> Optional.empty();
}
