package io.jras.ppp.auth.chap;

import io.jras.ppp.auth.internal.Wire;

import java.util.Objects;

/**
 * One-line rendering of a CHAP packet in pppd's trace style (after {@code chap_print_pkt}),
 * without the brackets and protocol name that the caller adds:
 *
 * <pre>
 * Challenge id=0x1 &lt;5b5d7c7d7b3f2f3e3c2c602132262628&gt;, name = "labserver"
 * Response id=0x1 &lt;2140...00&gt;, name = "alice"
 * Success id=0x1 "S=407A5589115FD0D6209F510FE9C04566932CDA56 M=Access granted"
 * Failure id=0x1 "E=691 R=0 C=... V=3 M=Authentication failed"
 * code=0x9 id=0x1 &lt;0102&gt;
 * </pre>
 *
 * It never throws. CHAP packets carry no password, only values derived from one.
 */
public final class ChapPrinter {

    private ChapPrinter() {
    }

    public static String describe(byte[] p) {
        return describe(p, 0, p.length);
    }

    public static String describe(byte[] p, int off, int len) {
        Objects.checkFromIndexSize(off, len, p.length);
        StringBuilder sb = new StringBuilder();
        int length = Wire.appendHeader(sb, p, off, len, "Challenge", "Response", "Success", "Failure");
        if (length < 0) {
            return sb.toString();
        }
        int code = p[off] & 0xff;
        int data = off + Wire.HEADER_LEN;
        int dataLen = length - Wire.HEADER_LEN;
        switch (code) {
            case ChapPacket.CHALLENGE, ChapPacket.RESPONSE -> {
                int valueSize = dataLen >= 1 ? p[data] & 0xff : -1;
                if (valueSize < 1 || dataLen < 1 + valueSize) {
                    sb.append(" malformed ");
                    Wire.appendHex(sb, p, data, dataLen);
                } else {
                    sb.append(' ');
                    Wire.appendHex(sb, p, data + 1, valueSize);
                    sb.append(", name = ");
                    Wire.appendQuoted(sb, p, data + 1 + valueSize, dataLen - 1 - valueSize);
                }
            }
            case ChapPacket.SUCCESS, ChapPacket.FAILURE -> {
                sb.append(' ');
                Wire.appendQuoted(sb, p, data, dataLen);
            }
            default -> {
                if (dataLen > 0) {
                    sb.append(' ');
                    Wire.appendHex(sb, p, data, dataLen);
                }
            }
        }
        return sb.toString();
    }
}
