package io.jras.core.phonebook;

import io.jras.link.RasError;
import io.jras.link.RasException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the bytes of a rasphone.pbk file into a lossless {@link PbkDocument}.
 *
 * <p>Line breaks are LF or CRLF (each line keeps its own); a leading UTF-8 byte order mark is
 * remembered. The file is UTF-8 ({@code Encoding=1}, as Windows writes it since NT 5). Anything
 * that is not a phonebook is refused with RAS error 625, naming the line: bytes that are not UTF-8,
 * a NUL byte, a line longer than {@value #MAX_LINE_BYTES} bytes, a key line or other text before
 * the first entry, a malformed or unterminated {@code [section]} header, a line {@code =value}
 * without a key, and a second entry with the name of an earlier one.
 */
final class PbkParser {

    /** Longest line accepted, in bytes without the line break. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final String source;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private PbkParser(String source) {
        this.source = source;
    }

    /**
     * Parses a whole file.
     *
     * @param source names the file in error messages (a path or a file name)
     */
    static PbkDocument parse(byte[] bytes, String source) throws RasException {
        return new PbkParser(source).document(bytes);
    }

    private PbkDocument document(byte[] b) throws RasException {
        int pos = 0;
        boolean bom = b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf;
        if (bom) {
            pos = 3;
        }
        LineEnd style = null;
        List<PbkLine> preamble = new ArrayList<>();
        List<PbkSection> sections = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        PbkLine.Header header = null;
        int headerLine = 0;
        List<PbkLine> body = new ArrayList<>();
        int lineNo = 0;
        while (pos < b.length) {
            lineNo++;
            int nl = indexOf(b, (byte) '\n', pos);
            int contentEnd;
            LineEnd end;
            if (nl < 0) {
                contentEnd = b.length;
                end = LineEnd.NONE;
            } else if (nl > pos && b[nl - 1] == '\r') {
                contentEnd = nl - 1;
                end = LineEnd.CRLF;
            } else {
                contentEnd = nl;
                end = LineEnd.LF;
            }
            if (style == null && end != LineEnd.NONE) {
                style = end;
            }
            String text = decode(b, pos, contentEnd, lineNo);
            pos = nl < 0 ? b.length : nl + 1;

            PbkLine line = classify(text, end, lineNo, header != null);
            if (line instanceof PbkLine.Header h) {
                if (header != null) {
                    sections.add(new PbkSection(header, body, headerLine));
                }
                String folded = h.name().toLowerCase(Locale.ROOT);
                Integer first = seen.putIfAbsent(folded, lineNo);
                if (first != null) {
                    throw corrupt(lineNo, "a second entry named \"" + printable(h.name())
                            + "\" (the first is at line " + first + ")");
                }
                header = h;
                headerLine = lineNo;
                body = new ArrayList<>();
            } else if (header == null) {
                preamble.add(line);
            } else {
                body.add(line);
            }
        }
        if (header != null) {
            sections.add(new PbkSection(header, body, headerLine));
        }
        return new PbkDocument(bom, preamble, sections, style == null ? LineEnd.CRLF : style);
    }

    private String decode(byte[] b, int from, int to, int lineNo) throws RasException {
        if (to - from > MAX_LINE_BYTES) {
            throw corrupt(lineNo, "the line is longer than " + MAX_LINE_BYTES + " bytes");
        }
        for (int i = from; i < to; i++) {
            if (b[i] == 0) {
                throw corrupt(lineNo, "a NUL byte at column " + (i - from + 1));
            }
        }
        try {
            return utf8.decode(ByteBuffer.wrap(b, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw corrupt(lineNo, "bytes that are not UTF-8");
        }
    }

    private PbkLine classify(String text, LineEnd end, int lineNo, boolean inSection) throws RasException {
        String t = text.strip();
        if (t.isEmpty()) {
            return new PbkLine.Blank(text, end);
        }
        if (t.startsWith("[")) {
            return header(text, t, end, lineNo);
        }
        if (t.startsWith(";") || t.startsWith("#")) {
            return new PbkLine.Comment(text, end);
        }
        int eq = text.indexOf('=');
        if (!inSection) {
            throw corrupt(lineNo, (eq >= 0 ? "a key line" : "text") + " before the first [entry] section: \""
                    + printable(t) + "\"");
        }
        if (eq < 0) {
            return new PbkLine.Other(text, end);
        }
        String key = text.substring(0, eq).strip();
        if (key.isEmpty()) {
            throw corrupt(lineNo, "a value without a key: \"" + printable(t) + "\"");
        }
        return new PbkLine.KeyValue(text, end, key, text.substring(eq + 1));
    }

    private PbkLine.Header header(String text, String t, LineEnd end, int lineNo) throws RasException {
        if (t.length() < 2 || !t.endsWith("]")) {
            throw corrupt(lineNo, t.indexOf(']') >= 0
                    ? "a malformed section header, text after the closing ']': \"" + printable(t) + "\""
                    : "an unterminated section header, no closing ']': \"" + printable(t) + "\"");
        }
        String name = t.substring(1, t.length() - 1);
        if (name.isBlank()) {
            throw corrupt(lineNo, "a malformed section header with an empty entry name");
        }
        return new PbkLine.Header(text, end, name);
    }

    private RasException corrupt(int lineNo, String what) {
        return new RasException(RasError.CORRUPT_PHONEBOOK, source + ", line " + lineNo + ": " + what);
    }

    private static int indexOf(byte[] b, byte x, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /** At most 60 characters of file text for a message, control characters escaped. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (; i < s.length() && i < 60; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return i < s.length() ? sb + "..." : sb.toString();
    }
}
