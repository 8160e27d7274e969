package io.jras.core.phonebook;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole rasphone.pbk file, lossless: the optional UTF-8 byte order mark, the comment and blank
 * lines before the first entry, and the entries in file order, each with all of its lines. An
 * unchanged document writes back byte for byte. Immutable: every change returns a new document.
 */
final class PbkDocument {

    private static final byte[] BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

    private final boolean bom;
    private final List<PbkLine> preamble;
    private final List<PbkSection> sections;
    private final LineEnd style;

    PbkDocument(boolean bom, List<PbkLine> preamble, List<PbkSection> sections, LineEnd style) {
        if (style != LineEnd.CRLF && style != LineEnd.LF) {
            throw new IllegalArgumentException("a file's style is CRLF or LF: " + style);
        }
        this.bom = bom;
        this.preamble = List.copyOf(preamble);
        this.sections = List.copyOf(sections);
        this.style = style;
    }

    /** A new file: no BOM, CRLF as Windows writes rasphone.pbk. */
    static PbkDocument empty() {
        return new PbkDocument(false, List.of(), List.of(), LineEnd.CRLF);
    }

    boolean bom() {
        return bom;
    }

    LineEnd style() {
        return style;
    }

    List<PbkSection> sections() {
        return sections;
    }

    /** The index of the entry named {@code name}, compared as Windows does (ignoring case); -1 if none. */
    int indexOf(String name) {
        for (int i = 0; i < sections.size(); i++) {
            if (EntryNames.same(sections.get(i).name(), name)) {
                return i;
            }
        }
        return -1;
    }

    PbkDocument with(int index, PbkSection section) {
        List<PbkSection> s = new ArrayList<>(sections);
        s.set(index, section);
        return new PbkDocument(bom, preamble, s, style);
    }

    PbkDocument without(int index) {
        List<PbkSection> s = new ArrayList<>(sections);
        s.remove(index);
        return new PbkDocument(bom, preamble, s, style);
    }

    /** Appends an entry, separated from the one before by a blank line as Windows does. */
    PbkDocument plus(PbkSection section) {
        List<PbkSection> s = new ArrayList<>(sections);
        if (!s.isEmpty()) {
            PbkSection last = s.getLast();
            List<PbkLine> body = last.body();
            if (body.isEmpty() || !(body.getLast() instanceof PbkLine.Blank)) {
                List<PbkLine> b = new ArrayList<>(body);
                b.add(new PbkLine.Blank("", LineEnd.FILE_STYLE));
                s.set(s.size() - 1, new PbkSection(last.header(), b, last.firstLine()));
            }
        }
        s.add(section);
        return new PbkDocument(bom, preamble, s, style);
    }

    /** The file's bytes: every line as it was read, new lines in the file's style. */
    byte[] toBytes() {
        List<PbkLine> all = new ArrayList<>(preamble);
        for (PbkSection s : sections) {
            all.add(s.header());
            all.addAll(s.body());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes(BOM);
        }
        for (int i = 0; i < all.size(); i++) {
            PbkLine line = all.get(i);
            LineEnd end = line.end();
            // Only the very last line may lack a line break; a line that gained a successor gets one.
            if (end == LineEnd.NONE && i < all.size() - 1) {
                end = style;
            }
            out.writeBytes(line.text().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(end.chars(style).getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }
}
