package io.jras.ppp.auth.pap;

import io.jras.ppp.auth.internal.Wire;

import java.util.Objects;

/**
 * One-line rendering of a PAP packet in pppd's trace style (after {@code upap_printpkt}), without
 * the brackets and protocol name that the caller adds:
 *
 * <pre>
 * AuthReq id=0x1 user="alice" password=&lt;hidden&gt;
 * AuthAck id=0x1 "Login ok"
 * AuthNak id=0x2 "Login incorrect"
 * code=0x9 id=0x1 &lt;0102&gt;
 * </pre>
 *
 * It never throws and never renders a password: the Data of an Authenticate-Request is shown only
 * through its Peer-ID, even when it is malformed.
 */
public final class PapPrinter {

    private PapPrinter() {
    }

    public static String describe(byte[] p) {
        return describe(p, 0, p.length);
    }

    public static String describe(byte[] p, int off, int len) {
        Objects.checkFromIndexSize(off, len, p.length);
        StringBuilder sb = new StringBuilder();
        int length = Wire.appendHeader(sb, p, off, len, "AuthReq", "AuthAck", "AuthNak");
        if (length < 0) {
            return sb.toString();
        }
        int code = p[off] & 0xff;
        int data = off + Wire.HEADER_LEN;
        int dataLen = length - Wire.HEADER_LEN;
        switch (code) {
            case PapPacket.AUTHENTICATE_REQUEST -> request(sb, p, data, dataLen);
            case PapPacket.AUTHENTICATE_ACK, PapPacket.AUTHENTICATE_NAK -> reply(sb, p, data, dataLen);
            default -> {
                if (dataLen > 0) {
                    sb.append(' ');
                    Wire.appendHex(sb, p, data, dataLen);
                }
            }
        }
        return sb.toString();
    }

    private static void request(StringBuilder sb, byte[] p, int data, int dataLen) {
        int userLen = dataLen >= 1 ? p[data] & 0xff : -1;
        int passwordLen = userLen >= 0 && dataLen >= userLen + 2 ? p[data + 1 + userLen] & 0xff : -1;
        if (passwordLen < 0 || dataLen < userLen + passwordLen + 2) {
            // no hex dump here: the octets may hold the password
            sb.append(" malformed (").append(dataLen).append(" octets hidden)");
            return;
        }
        sb.append(" user=");
        Wire.appendQuoted(sb, p, data + 1, userLen);
        sb.append(" password=<hidden>");
        int extra = dataLen - (userLen + passwordLen + 2);
        if (extra > 0) {
            sb.append(" +").append(extra).append(" octets");
        }
    }

    private static void reply(StringBuilder sb, byte[] p, int data, int dataLen) {
        if (dataLen == 0) {
            return;
        }
        int msgLen = p[data] & 0xff;
        if (dataLen < 1 + msgLen) {
            sb.append(" malformed ");
            Wire.appendHex(sb, p, data, dataLen);
            return;
        }
        sb.append(' ');
        Wire.appendQuoted(sb, p, data + 1, msgLen);
        if (dataLen > 1 + msgLen) {
            sb.append(' ');
            Wire.appendHex(sb, p, data + 1 + msgLen, dataLen - 1 - msgLen);
        }
    }
}
