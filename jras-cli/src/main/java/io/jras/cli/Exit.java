package io.jras.cli;

/** Exit statuses of the jras command (scripts rely on them). */
final class Exit {
    /** Success. */
    static final int OK = 0;
    /** A RAS error: "Error NNN: text" went to stderr (and, with --json, the number to stdout). */
    static final int RAS_ERROR = 1;
    /** Bad arguments (picocli's usage error). */
    static final int USAGE = 2;

    private Exit() {
    }
}
