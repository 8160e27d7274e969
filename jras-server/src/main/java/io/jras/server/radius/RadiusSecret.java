package io.jras.server.radius;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The shared secret of a RADIUS client and server (RFC 2865 §3). Never printed: {@link #toString()}
 * shows only that it is hidden, and errors about the file never quote its content.
 */
public final class RadiusSecret {

    private final byte[] octets;

    private RadiusSecret(byte[] octets) {
        if (octets.length == 0) {
            throw new IllegalArgumentException("the RADIUS shared secret is empty");
        }
        this.octets = octets;
    }

    public static RadiusSecret of(String secret) {
        return new RadiusSecret(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** The first line of {@code file}, without its line end or surrounding blanks. */
    public static RadiusSecret readFirstLine(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        String first = (nl < 0 ? text : text.substring(0, nl)).strip();
        if (first.isEmpty()) {
            throw new IOException("the first line of the RADIUS secret file " + file + " is empty");
        }
        return of(first);
    }

    /** A copy of the octets, for the hash functions. */
    byte[] octets() {
        return octets.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RadiusSecret s && java.security.MessageDigest.isEqual(s.octets, octets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(octets);
    }

    @Override
    public String toString() {
        return "RadiusSecret[<hidden>]";
    }
}
