package io.jras.server.radius;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One attribute of a RADIUS packet (RFC 2865 §5): Type, and a Value of 0-253 octets. Vendor-
 * Specific attributes (type 26, §5.26) carry a Vendor-Id and the vendor's own type and value, as
 * Microsoft's MS-CHAP attributes do (RFC 2548 §2).
 *
 * <p>{@link #toString()} shows the type and the length, never the value (it may be a hidden password).
 */
public record RadiusAttribute(int type, byte[] value) {

    // RFC 2865 §5, RFC 2866 §5, RFC 2869 §5, RFC 3579 §3.2: the types jras sends or reads
    public static final int USER_NAME = 1;
    public static final int USER_PASSWORD = 2;
    public static final int CHAP_PASSWORD = 3;
    public static final int NAS_IP_ADDRESS = 4;
    public static final int NAS_PORT = 5;
    public static final int SERVICE_TYPE = 6;
    public static final int FRAMED_PROTOCOL = 7;
    public static final int FRAMED_IP_ADDRESS = 8;
    public static final int REPLY_MESSAGE = 18;
    public static final int VENDOR_SPECIFIC = 26;
    public static final int CALLED_STATION_ID = 30;
    public static final int CALLING_STATION_ID = 31;
    public static final int NAS_IDENTIFIER = 32;
    public static final int ACCT_STATUS_TYPE = 40;
    public static final int ACCT_DELAY_TIME = 41;
    public static final int ACCT_INPUT_OCTETS = 42;
    public static final int ACCT_OUTPUT_OCTETS = 43;
    public static final int ACCT_SESSION_ID = 44;
    public static final int ACCT_AUTHENTIC = 45;
    public static final int ACCT_SESSION_TIME = 46;
    public static final int ACCT_INPUT_PACKETS = 47;
    public static final int ACCT_OUTPUT_PACKETS = 48;
    public static final int ACCT_TERMINATE_CAUSE = 49;
    public static final int ACCT_INPUT_GIGAWORDS = 52;
    public static final int ACCT_OUTPUT_GIGAWORDS = 53;
    public static final int EVENT_TIMESTAMP = 55;
    public static final int CHAP_CHALLENGE = 60;
    public static final int NAS_PORT_TYPE = 61;
    public static final int MESSAGE_AUTHENTICATOR = 80;

    /** RFC 2548 §2: Microsoft's Vendor-Id and the MS-CHAP attributes. */
    public static final int VENDOR_MICROSOFT = 311;
    public static final int MS_CHAP_ERROR = 2;
    public static final int MS_CHAP_CHALLENGE = 11;
    public static final int MS_CHAP2_RESPONSE = 25;
    public static final int MS_CHAP2_SUCCESS = 26;

    public static final int MAX_VALUE_LENGTH = 253;

    public RadiusAttribute {
        if (type < 1 || type > 255) {
            throw new IllegalArgumentException("attribute type out of range: " + type);
        }
        if (value.length > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("attribute " + type + " longer than 253 octets");
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    int length() {
        return 2 + value.length;
    }

    void writeTo(ByteBuffer out) {
        out.put((byte) type).put((byte) length()).put(value);
    }

    public static RadiusAttribute string(int type, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new RadiusAttribute(type, b.length > MAX_VALUE_LENGTH ? Arrays.copyOf(b, MAX_VALUE_LENGTH) : b);
    }

    /** RFC 2865 §5: "integer" is 32 bits, network order; "address" too. */
    public static RadiusAttribute integer(int type, long value) {
        return new RadiusAttribute(type, ByteBuffer.allocate(4).putInt((int) value).array());
    }

    /** RFC 2865 §5.26: Vendor-Id, then Vendor type, Vendor length, value. */
    public static RadiusAttribute vendor(int vendorId, int vendorType, byte[] value) {
        ByteBuffer b = ByteBuffer.allocate(6 + value.length);
        b.putInt(vendorId).put((byte) vendorType).put((byte) (2 + value.length)).put(value);
        return new RadiusAttribute(VENDOR_SPECIFIC, b.array());
    }

    /** The value as a 32-bit unsigned integer, if it is four octets. */
    public Optional<Long> asInteger() {
        return value.length == 4 ? Optional.of(ByteBuffer.wrap(value).getInt() & 0xffffffffL) : Optional.empty();
    }

    /** The inner value if this is a Vendor-Specific attribute of that vendor and type, well formed. */
    public Optional<byte[]> vendorValue(int vendorId, int vendorType) {
        if (type != VENDOR_SPECIFIC || value.length < 6) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(value);
        int id = b.getInt();
        int vt = b.get() & 0xff;
        int vl = b.get() & 0xff;
        if (id != vendorId || vt != vendorType || vl < 2 || vl != value.length - 4) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(value, 6, value.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RadiusAttribute a && a.type == type && Arrays.equals(a.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RadiusAttribute[type=" + type + ", " + value.length + " octets]";
    }

    /** For tests and debugging only: the value in hex. */
    String hex() {
        return HexFormat.of().formatHex(value);
    }
}
