package io.jras.ppp;

/**
 * The authentication protocols jras speaks, as they appear in the LCP Authentication-Protocol
 * option (RFC 1661 §6.2, RFC 1994 §3, RFC 2759 §2).
 */
public enum AuthProtocol {
    PAP(0xc023, -1, "PAP"),
    CHAP_MD5(0xc223, 5, "CHAP-MD5"),
    MSCHAP_V2(0xc223, 0x81, "MS-CHAPv2");

    private final int protocol;
    private final int algorithm;
    private final String displayName;

    AuthProtocol(int protocol, int algorithm, String displayName) {
        this.protocol = protocol;
        this.algorithm = algorithm;
        this.displayName = displayName;
    }

    /** The PPP protocol number of the authentication packets. */
    public int protocol() {
        return protocol;
    }

    /** The CHAP Algorithm octet, or -1 for PAP. */
    public int algorithm() {
        return algorithm;
    }

    public String displayName() {
        return displayName;
    }

    /** The Data of the Authentication-Protocol option: protocol, then the algorithm for CHAP. */
    public byte[] optionData() {
        return algorithm < 0
                ? new byte[] {(byte) (protocol >>> 8), (byte) protocol}
                : new byte[] {(byte) (protocol >>> 8), (byte) protocol, (byte) algorithm};
    }

    /** Parses option data; null if it names nothing we speak. */
    public static AuthProtocol fromOption(byte[] b, int off, int len) {
        if (len < 2) {
            return null;
        }
        int p = ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
        if (p == 0xc023 && len == 2) {
            return PAP;
        }
        if (p == 0xc223 && len == 3) {
            int alg = b[off + 2] & 0xff;
            return alg == 5 ? CHAP_MD5 : alg == 0x81 ? MSCHAP_V2 : null;
        }
        return null;
    }
}
