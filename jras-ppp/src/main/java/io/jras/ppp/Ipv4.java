package io.jras.ppp;

/** IPv4 addresses as the 32-bit ints that travel in IPCP options. */
public final class Ipv4 {
    private Ipv4() {
    }

    public static String format(int a) {
        return ((a >>> 24) & 0xff) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
    }

    /** Parses dotted-quad text; throws IllegalArgumentException on anything else. */
    public static int parse(String s) {
        String[] parts = s.trim().split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + s);
        }
        int a = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("not an IPv4 address: " + s);
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + s);
            }
            a = (a << 8) | v;
        }
        return a;
    }
}
