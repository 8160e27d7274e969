package io.jras.ppp.auth.internal;

import java.util.HexFormat;

/**
 * Helpers shared by the PAP and CHAP codecs and printers. Not API: the link and other packages
 * use the packet records and printers instead.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Code      |  Identifier   |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Data ...
 * +-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class Wire {
    /** Code, Identifier and Length. */
    public static final int HEADER_LEN = 4;

    private Wire() {
    }

    /**
     * The Length field of the packet at {@code p[off..off+len)} if the header is sound, else -1.
     * RFC 1334 §2.2 and RFC 1994 §4: Length covers Code, Identifier, Length and Data; octets past
     * it are padding and ignored. A Length under 4 or beyond the received octets is malformed.
     */
    public static int soundLength(byte[] p, int off, int len) {
        if (len < HEADER_LEN) {
            return -1;
        }
        int length = ((p[off + 2] & 0xff) << 8) | (p[off + 3] & 0xff);
        return length < HEADER_LEN || length > len ? -1 : length;
    }

    /** A packet buffer of {@code HEADER_LEN + dataLen} octets with its header filled in. */
    public static byte[] withHeader(int code, int id, int dataLen) {
        int length = HEADER_LEN + dataLen;
        if (length > 0xffff) {
            throw new IllegalArgumentException("packet longer than 65535 octets: " + length);
        }
        byte[] p = new byte[length];
        p[0] = (byte) code;
        p[1] = (byte) id;
        p[2] = (byte) (length >>> 8);
        p[3] = (byte) length;
        return p;
    }

    /** Requires an 8-bit Identifier. */
    public static int checkId(int id) {
        if (id < 0 || id > 0xff) {
            throw new IllegalArgumentException("identifier out of range: " + id);
        }
        return id;
    }

    /** {@code now + delay}, saturating at {@link Long#MAX_VALUE} (meaning "no deadline"). */
    public static long deadline(long now, long delay) {
        long d = now + delay;
        return ((now ^ d) & (delay ^ d)) < 0 ? Long.MAX_VALUE : d;
    }

    /**
     * Appends octets as a quoted string in pppd's style: printable ASCII as itself with {@code "}
     * and {@code \} escaped, {@code \n \r \t}, and any other octet as a three-digit octal escape.
     */
    public static void appendQuoted(StringBuilder sb, byte[] p, int off, int len) {
        sb.append('"');
        for (int i = off; i < off + len; i++) {
            int c = p[i] & 0xff;
            if (c >= 0x20 && c <= 0x7e) {
                if (c == '"' || c == '\\') {
                    sb.append('\\');
                }
                sb.append((char) c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else {
                sb.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                        .append((char) ('0' + (c & 7)));
            }
        }
        sb.append('"');
    }

    /**
     * Appends a packet's header in pppd's style ({@code name id=0x1}, or {@code code=0x9 id=0x1} for a
     * code without a name), after checking it: the Length field if the Data may follow, or -1 when
     * the line is already complete ({@code short packet <..>}, {@code bad length=..}).
     *
     * @param names the names of codes 1, 2, ...
     */
    public static int appendHeader(StringBuilder sb, byte[] p, int off, int len, String... names) {
        if (len < HEADER_LEN) {
            sb.append("short packet ");
            appendHex(sb, p, off, len);
            return -1;
        }
        int code = p[off] & 0xff;
        if (code >= 1 && code <= names.length) {
            sb.append(names[code - 1]);
        } else {
            sb.append("code=0x").append(Integer.toHexString(code));
        }
        sb.append(" id=0x").append(Integer.toHexString(p[off + 1] & 0xff));
        int length = soundLength(p, off, len);
        if (length < 0) {
            int field = ((p[off + 2] & 0xff) << 8) | (p[off + 3] & 0xff);
            sb.append(" bad length=").append(field).append(" (").append(len).append(" octets)");
        }
        return length;
    }

    /** Appends {@code <hex>}, lower case, no separators, as pppd prints a CHAP value. */
    public static void appendHex(StringBuilder sb, byte[] p, int off, int len) {
        sb.append('<');
        HexFormat.of().formatHex(sb, p, off, off + len);
        sb.append('>');
    }
}
