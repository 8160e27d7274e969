package io.jras.ppp.auth.pap;

import io.jras.ppp.auth.Octets;
import io.jras.ppp.auth.internal.Wire;

import java.util.Objects;
import java.util.Optional;

/**
 * A PAP packet (RFC 1334 §2.2), the information field of a PPP frame with protocol 0xc023.
 * {@link #decode} never throws: a packet it cannot read is {@link Optional#empty()}, and a code it
 * does not know survives as {@link Unknown}.
 */
public sealed interface PapPacket
        permits PapPacket.AuthenticateRequest, PapPacket.AuthenticateAck, PapPacket.AuthenticateNak,
                PapPacket.Unknown {

    int AUTHENTICATE_REQUEST = 1;
    int AUTHENTICATE_ACK = 2;
    int AUTHENTICATE_NAK = 3;

    int code();

    int id();

    /** The packet on the wire: Code, Identifier, Length, Data. */
    byte[] encode();

    /**
     * Reads the packet at {@code p[off..off+len)}; octets past its Length field are padding.
     * Empty if the header or the Data is malformed.
     */
    static Optional<PapPacket> decode(byte[] p, int off, int len) {
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
            case AUTHENTICATE_REQUEST -> {
                // RFC 1334 §2.2.1: Peer-ID-Length, Peer-ID, Passwd-Length, Password
                if (dataLen < 1) {
                    yield Optional.empty();
                }
                int userLen = p[data] & 0xff;
                if (dataLen < 1 + userLen + 1) {
                    yield Optional.empty();
                }
                int passwordLen = p[data + 1 + userLen] & 0xff;
                if (dataLen < 2 + userLen + passwordLen) {
                    yield Optional.empty();
                }
                yield Optional.of(new AuthenticateRequest(id, Octets.copyOf(p, data + 1, userLen),
                        Octets.copyOf(p, data + 2 + userLen, passwordLen)));
            }
            case AUTHENTICATE_ACK, AUTHENTICATE_NAK -> {
                // RFC 1334 §2.2.2: Msg-Length, Message. A reply with no Data at all is read as an
                // empty message rather than dropped: nothing in it is ambiguous.
                Octets message;
                if (dataLen == 0) {
                    message = Octets.empty();
                } else {
                    int msgLen = p[data] & 0xff;
                    if (dataLen < 1 + msgLen) {
                        yield Optional.empty();
                    }
                    message = Octets.copyOf(p, data + 1, msgLen);
                }
                yield Optional.of(code == AUTHENTICATE_ACK
                        ? new AuthenticateAck(id, message)
                        : new AuthenticateNak(id, message));
            }
            default -> Optional.of(new Unknown(code, id, Octets.copyOf(p, data, dataLen)));
        };
    }

    private static void checkShortField(Octets field, String name) {
        if (field.size() > 255) {
            throw new IllegalArgumentException(name + " longer than 255 octets");
        }
    }

    /** RFC 1334 §2.2.1. {@link #toString()} hides the password. */
    record AuthenticateRequest(int id, Octets peerId, Octets password) implements PapPacket {
        public AuthenticateRequest {
            Wire.checkId(id);
            Objects.requireNonNull(peerId, "peerId");
            Objects.requireNonNull(password, "password");
            checkShortField(peerId, "Peer-ID");
            checkShortField(password, "Password");
        }

        @Override
        public int code() {
            return AUTHENTICATE_REQUEST;
        }

        @Override
        public byte[] encode() {
            byte[] p = Wire.withHeader(AUTHENTICATE_REQUEST, id, 2 + peerId.size() + password.size());
            int i = Wire.HEADER_LEN;
            p[i++] = (byte) peerId.size();
            peerId.copyTo(p, i);
            i += peerId.size();
            p[i++] = (byte) password.size();
            password.copyTo(p, i);
            return p;
        }

        @Override
        public String toString() {
            return "AuthenticateRequest[id=" + id + ", peerId=" + peerId.utf8() + ", password=<hidden>]";
        }
    }

    /** RFC 1334 §2.2.2, code 2. */
    record AuthenticateAck(int id, Octets message) implements PapPacket {
        public AuthenticateAck {
            Wire.checkId(id);
            Objects.requireNonNull(message, "message");
            checkShortField(message, "Message");
        }

        @Override
        public int code() {
            return AUTHENTICATE_ACK;
        }

        @Override
        public byte[] encode() {
            return encodeReply(AUTHENTICATE_ACK, id, message);
        }

        @Override
        public String toString() {
            return "AuthenticateAck[id=" + id + ", message=" + message.utf8() + "]";
        }
    }

    /** RFC 1334 §2.2.2, code 3. */
    record AuthenticateNak(int id, Octets message) implements PapPacket {
        public AuthenticateNak {
            Wire.checkId(id);
            Objects.requireNonNull(message, "message");
            checkShortField(message, "Message");
        }

        @Override
        public int code() {
            return AUTHENTICATE_NAK;
        }

        @Override
        public byte[] encode() {
            return encodeReply(AUTHENTICATE_NAK, id, message);
        }

        @Override
        public String toString() {
            return "AuthenticateNak[id=" + id + ", message=" + message.utf8() + "]";
        }
    }

    /** Any other code, kept intact. */
    record Unknown(int code, int id, Octets data) implements PapPacket {
        public Unknown {
            if (code >= AUTHENTICATE_REQUEST && code <= AUTHENTICATE_NAK || code < 0 || code > 0xff) {
                throw new IllegalArgumentException("not an unknown PAP code: " + code);
            }
            Wire.checkId(id);
            Objects.requireNonNull(data, "data");
        }

        @Override
        public byte[] encode() {
            byte[] p = Wire.withHeader(code, id, data.size());
            data.copyTo(p, Wire.HEADER_LEN);
            return p;
        }

        @Override
        public String toString() {
            return "Unknown[code=" + code + ", id=" + id + ", data=" + data.hex() + "]";
        }
    }

    private static byte[] encodeReply(int code, int id, Octets message) {
        byte[] p = Wire.withHeader(code, id, 1 + message.size());
        p[Wire.HEADER_LEN] = (byte) message.size();
        message.copyTo(p, Wire.HEADER_LEN + 1);
        return p;
    }
}
