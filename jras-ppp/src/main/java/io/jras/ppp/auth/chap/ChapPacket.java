package io.jras.ppp.auth.chap;

import io.jras.ppp.auth.Octets;
import io.jras.ppp.auth.internal.Wire;

import java.util.Objects;
import java.util.Optional;

/**
 * A CHAP packet (RFC 1994 §4), the information field of a PPP frame with protocol 0xc223; MS-CHAPv2
 * (RFC 2759) uses the same four codes. {@link #decode} never throws: a packet it cannot read is
 * {@link Optional#empty()}, and a code it does not know survives as {@link Unknown}.
 */
public sealed interface ChapPacket
        permits ChapPacket.Challenge, ChapPacket.Response, ChapPacket.Success, ChapPacket.Failure,
                ChapPacket.Unknown {

    int CHALLENGE = 1;
    int RESPONSE = 2;
    int SUCCESS = 3;
    int FAILURE = 4;

    int code();

    int id();

    /** The packet on the wire: Code, Identifier, Length, Data. */
    byte[] encode();

    /**
     * Reads the packet at {@code p[off..off+len)}; octets past its Length field are padding.
     * Empty if the header or the Data is malformed.
     */
    static Optional<ChapPacket> decode(byte[] p, int off, int len) {
        Objects.checkFromIndexSize(off, len, p.length);
        int length = Wire.soundLength(p, off, len);
        if (length < 0) {
            return Optional.empty();
        }
        int code = p[off] & 0xff;
        int id = p[off + 1] & 0xff;
        int data = off + Wire.HEADER_LEN;
        int dataLen = length - Wire.HEADER_LEN;
        return switch (code) {
            case CHALLENGE, RESPONSE -> {
                // RFC 1994 §4.1: Value-Size, Value (one or more octets), Name (the rest)
                if (dataLen < 1) {
                    yield Optional.empty();
                }
                int valueSize = p[data] & 0xff;
                if (valueSize == 0 || dataLen < 1 + valueSize) {
                    yield Optional.empty();
                }
                Octets value = Octets.copyOf(p, data + 1, valueSize);
                Octets name = Octets.copyOf(p, data + 1 + valueSize, dataLen - 1 - valueSize);
                yield Optional.of(code == CHALLENGE ? new Challenge(id, value, name) : new Response(id, value, name));
            }
            // RFC 1994 §4.2: the Message is the whole Data
            case SUCCESS -> Optional.of(new Success(id, Octets.copyOf(p, data, dataLen)));
            case FAILURE -> Optional.of(new Failure(id, Octets.copyOf(p, data, dataLen)));
            default -> Optional.of(new Unknown(code, id, Octets.copyOf(p, data, dataLen)));
        };
    }

    private static byte[] encodeValueAndName(int code, int id, Octets value, Octets name) {
        byte[] p = Wire.withHeader(code, id, 1 + value.size() + name.size());
        p[Wire.HEADER_LEN] = (byte) value.size();
        value.copyTo(p, Wire.HEADER_LEN + 1);
        name.copyTo(p, Wire.HEADER_LEN + 1 + value.size());
        return p;
    }

    private static byte[] encodeMessage(int code, int id, Octets message) {
        byte[] p = Wire.withHeader(code, id, message.size());
        message.copyTo(p, Wire.HEADER_LEN);
        return p;
    }

    private static void checkValueAndName(int id, Octets value, Octets name) {
        Wire.checkId(id);
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(name, "name");
        if (value.isEmpty() || value.size() > 255) {
            throw new IllegalArgumentException("Value must be 1 to 255 octets, not " + value.size());
        }
        if (Wire.HEADER_LEN + 1 + value.size() + name.size() > 0xffff) {
            throw new IllegalArgumentException("Name too long: " + name.size() + " octets");
        }
    }

    private static void checkMessage(int id, Octets message) {
        Wire.checkId(id);
        Objects.requireNonNull(message, "message");
        if (Wire.HEADER_LEN + message.size() > 0xffff) {
            throw new IllegalArgumentException("Message too long: " + message.size() + " octets");
        }
    }

    /** RFC 1994 §4.1, code 1: the authenticator's challenge Value and its own Name. */
    record Challenge(int id, Octets value, Octets name) implements ChapPacket {
        public Challenge {
            checkValueAndName(id, value, name);
        }

        @Override
        public int code() {
            return CHALLENGE;
        }

        @Override
        public byte[] encode() {
            return encodeValueAndName(CHALLENGE, id, value, name);
        }

        @Override
        public String toString() {
            return "Challenge[id=" + id + ", value=" + value.hex() + ", name=" + name.utf8() + "]";
        }
    }

    /** RFC 1994 §4.1, code 2: the peer's response Value and its Name. */
    record Response(int id, Octets value, Octets name) implements ChapPacket {
        public Response {
            checkValueAndName(id, value, name);
        }

        @Override
        public int code() {
            return RESPONSE;
        }

        @Override
        public byte[] encode() {
            return encodeValueAndName(RESPONSE, id, value, name);
        }

        @Override
        public String toString() {
            return "Response[id=" + id + ", value=" + value.hex() + ", name=" + name.utf8() + "]";
        }
    }

    /** RFC 1994 §4.2, code 3. */
    record Success(int id, Octets message) implements ChapPacket {
        public Success {
            checkMessage(id, message);
        }

        @Override
        public int code() {
            return SUCCESS;
        }

        @Override
        public byte[] encode() {
            return encodeMessage(SUCCESS, id, message);
        }

        @Override
        public String toString() {
            return "Success[id=" + id + ", message=" + message.utf8() + "]";
        }
    }

    /** RFC 1994 §4.2, code 4. */
    record Failure(int id, Octets message) implements ChapPacket {
        public Failure {
            checkMessage(id, message);
        }

        @Override
        public int code() {
            return FAILURE;
        }

        @Override
        public byte[] encode() {
            return encodeMessage(FAILURE, id, message);
        }

        @Override
        public String toString() {
            return "Failure[id=" + id + ", message=" + message.utf8() + "]";
        }
    }

    /** Any other code, kept intact (5 to 7 are MS-CHAP's Change-Password codes, which jras does not speak). */
    record Unknown(int code, int id, Octets data) implements ChapPacket {
        public Unknown {
            if (code >= CHALLENGE && code <= FAILURE || code < 0 || code > 0xff) {
                throw new IllegalArgumentException("not an unknown CHAP code: " + code);
            }
            Wire.checkId(id);
            Objects.requireNonNull(data, "data");
            checkMessage(id, data);
        }

        @Override
        public byte[] encode() {
            return encodeMessage(code, id, data);
        }

        @Override
        public String toString() {
            return "Unknown[code=" + code + ", id=" + id + ", data=" + data.hex() + "]";
        }
    }
}
