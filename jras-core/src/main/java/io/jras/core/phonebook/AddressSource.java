package io.jras.core.phonebook;

/** Where an address comes from: Windows' ASRC codes in {@code IpAssign=} and {@code IpNameAssign=}. */
public enum AddressSource {
    /** The server assigns it during IPCP (ASRC_ServerAssigned, 1). */
    SERVER_ASSIGNED(1),
    /** The entry names it (ASRC_RequireSpecific, 2). */
    REQUIRE_SPECIFIC(2),
    /** None at all; Windows uses it for routers only (ASRC_None, 3). */
    NONE(3);

    private final int code;

    AddressSource(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The source with this code; IllegalArgumentException for any other. */
    public static AddressSource of(int code) {
        for (AddressSource s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("not an address source (1, 2 or 3): " + code);
    }
}
