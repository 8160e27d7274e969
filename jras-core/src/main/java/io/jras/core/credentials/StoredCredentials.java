package io.jras.core.credentials;

import java.util.Objects;

/**
 * A user name and password saved for one phonebook entry. The password is a secret:
 * {@link #toString()} never shows it.
 */
public record StoredCredentials(String user, String password) {

    public StoredCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "StoredCredentials[user=" + user + ", password=<hidden>]";
    }
}
