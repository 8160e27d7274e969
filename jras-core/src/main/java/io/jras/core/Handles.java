package io.jras.core;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Allocates connection handles: opaque 64-bit values, never 0, never reused during a manager's
 * lifetime (a counter from a random start, so handles of two manager runs rarely meet either).
 */
public final class Handles {

    private final AtomicLong next;

    Handles() {
        long start = (new SecureRandom().nextLong() & 0x0000_7fff_ffff_0000L) | 0x1_0000L;
        next = new AtomicLong(start);
    }

    long allocate() {
        return next.getAndIncrement();
    }

    /** "0x1a2b3c4d0001": how handles print, and are accepted back. */
    public static String format(long handle) {
        return "0x" + Long.toHexString(handle);
    }

    /** Parses "0x..." (or plain hex/decimal); throws IllegalArgumentException otherwise. */
    public static long parse(String text) {
        String t = text.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            return Long.parseUnsignedLong(t.substring(2), 16);
        }
        return Long.parseUnsignedLong(t);
    }
}
