package io.jras.core.phonebook;

/**
 * The keys jras reads or writes, spelled as Windows writes them, and their defaults. Keys are
 * matched ignoring case. The table with what each one means is in the package documentation.
 */
public final class PhonebookKeys {

    // The entry's own keys.
    public static final String ENCODING = "Encoding";
    public static final String TYPE = "Type";
    public static final String JRAS_DEVICE = "JrasDevice";
    public static final String JRAS_AUTH = "JrasAuth";
    public static final String AUTH_RESTRICTIONS = "AuthRestrictions";
    public static final String REDIAL_ATTEMPTS = "RedialAttempts";
    public static final String REDIAL_SECONDS = "RedialSeconds";
    public static final String IDLE_DISCONNECT_SECONDS = "IdleDisconnectSeconds";
    public static final String REDIAL_ON_LINK_FAILURE = "RedialOnLinkFailure";
    public static final String IP_PRIORITIZE_REMOTE = "IpPrioritizeRemote";
    public static final String IP_ADDRESS = "IpAddress";
    public static final String IP_DNS_ADDRESS = "IpDnsAddress";
    public static final String IP_DNS2_ADDRESS = "IpDns2Address";
    public static final String IP_ASSIGN = "IpAssign";
    public static final String IP_NAME_ASSIGN = "IpNameAssign";

    // Sub-section markers.
    public static final String MEDIA = SectionLayout.MEDIA;
    public static final String DEVICE = SectionLayout.DEVICE;

    // MEDIA= sub-section.
    public static final String PORT = "Port";
    public static final String DEVICE_NAME = "Device";
    public static final String CONNECT_BPS = "ConnectBPS";

    // DEVICE= sub-section; the first six repeat once per number.
    public static final String PHONE_NUMBER = "PhoneNumber";
    public static final String AREA_CODE = "AreaCode";
    public static final String COUNTRY_CODE = "CountryCode";
    public static final String COUNTRY_ID = "CountryID";
    public static final String USE_DIALING_RULES = "UseDialingRules";
    public static final String COMMENT = "Comment";
    public static final String LAST_SELECTED_PHONE = "LastSelectedPhone";
    public static final String PROMOTE_ALTERNATES = "PromoteAlternates";
    public static final String TRY_NEXT_ALTERNATE_ON_FAIL = "TryNextAlternateOnFail";

    // Defaults: for a key that is absent, and in a new entry.
    public static final int DEFAULT_REDIAL_ATTEMPTS = 3;
    public static final int DEFAULT_REDIAL_SECONDS = 60;
    public static final int DEFAULT_IDLE_DISCONNECT_SECONDS = 0;
    public static final boolean DEFAULT_REDIAL_ON_LINK_FAILURE = false;
    public static final boolean DEFAULT_REMOTE_DEFAULT_GATEWAY = true;
    public static final boolean DEFAULT_TRY_NEXT_ALTERNATE_ON_FAIL = true;
    public static final String NO_ADDRESS = "0.0.0.0";
    /** The {@code MEDIA=} value of entries jras creates. */
    public static final String JRAS_MEDIA = "jras";

    private PhonebookKeys() {
    }
}
