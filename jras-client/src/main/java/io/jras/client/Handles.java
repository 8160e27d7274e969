package io.jras.client;

/** Handles print as 0x-prefixed hex and are accepted back in that form (or as decimal). */
public final class Handles {
    private Handles() {
    }

    public static String format(long handle) {
        return io.jras.core.Handles.format(handle);
    }

    public static long parse(String text) {
        return io.jras.core.Handles.parse(text);
    }
}
