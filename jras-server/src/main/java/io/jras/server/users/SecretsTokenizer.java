package io.jras.server.users;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a secrets file into words the way pppd's {@code getword()} does (options.c): white space
 * separates words; a {@code #} at the start of a word comments out the rest of the line (inside a
 * word it is an ordinary character, so {@code pass#1} is one word); single or double quotes keep
 * white space and {@code #} in a word and may start mid-word; a backslash escapes the next character
 * ({@code \n \r \t \b \f \s}, octal {@code \ooo}, hex {@code \xhh}, anything else stands for itself),
 * and a backslash before a line break joins the lines.
 */
final class SecretsTokenizer {

    /** pppd's MAXWORDLEN. */
    static final int MAX_WORD = 1024;

    /**
     * One word.
     *
     * @param line         the line the word starts on (1-based)
     * @param startsLine   no other word precedes it on its line: it starts an entry
     */
    record Word(String text, int line, boolean startsLine) {
        @Override
        public String toString() {
            return "Word[line " + line + (startsLine ? ", starts line" : "") + "]"; // the text may be a secret
        }
    }

    private final String text;
    private final String file;
    private int pos;
    private int line = 1;

    private SecretsTokenizer(String text, String file) {
        this.text = text;
        this.file = file;
    }

    static List<Word> words(String text, String file) throws UsersFileException {
        return new SecretsTokenizer(text, file).all();
    }

    private List<Word> all() throws UsersFileException {
        List<Word> words = new ArrayList<>();
        boolean newLine = true;
        while (true) {
            // Leading white space, comments and joined lines.
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\n') {
                    line++;
                    newLine = true;
                    pos++;
                } else if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '#') {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                    pos += 2;
                    line++;
                } else {
                    break;
                }
            }
            if (pos >= text.length()) {
                return words;
            }
            int startLine = line;
            words.add(new Word(word(), startLine, newLine));
            newLine = false;
        }
    }

    /** Reads one word from {@code pos}, which is at its first character. */
    private String word() throws UsersFileException {
        StringBuilder w = new StringBuilder();
        char quote = 0;
        int quoteLine = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\') {
                pos++;
                if (pos >= text.length()) {
                    break;
                }
                if (text.charAt(pos) == '\n') {
                    line++;
                    pos++;
                    continue;
                }
                w.append(escape());
            } else if (quote != 0) {
                pos++;
                if (c == quote) {
                    quote = 0;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    w.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                quoteLine = line;
                pos++;
            } else if (Character.isWhitespace(c)) {
                break;
            } else {
                w.append(c);
                pos++;
            }
            if (w.length() > MAX_WORD) {
                throw new UsersFileException(file, line, "a word is longer than " + MAX_WORD + " characters");
            }
        }
        if (quote != 0) {
            throw new UsersFileException(file, quoteLine, "a quote (" + quote + ") is never closed");
        }
        return w.toString();
    }

    /** The character of an escape; {@code pos} is just after the backslash. */
    private char escape() {
        char c = text.charAt(pos++);
        switch (c) {
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 's': return ' ';
            case 't': return '\t';
            case 'x': return (char) number(16, 2, 0);
            default:
                if (c >= '0' && c <= '7') {
                    return (char) number(8, 2, c - '0');
                }
                return c;
        }
    }

    /** Up to {@code max} more digits of {@code radix} after {@code value}. */
    private int number(int radix, int max, int value) {
        for (int i = 0; i < max && pos < text.length(); i++) {
            int d = Character.digit(text.charAt(pos), radix);
            if (d < 0) {
                break;
            }
            value = value * radix + d;
            pos++;
        }
        return value & 0xff;
    }
}
