package io.jras.server.users;

import io.jras.ppp.Ipv4;
import java.util.List;
import java.util.OptionalInt;

/**
 * The IPv4 addresses a user may have: the words after the secret on its users-file line, read as
 * pppd's {@code ip_addr_check()} reads them: in order, the first that matches decides; nothing
 * matching means "not allowed".
 *
 * <pre>
 *   192.0.2.77        that address          192.0.2.64/26   that subnet
 *   *                 any address           !192.0.2.70     not that address (or subnet)
 *   -                 no address at all
 * </pre>
 *
 * A line with no words after the secret gives {@link #UNRESTRICTED}: unlike pppd (which then
 * allows no address) jras lets such a user have whatever address the pool assigns.
 */
public record AddressRule(List<Permit> permits, boolean restricted) {

    /** One word of the list: addresses whose top {@code prefix} bits equal {@code base}'s. */
    public record Permit(int base, int prefix, boolean allow) {
        public Permit {
            if (prefix < 0 || prefix > 32) {
                throw new IllegalArgumentException("prefix must be 0-32, not " + prefix);
            }
            base &= mask(prefix);
        }

        boolean matches(int address) {
            return (address & mask(prefix)) == base;
        }

        static int mask(int prefix) {
            return prefix == 0 ? 0 : -1 << (32 - prefix);
        }

        @Override
        public String toString() {
            return (allow ? "" : "!") + (prefix == 0 && allow ? "*" : Ipv4.format(base) + (prefix == 32 ? "" : "/" + prefix));
        }
    }

    /** No list: any address. */
    public static final AddressRule UNRESTRICTED = new AddressRule(List.of(), false);

    public AddressRule {
        permits = List.copyOf(permits);
    }

    /**
     * Reads the address words of one entry.
     *
     * @param first the 1-based position of the first address word on its line, for messages
     * @throws IllegalArgumentException naming the word's position, never its text
     */
    public static AddressRule parse(List<String> words, int first) {
        if (words.isEmpty()) {
            return UNRESTRICTED;
        }
        if (words.size() == 1 && words.getFirst().equals("-")) {
            return new AddressRule(List.of(), true);
        }
        List<Permit> permits = new java.util.ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            permits.add(permit(words.get(i), first + i));
        }
        return new AddressRule(permits, true);
    }

    private static Permit permit(String word, int position) {
        if (word.equals("*")) {
            return new Permit(0, 0, true);
        }
        boolean allow = !word.startsWith("!");
        String w = allow ? word : word.substring(1);
        int slash = w.indexOf('/');
        try {
            int prefix = 32;
            if (slash >= 0) {
                String bits = w.substring(slash + 1);
                if (!bits.matches("\\d{1,2}") || Integer.parseInt(bits) > 32) {
                    throw new IllegalArgumentException();
                }
                prefix = Integer.parseInt(bits);
                w = w.substring(0, slash);
            }
            return new Permit(Ipv4.parse(w), prefix, allow);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("word " + position + " is not an IPv4 address, ADDRESS/BITS, '*', '-' or '!ADDRESS'"
                    + " (host names and per-user options are not supported)");
        }
    }

    /** Whether the user may have {@code address}. */
    public boolean permits(int address) {
        if (!restricted) {
            return true;
        }
        for (Permit p : permits) {
            if (p.matches(address)) {
                return p.allow();
            }
        }
        return false;
    }

    /** pppd's rule: a list that is exactly one allowed host address assigns that address to the user. */
    public OptionalInt staticAddress() {
        if (permits.size() == 1 && permits.getFirst().prefix() == 32 && permits.getFirst().allow()) {
            return OptionalInt.of(permits.getFirst().base());
        }
        return OptionalInt.empty();
    }

    @Override
    public String toString() {
        if (!restricted) {
            return "any";
        }
        return permits.isEmpty() ? "-" : String.join(" ", permits.stream().map(Permit::toString).toList());
    }
}
