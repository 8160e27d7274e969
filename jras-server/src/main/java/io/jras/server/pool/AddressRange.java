package io.jras.server.pool;

import io.jras.ppp.Ipv4;

/**
 * An inclusive range of IPv4 addresses, {@code FIRST-LAST}, as ints (compared unsigned).
 *
 * @param first the lowest address
 * @param last  the highest address, not below {@code first}
 */
public record AddressRange(int first, int last) {

    /** The largest pool: a /8 (a bit per address, 2 MiB). */
    public static final long MAX_SIZE = 1L << 24;

    public AddressRange {
        if (Integer.compareUnsigned(first, last) > 0) {
            throw new IllegalArgumentException("the range " + Ipv4.format(first) + "-" + Ipv4.format(last) + " is backwards");
        }
        if (Integer.toUnsignedLong(last) - Integer.toUnsignedLong(first) + 1 > MAX_SIZE) {
            throw new IllegalArgumentException("a pool may hold at most " + MAX_SIZE + " addresses");
        }
    }

    /** Reads {@code FIRST-LAST}, e.g. {@code 192.0.2.10-192.0.2.99}, or a single address. */
    public static AddressRange parse(String text) {
        int dash = text.indexOf('-');
        try {
            return dash < 0
                    ? new AddressRange(Ipv4.parse(text), Ipv4.parse(text))
                    : new AddressRange(Ipv4.parse(text.substring(0, dash)), Ipv4.parse(text.substring(dash + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a pool is FIRST-LAST, e.g. 192.0.2.10-192.0.2.99: " + e.getMessage());
        }
    }

    public int size() {
        return (int) (Integer.toUnsignedLong(last) - Integer.toUnsignedLong(first) + 1);
    }

    public boolean contains(int address) {
        return Integer.compareUnsigned(address, first) >= 0 && Integer.compareUnsigned(address, last) <= 0;
    }

    /** The address at {@code index} (0 = first). */
    int at(int index) {
        return first + index;
    }

    /** The index of {@code address}, which the range contains. */
    int indexOf(int address) {
        return address - first;
    }

    /**
     * The server's own address when none is given: the one just before the pool, unless that ends
     * in .0 or .255; then the one just after, under the same rule; else none (0).
     */
    public int defaultLocalAddress() {
        if (first != 0 && usable(first - 1)) {
            return first - 1;
        }
        if (last != -1 && usable(last + 1)) {
            return last + 1;
        }
        return 0;
    }

    private static boolean usable(int address) {
        int low = address & 0xff;
        return low != 0 && low != 0xff;
    }

    @Override
    public String toString() {
        return Ipv4.format(first) + "-" + Ipv4.format(last);
    }
}
