package io.jras.core.phonebook;

/**
 * The {@code Type=} of an entry, Windows' RASET codes. Open: a code jras does not know survives
 * reading and writing.
 */
public record EntryType(int code) {

    public static final EntryType PHONE = new EntryType(1);
    public static final EntryType VPN = new EntryType(2);
    public static final EntryType DIRECT = new EntryType(3);
    public static final EntryType INTERNET = new EntryType(4);
    public static final EntryType BROADBAND = new EntryType(5);

    private static final String[] NAMES = {null, "phone", "vpn", "direct", "internet", "broadband"};

    /** "phone", "vpn", "direct", "internet", "broadband", or "type-N" for another code. */
    public String name() {
        return code >= 1 && code < NAMES.length ? NAMES[code] : "type-" + code;
    }

    /** A name as {@link #name()} gives it, or a code in decimal. */
    public static EntryType parse(String text) {
        String t = text.strip();
        for (int i = 1; i < NAMES.length; i++) {
            if (NAMES[i].equalsIgnoreCase(t)) {
                return new EntryType(i);
            }
        }
        try {
            return new EntryType(Integer.parseInt(t.startsWith("type-") ? t.substring(5) : t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an entry type: " + text);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
