package io.jras.server.users;

import java.util.Objects;

/**
 * One line of a users file: {@code client server secret [addresses...]}.
 *
 * @param client    the name the peer authenticates as, or {@code *} for anyone
 * @param server    our name (the CHAP name, {@code --name}), or {@code *} for any
 * @param secret    the clear secret (CHAP needs it); {@link #toString()} never shows it
 * @param addresses the addresses the user may have
 * @param line      where the entry starts in its file (1-based), for messages
 */
public record UserEntry(String client, String server, String secret, AddressRule addresses, int line) {

    public static final String WILDCARD = "*";

    public UserEntry {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(addresses, "addresses");
    }

    @Override
    public String toString() {
        return "UserEntry[" + client + " " + server + " <secret hidden> " + addresses + ", line " + line + "]";
    }
}
