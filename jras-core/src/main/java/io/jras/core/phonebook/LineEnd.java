package io.jras.core.phonebook;

/**
 * How one line of a phonebook file ends. Kept per line so that an untouched file, even one with
 * mixed endings, is written back byte for byte.
 */
enum LineEnd {
    CRLF("\r\n"),
    LF("\n"),
    /** The last line of a file that does not end with a line break. */
    NONE(""),
    /** A line jras created: it takes the file's style when written. */
    FILE_STYLE(null);

    private final String chars;

    LineEnd(String chars) {
        this.chars = chars;
    }

    /** The characters to write, with {@code style} standing in for FILE_STYLE. */
    String chars(LineEnd style) {
        return chars != null ? chars : style.chars;
    }
}
