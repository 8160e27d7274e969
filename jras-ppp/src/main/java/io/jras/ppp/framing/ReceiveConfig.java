package io.jras.ppp.framing;

import java.util.Objects;

/**
 * What the decoder needs to know about our own receive side, pushed down by the link layer once
 * LCP has negotiated it.
 *
 * @param accm our Async-Control-Character-Map: an unescaped octet n (0x00-0x1f) whose bit is set
 *     was inserted by the line equipment and is dropped (RFC 1662 §4.2)
 * @param mru our Maximum-Receive-Unit; frames whose Information field is longer than
 *     {@code max(mru, 1500)} are dropped (RFC 1661 §6.1 says 1500 must always be accepted)
 * @param fcs the frame check sequence the peer appends
 */
public record ReceiveConfig(int accm, int mru, FcsType fcs) {

    /** RFC 1662 §7.1 and RFC 1661 §6.1: the values in force before anything is negotiated. */
    public static final ReceiveConfig DEFAULT = new ReceiveConfig(0xFFFFFFFF, 1500, FcsType.FCS16);

    public ReceiveConfig {
        Objects.requireNonNull(fcs, "fcs");
        // The MRU option is a 16-bit field (RFC 1661 §6.1).
        if (mru < 0 || mru > 0xFFFF) {
            throw new IllegalArgumentException("mru out of range 0..65535: " + mru);
        }
    }

    /** The longest Information field accepted: the MRU, but never less than 1500. */
    public int maxInformationLength() {
        return Math.max(mru, 1500);
    }
}
