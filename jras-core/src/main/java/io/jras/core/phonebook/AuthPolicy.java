package io.jras.core.phonebook;

import io.jras.ppp.AuthProtocol;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The authentication protocols an entry agrees to authenticate with, as written in
 * {@code JrasAuth=}: {@code none}, {@code any}, or a comma-separated list of {@code pap},
 * {@code chap} (CHAP-MD5) and {@code mschapv2}.
 *
 * <p>{@code none} means jras authenticates with nothing: a server that demands authentication is
 * refused. A Windows entry without {@code JrasAuth=} is read through
 * {@link #fromAuthRestrictions(int)}.
 */
public record AuthPolicy(Set<AuthProtocol> protocols) {

    public static final AuthPolicy NONE = new AuthPolicy(Set.of());
    public static final AuthPolicy PAP = new AuthPolicy(Set.of(AuthProtocol.PAP));
    public static final AuthPolicy CHAP = new AuthPolicy(Set.of(AuthProtocol.CHAP_MD5));
    public static final AuthPolicy MSCHAPV2 = new AuthPolicy(Set.of(AuthProtocol.MSCHAP_V2));
    public static final AuthPolicy ANY = new AuthPolicy(EnumSet.allOf(AuthProtocol.class));

    // Windows' AR_F_Auth* bits (pbk.h); the others (SPAP, MS-CHAP v1, EAP) are protocols jras lacks.
    static final int AR_F_AUTH_PAP = 0x08;
    static final int AR_F_AUTH_MD5CHAP = 0x20;
    static final int AR_F_AUTH_MSCHAP2 = 0x200;

    public AuthPolicy {
        EnumSet<AuthProtocol> s = EnumSet.noneOf(AuthProtocol.class);
        s.addAll(protocols);
        protocols = Collections.unmodifiableSet(s);
    }

    public boolean accepts(AuthProtocol p) {
        return protocols.contains(p);
    }

    /**
     * Parses the {@code JrasAuth=} syntax, ignoring case and spaces; IllegalArgumentException
     * for anything else.
     */
    public static AuthPolicy parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("none")) {
            return NONE;
        }
        if (t.equals("any")) {
            return ANY;
        }
        EnumSet<AuthProtocol> s = EnumSet.noneOf(AuthProtocol.class);
        for (String part : t.split(",", -1)) {
            s.add(switch (part.strip()) {
                case "pap" -> AuthProtocol.PAP;
                case "chap", "chap-md5", "md5chap" -> AuthProtocol.CHAP_MD5;
                case "mschapv2", "ms-chapv2", "mschap2" -> AuthProtocol.MSCHAP_V2;
                default -> throw new IllegalArgumentException(
                        "not an authentication setting (none, any, or a list of pap, chap, mschapv2): " + text);
            });
        }
        return new AuthPolicy(s);
    }

    /**
     * What a Windows {@code AuthRestrictions=} value allows, among the protocols jras speaks.
     * Values 0 to 4 are the pre-NT5 scalars (0 and 1 any, 2 "encrypted" = CHAP and MS-CHAPv2,
     * 3 MS-CHAP v1 only and 4 EAP only = none of jras's); larger values are AR_F_Auth* bit masks,
     * of which PAP (0x8), MD5-CHAP (0x20) and MS-CHAPv2 (0x200) count.
     */
    public static AuthPolicy fromAuthRestrictions(int value) {
        switch (value) {
            case 0, 1 -> {
                return ANY;
            }
            case 2 -> {
                return new AuthPolicy(Set.of(AuthProtocol.CHAP_MD5, AuthProtocol.MSCHAP_V2));
            }
            case 3, 4 -> {
                return NONE;
            }
            default -> {
                EnumSet<AuthProtocol> s = EnumSet.noneOf(AuthProtocol.class);
                if ((value & AR_F_AUTH_PAP) != 0) {
                    s.add(AuthProtocol.PAP);
                }
                if ((value & AR_F_AUTH_MD5CHAP) != 0) {
                    s.add(AuthProtocol.CHAP_MD5);
                }
                if ((value & AR_F_AUTH_MSCHAP2) != 0) {
                    s.add(AuthProtocol.MSCHAP_V2);
                }
                return new AuthPolicy(s);
            }
        }
    }

    /** The {@code JrasAuth=} text: "none", "any", or e.g. "chap,mschapv2". */
    @Override
    public String toString() {
        if (protocols.isEmpty()) {
            return "none";
        }
        if (protocols.size() == AuthProtocol.values().length) {
            return "any";
        }
        StringJoiner j = new StringJoiner(",");
        for (AuthProtocol p : protocols) {
            j.add(switch (p) {
                case PAP -> "pap";
                case CHAP_MD5 -> "chap";
                case MSCHAP_V2 -> "mschapv2";
            });
        }
        return j.toString();
    }
}
