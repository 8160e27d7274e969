package io.jras.ppp.framing;

import java.util.Objects;

/**
 * What the encoder needs to know about the peer's receive side, pushed down by the link layer once
 * LCP has negotiated it (RFC 1662 §7.1 ACCM, RFC 1661 §6.5 PFC and §6.6 ACFC).
 *
 * @param accm the peer's Async-Control-Character-Map: bit n set means octet n (0x00-0x1f) must be
 *     escaped on the way out
 * @param acfc leave out the Address and Control fields (0xff 0x03)
 * @param pfc send protocols below 0x100 as a single octet
 * @param fcs the frame check sequence to append
 */
public record TransmitConfig(int accm, boolean acfc, boolean pfc, FcsType fcs) {

    /** RFC 1662 §7.1 and RFC 1661 §6: the values in force before anything is negotiated. */
    public static final TransmitConfig DEFAULT =
            new TransmitConfig(0xFFFFFFFF, false, false, FcsType.FCS16);

    public TransmitConfig {
        Objects.requireNonNull(fcs, "fcs");
    }
}
