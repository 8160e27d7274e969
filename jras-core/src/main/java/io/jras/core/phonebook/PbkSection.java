package io.jras.core.phonebook;

import java.util.List;

/**
 * One entry of the file: its header and every line up to the next header (trailing blank lines
 * included, as Windows separates entries with one).
 *
 * @param header    the {@code [name]} line
 * @param body      the lines after it, in file order
 * @param firstLine the header's 1-based line number in the file it was read from, or 0 once the
 *                  section has been edited (line numbers then no longer mean anything)
 */
record PbkSection(PbkLine.Header header, List<PbkLine> body, int firstLine) {

    PbkSection {
        body = List.copyOf(body);
    }

    String name() {
        return header.name();
    }

    /** The file line number of body line {@code index}, or 0 when unknown. */
    int lineNumber(int index) {
        return firstLine == 0 ? 0 : firstLine + 1 + index;
    }

    /** This section with new body lines; line numbers are forgotten. */
    PbkSection withBody(List<PbkLine> newBody) {
        return new PbkSection(header, newBody, 0);
    }

    PbkSection withHeader(PbkLine.Header newHeader) {
        return new PbkSection(newHeader, body, 0);
    }
}
