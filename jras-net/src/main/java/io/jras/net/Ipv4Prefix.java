package io.jras.net;

/**
 * An IPv4 prefix such as {@code 10.20.0.0/16}, for the routes of an interface.
 *
 * @param address the network address, host byte order (bits beyond the length are zero)
 * @param length  0..32
 */
public record Ipv4Prefix(int address, int length) {

    public Ipv4Prefix {
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + length);
        }
        address &= mask(length);
    }

    /** The netmask of a prefix length, host byte order. */
    public static int mask(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    public int mask() {
        return mask(length);
    }

    /** Parses {@code a.b.c.d/n} (or a bare address, taken as /32); a clear IllegalArgumentException otherwise. */
    public static Ipv4Prefix parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        int length = 32;
        if (slash >= 0) {
            try {
                length = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IPv4 prefix: " + text);
            }
            t = t.substring(0, slash);
        }
        String[] parts = t.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 prefix: " + text);
        }
        int a = 0;
        for (String p : parts) {
            int v;
            try {
                v = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IPv4 prefix: " + text);
            }
            if (v < 0 || v > 255 || p.length() > 3) {
                throw new IllegalArgumentException("not an IPv4 prefix: " + text);
            }
            a = a << 8 | v;
        }
        return new Ipv4Prefix(a, length);
    }

    public static String format(int address) {
        return (address >>> 24) + "." + (address >>> 16 & 0xff) + "." + (address >>> 8 & 0xff) + "." + (address & 0xff);
    }

    @Override
    public String toString() {
        return format(address) + "/" + length;
    }
}
