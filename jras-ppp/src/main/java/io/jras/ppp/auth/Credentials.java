package io.jras.ppp.auth;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What we authenticate ourselves with: a user name (the PAP Peer-ID, the CHAP Name) and its
 * password. Both travel as UTF-8 (MS-CHAPv2 hashes the password as UTF-16LE); each must fit the
 * one-octet length fields of RFC 1334, so at most 255 UTF-8 octets.
 *
 * <p>{@link #toString()} never shows the password.
 */
public record Credentials(String user, String password) {

    public Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("user name longer than 255 octets");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 255) {
            // the message must not echo any part of the password
            throw new IllegalArgumentException("password longer than 255 octets");
        }
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=<hidden>]";
    }
}
