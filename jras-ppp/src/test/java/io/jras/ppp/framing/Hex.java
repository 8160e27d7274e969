package io.jras.ppp.framing;

import java.util.HexFormat;

/** Hex fixtures written with spaces between octets, as captures are printed, and comments. */
final class Hex {
    private Hex() {}

    /** Parses hex octets; spaces and line breaks are ignored, and so is "//" to the end of a line. */
    static byte[] decode(String spaced) {
        return HexFormat.of().parseHex(spaced.replaceAll("//[^\\n]*", "").replaceAll("\\s+", ""));
    }

    static String encode(byte[] b, int off, int len) {
        return HexFormat.ofDelimiter(" ").formatHex(b, off, off + len);
    }

    static String encode(byte[] b) {
        return encode(b, 0, b.length);
    }
}
