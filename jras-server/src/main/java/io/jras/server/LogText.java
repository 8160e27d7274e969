package io.jras.server;

import java.net.InetSocketAddress;

/** Peer-supplied text made safe for one log line: printable ASCII, escapes for the rest, bounded length. */
final class LogText {

    static final int MAX = 80;

    private LogText() {
    }

    /** A user name or other peer text in double quotes; "-" when empty. */
    static String quoted(String s) {
        return s == null || s.isEmpty() ? "-" : "\"" + escape(s, true) + "\"";
    }

    /** {@code s} with control and non-ASCII characters escaped, cut at {@link #MAX} characters. */
    static String clean(String s) {
        return escape(s, false);
    }

    private static String escape(String s, boolean inQuotes) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < MAX; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && !(inQuotes && (c == '"' || c == '\\'))) {
                b.append(c);
            } else if (c < 0x100) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        if (b.length() >= MAX) {
            b.append("...");
        }
        return b.toString();
    }

    /** "1 address", "2 addresses". */
    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String address(InetSocketAddress a) {
        String host = a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
