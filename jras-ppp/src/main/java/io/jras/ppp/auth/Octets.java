package io.jras.ppp.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable run of octets (in the manner of Okio's {@code ByteString}), so that packet records
 * can hold names, values and messages without leaking a mutable array.
 *
 * <p>{@link #toString()} shows only the size: an {@code Octets} may hold a password, so its content
 * is rendered only on explicit request ({@link #hex()}, {@link #utf8()}).
 */
public final class Octets {
    private static final Octets EMPTY = new Octets(new byte[0]);

    private final byte[] bytes;

    private Octets(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Octets empty() {
        return EMPTY;
    }

    /** A copy of {@code bytes}. */
    public static Octets of(byte... bytes) {
        return bytes.length == 0 ? EMPTY : new Octets(bytes.clone());
    }

    /** A copy of {@code len} bytes of {@code src} from {@code off}. */
    public static Octets copyOf(byte[] src, int off, int len) {
        Objects.checkFromIndexSize(off, len, src.length);
        return len == 0 ? EMPTY : new Octets(Arrays.copyOfRange(src, off, off + len));
    }

    /** The UTF-8 encoding of {@code text}. */
    public static Octets utf8(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses hex digits (either case); throws on anything else. */
    public static Octets fromHex(String hex) {
        return new Octets(HexFormat.of().parseHex(hex));
    }

    public int size() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** The octet at {@code index}, 0-255. */
    public int get(int index) {
        return bytes[index] & 0xff;
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Copies all octets into {@code dst} at {@code off}. */
    public void copyTo(byte[] dst, int off) {
        System.arraycopy(bytes, 0, dst, off, bytes.length);
    }

    /** The octets from {@code from} (inclusive) to {@code to} (exclusive). */
    public Octets slice(int from, int to) {
        Objects.checkFromToIndex(from, to, bytes.length);
        return copyOf(bytes, from, to - from);
    }

    /** Lower-case hex, two digits per octet, no separators. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** The octets decoded as UTF-8; malformed input becomes U+FFFD, never an exception. */
    public String utf8() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Equality that takes the same time whatever the content, for comparing secrets and digests. */
    public boolean constantTimeEquals(Octets other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Octets other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The size only: the content may be secret. */
    @Override
    public String toString() {
        return "Octets[size=" + bytes.length + "]";
    }
}
