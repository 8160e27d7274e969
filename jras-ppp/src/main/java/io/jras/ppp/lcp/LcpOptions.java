package io.jras.ppp.lcp;

import io.jras.ppp.AuthProtocol;

/**
 * The LCP options in force in one direction once LCP is Opened.
 *
 * @param mru   the largest information field the receiving side accepts
 * @param accm  the control characters the sender must escape
 * @param auth  the protocol the receiving side asked the sender to authenticate with, or null
 * @param magic the Magic-Number, 0 if none was negotiated
 * @param pfc   Protocol-Field-Compression
 * @param acfc  Address-and-Control-Field-Compression
 */
public record LcpOptions(int mru, int accm, AuthProtocol auth, int magic, boolean pfc, boolean acfc) {
    /** RFC 1661 §6 and RFC 1662 §7.1: what holds before anything is negotiated. */
    public static final LcpOptions DEFAULTS = new LcpOptions(LcpConfig.DEFAULT_MRU, 0xffffffff, null, 0, false, false);
}
