package io.jras.server.radius;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A RADIUS packet (RFC 2865 §3): Code, Identifier, Length, a 16-octet Authenticator and the
 * attributes. {@link #decode} never throws: whatever is not a well-formed packet is empty.
 */
public record RadiusPacket(int code, int identifier, byte[] authenticator, List<RadiusAttribute> attributes) {

    // RFC 2865 §3, RFC 2866 §3
    public static final int ACCESS_REQUEST = 1;
    public static final int ACCESS_ACCEPT = 2;
    public static final int ACCESS_REJECT = 3;
    public static final int ACCOUNTING_REQUEST = 4;
    public static final int ACCOUNTING_RESPONSE = 5;
    public static final int ACCESS_CHALLENGE = 11;

    public static final int HEADER_LENGTH = 20;
    /** RFC 2865 §3: "The maximum length is 4096." */
    public static final int MAX_LENGTH = 4096;
    public static final int AUTHENTICATOR_LENGTH = 16;

    public RadiusPacket {
        if (code < 0 || code > 255 || identifier < 0 || identifier > 255) {
            throw new IllegalArgumentException("code or identifier out of range");
        }
        if (authenticator.length != AUTHENTICATOR_LENGTH) {
            throw new IllegalArgumentException("the authenticator is 16 octets");
        }
        authenticator = authenticator.clone();
        attributes = List.copyOf(attributes);
    }

    @Override
    public byte[] authenticator() {
        return authenticator.clone();
    }

    public int length() {
        int n = HEADER_LENGTH;
        for (RadiusAttribute a : attributes) {
            n += a.length();
        }
        return n;
    }

    public byte[] encode() {
        int length = length();
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("RADIUS packet longer than 4096 octets");
        }
        ByteBuffer b = ByteBuffer.allocate(length);
        b.put((byte) code).put((byte) identifier).putShort((short) length).put(authenticator);
        attributes.forEach(a -> a.writeTo(b));
        return b.array();
    }

    /** The first attribute of that type. */
    public Optional<RadiusAttribute> attribute(int type) {
        return attributes.stream().filter(a -> a.type() == type).findFirst();
    }

    /** The value of the first Vendor-Specific attribute of that vendor and type. */
    public Optional<byte[]> vendorAttribute(int vendorId, int vendorType) {
        for (RadiusAttribute a : attributes) {
            Optional<byte[]> v = a.vendorValue(vendorId, vendorType);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    public RadiusPacket withAuthenticator(byte[] newAuthenticator) {
        return new RadiusPacket(code, identifier, newAuthenticator, attributes);
    }

    public RadiusPacket withAttributes(List<RadiusAttribute> newAttributes) {
        return new RadiusPacket(code, identifier, authenticator, newAttributes);
    }

    /**
     * RFC 2865 §3: a packet shorter than its Length field is silently discarded, octets beyond it
     * are padding and ignored; a Length below 20 or above 4096, or attributes that do not tile the
     * rest exactly (an attribute Length below 2 or past the end), make the packet malformed.
     */
    public static Optional<RadiusPacket> decode(byte[] data, int len) {
        Objects.checkFromIndexSize(0, len, data.length);
        if (len < HEADER_LENGTH) {
            return Optional.empty();
        }
        int length = ((data[2] & 0xff) << 8) | (data[3] & 0xff);
        if (length < HEADER_LENGTH || length > MAX_LENGTH || length > len) {
            return Optional.empty();
        }
        List<RadiusAttribute> attributes = new ArrayList<>();
        int at = HEADER_LENGTH;
        while (at < length) {
            if (length - at < 2) {
                return Optional.empty();
            }
            int type = data[at] & 0xff;
            int alen = data[at + 1] & 0xff;
            if (type == 0 || alen < 2 || at + alen > length) {
                return Optional.empty();
            }
            attributes.add(new RadiusAttribute(type, Arrays.copyOfRange(data, at + 2, at + alen)));
            at += alen;
        }
        return Optional.of(new RadiusPacket(data[0] & 0xff, data[1] & 0xff,
                Arrays.copyOfRange(data, 4, HEADER_LENGTH), attributes));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RadiusPacket p && p.code == code && p.identifier == identifier
                && Arrays.equals(p.authenticator, authenticator) && p.attributes.equals(attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, identifier, Arrays.hashCode(authenticator), attributes);
    }

    @Override
    public String toString() {
        return "RadiusPacket[code=" + code + ", id=" + identifier + ", " + attributes.size() + " attributes]";
    }
}
