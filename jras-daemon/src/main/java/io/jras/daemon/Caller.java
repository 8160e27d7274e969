package io.jras.daemon;

/**
 * Who is on the other end of a client socket, from the kernel (SO_PEERCRED), never from the
 * request: the uid decides what the caller may see and control.
 */
record Caller(int uid, String name) {

    static final int ROOT = 0;

    boolean isRoot() {
        return uid == ROOT;
    }

    @Override
    public String toString() {
        return name + " (uid " + uid + ")";
    }
}
