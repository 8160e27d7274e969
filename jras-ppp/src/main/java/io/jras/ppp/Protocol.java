package io.jras.ppp;

/**
 * A PPP Protocol field value (RFC 1661 §2), as an open set: the named constants cover what jras
 * speaks or knows by name, and {@link #of(int)} keeps any other 16-bit value intact so that the
 * link can Protocol-Reject it (RFC 1661 §5.7).
 */
public record Protocol(int number) {
    public static final Protocol IPV4 = new Protocol(0x0021);
    public static final Protocol VJ_COMPRESSED = new Protocol(0x002d);
    public static final Protocol VJ_UNCOMPRESSED = new Protocol(0x002f);
    public static final Protocol IPV6 = new Protocol(0x0057);
    public static final Protocol IPCP = new Protocol(0x8021);
    public static final Protocol IPXCP = new Protocol(0x802b);
    public static final Protocol IPV6CP = new Protocol(0x8057);
    public static final Protocol CCP = new Protocol(0x80fd);
    public static final Protocol LCP = new Protocol(0xc021);
    public static final Protocol PAP = new Protocol(0xc023);
    public static final Protocol LQR = new Protocol(0xc025);
    public static final Protocol CHAP = new Protocol(0xc223);
    public static final Protocol EAP = new Protocol(0xc227);

    public Protocol {
        if (number < 0 || number > 0xffff) {
            throw new IllegalArgumentException("protocol number out of range: " + number);
        }
    }

    public static Protocol of(int number) {
        return switch (number) {
            case 0x0021 -> IPV4;
            case 0x0057 -> IPV6;
            case 0x8021 -> IPCP;
            case 0x8057 -> IPV6CP;
            case 0xc021 -> LCP;
            case 0xc023 -> PAP;
            case 0xc223 -> CHAP;
            default -> new Protocol(number);
        };
    }

    /** RFC 1661 §2: network-layer protocols are 0x0xxx-0x3xxx, their control protocols 0x8xxx-0xbxxx. */
    public boolean isNetworkLayer() {
        return number < 0x4000;
    }

    /** The name pppd prints for this protocol, or hex for an unknown one. */
    public String displayName() {
        return switch (number) {
            case 0x0021 -> "IP";
            case 0x002d -> "VJC";
            case 0x002f -> "VJUC";
            case 0x0057 -> "IPV6";
            case 0x8021 -> "IPCP";
            case 0x802b -> "IPXCP";
            case 0x8057 -> "IPV6CP";
            case 0x80fd -> "CCP";
            case 0xc021 -> "LCP";
            case 0xc023 -> "PAP";
            case 0xc025 -> "LQR";
            case 0xc223 -> "CHAP";
            case 0xc227 -> "EAP";
            default -> String.format("0x%04x", number);
        };
    }

    @Override
    public String toString() {
        return displayName();
    }
}
