package io.jras.server.users;

import java.io.IOException;

/**
 * A users file that cannot be read as one: the message names {@code file:line} and what is wrong,
 * never the text of a word (a misplaced word may be someone's secret).
 */
public final class UsersFileException extends IOException {

    private final String file;
    private final int line;

    public UsersFileException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The file as it was named when loaded. */
    public String file() {
        return file;
    }

    /** The 1-based line of the problem. */
    public int line() {
        return line;
    }
}
