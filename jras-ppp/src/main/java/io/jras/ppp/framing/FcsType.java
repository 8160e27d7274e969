package io.jras.ppp.framing;

/**
 * The Frame Check Sequence a link uses (RFC 1662 §3.1). FCS-16 is the default; FCS-32 is used
 * only "by prior agreement" (RFC 1570's FCS-Alternatives option, negotiated by LCP).
 */
public enum FcsType {
    /** RFC 1662 §C.2: the 16-bit CRC-CCITT sent as two octets. */
    FCS16(2),
    /** RFC 1662 §C.3: the 32-bit CRC (as in Ethernet) sent as four octets. */
    FCS32(4);

    private final int size;

    FcsType(int size) {
        this.size = size;
    }

    /** Octets the FCS occupies at the end of each frame: 2 or 4. */
    public int size() {
        return size;
    }
}
