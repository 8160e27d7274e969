package io.jras.ppp.lcp;

import io.jras.ppp.AuthProtocol;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What LCP asks for and allows (pppd's wanted and allowed option sets).
 *
 * @param mru                our Maximum-Receive-Unit; requested only when it is not the default 1500
 * @param requestAccm        ask the peer for ACCM 0 (no control characters escaped towards us)
 * @param requestPfc         ask for Protocol-Field-Compression
 * @param requestAcfc        ask for Address-and-Control-Field-Compression
 * @param useMagic           send a Magic-Number (loopback detection, echo)
 * @param requireAuth        authenticator role: the protocols we require of the peer, in order of
 *                           preference; empty = we do not authenticate the peer
 * @param acceptAuth         authenticatee role: the protocols we agree to authenticate with
 *                           when the peer asks; empty = we refuse to authenticate
 * @param echoInterval       LCP Echo-Request interval for keepalive; zero = off
 * @param echoFailure        unanswered Echo-Requests after which the peer is declared dead
 * @param loopbackFailures   times our own Magic-Number may come back before the link is declared looped back
 */
public record LcpConfig(int mru, boolean requestAccm, boolean requestPfc, boolean requestAcfc, boolean useMagic,
                        List<AuthProtocol> requireAuth, Set<AuthProtocol> acceptAuth,
                        Duration echoInterval, int echoFailure, int loopbackFailures) {

    public static final int DEFAULT_MRU = 1500;
    /** pppd's MINMRU: a peer asking for less is Nak'ed up to this. */
    public static final int MIN_MRU = 128;

    public LcpConfig {
        if (mru < MIN_MRU || mru > 16384) {
            throw new IllegalArgumentException("mru out of range: " + mru);
        }
        requireAuth = List.copyOf(requireAuth);
        acceptAuth = Set.copyOf(acceptAuth);
        if (echoInterval.isNegative()) {
            throw new IllegalArgumentException("echoInterval must not be negative");
        }
        if (echoFailure < 1 || loopbackFailures < 1) {
            throw new IllegalArgumentException("echoFailure and loopbackFailures must be at least 1");
        }
    }

    /** The defaults of a dialing client: pppd's usual options, authenticate with anything, no keepalive. */
    public static LcpConfig client() {
        return new LcpConfig(DEFAULT_MRU, true, true, true, true, List.of(),
                Set.of(AuthProtocol.PAP, AuthProtocol.CHAP_MD5, AuthProtocol.MSCHAP_V2),
                Duration.ZERO, 4, 5);
    }

    public LcpConfig withRequireAuth(List<AuthProtocol> protocols) {
        return new LcpConfig(mru, requestAccm, requestPfc, requestAcfc, useMagic, protocols, acceptAuth,
                echoInterval, echoFailure, loopbackFailures);
    }

    public LcpConfig withAcceptAuth(Set<AuthProtocol> protocols) {
        return new LcpConfig(mru, requestAccm, requestPfc, requestAcfc, useMagic, requireAuth, protocols,
                echoInterval, echoFailure, loopbackFailures);
    }

    public LcpConfig withEcho(Duration interval, int failure) {
        return new LcpConfig(mru, requestAccm, requestPfc, requestAcfc, useMagic, requireAuth, acceptAuth,
                interval, failure, loopbackFailures);
    }

    public LcpConfig withMru(int newMru) {
        return new LcpConfig(newMru, requestAccm, requestPfc, requestAcfc, useMagic, requireAuth, acceptAuth,
                echoInterval, echoFailure, loopbackFailures);
    }

    public LcpConfig withCompression(boolean pfc, boolean acfc) {
        return new LcpConfig(mru, requestAccm, pfc, acfc, useMagic, requireAuth, acceptAuth,
                echoInterval, echoFailure, loopbackFailures);
    }

    public LcpConfig withMagic(boolean magic) {
        return new LcpConfig(mru, requestAccm, requestPfc, requestAcfc, magic, requireAuth, acceptAuth,
                echoInterval, echoFailure, loopbackFailures);
    }
}
