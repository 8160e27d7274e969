package io.jras.core.phonebook;

/**
 * One line of a rasphone.pbk file, as written ({@link #text()} without its line break) and as
 * understood. Every kind keeps its exact text, so writing a line back never changes it.
 */
sealed interface PbkLine {

    String text();

    LineEnd end();

    PbkLine withEnd(LineEnd end);

    /** An empty or whitespace-only line. */
    record Blank(String text, LineEnd end) implements PbkLine {
        public Blank withEnd(LineEnd e) {
            return new Blank(text, e);
        }
    }

    /** A line starting with ';' or '#'. */
    record Comment(String text, LineEnd end) implements PbkLine {
        public Comment withEnd(LineEnd e) {
            return new Comment(text, e);
        }
    }

    /** {@code [Entry name]}: starts an entry. */
    record Header(String text, LineEnd end, String name) implements PbkLine {
        static Header of(String name) {
            return new Header("[" + name + "]", LineEnd.FILE_STYLE, name);
        }

        public Header withEnd(LineEnd e) {
            return new Header(text, e, name);
        }
    }

    /** {@code Key=value}; the key is trimmed, the value is everything after the first '='. */
    record KeyValue(String text, LineEnd end, String key, String value) implements PbkLine {
        static KeyValue of(String key, String value) {
            return new KeyValue(key + "=" + value, LineEnd.FILE_STYLE, key, value);
        }

        /** The same key, as spelled in the file, with a new value; the line end is kept. */
        KeyValue withValue(String newValue) {
            return new KeyValue(key + "=" + newValue, end, key, newValue);
        }

        boolean is(String k) {
            return key.equalsIgnoreCase(k);
        }

        public KeyValue withEnd(LineEnd e) {
            return new KeyValue(text, e, key, value);
        }
    }

    /**
     * A line inside an entry that is none of the above (Windows' rasfile calls such lines
     * commands). jras keeps it and does not interpret it.
     */
    record Other(String text, LineEnd end) implements PbkLine {
        public Other withEnd(LineEnd e) {
            return new Other(text, e);
        }
    }
}
