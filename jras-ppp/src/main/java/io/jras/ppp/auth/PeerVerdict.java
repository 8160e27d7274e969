package io.jras.ppp.auth;

import java.util.Objects;

/**
 * A verifier's decision on a {@link PeerProof}.
 *
 * @param accepted              whether the peer may in
 * @param authenticatorResponse MS-CHAPv2 only: the "S=" and 40 hex digits of RFC 2759 §5 that the
 *                              Success carries (RADIUS returns it in MS-CHAP2-Success); "" otherwise
 * @param reason                for the local log when refused, e.g. "RADIUS server did not answer";
 *                              never a secret and never sent to the peer
 */
public record PeerVerdict(boolean accepted, String authenticatorResponse, String reason) {

    public PeerVerdict {
        Objects.requireNonNull(authenticatorResponse, "authenticatorResponse");
        Objects.requireNonNull(reason, "reason");
    }

    public static PeerVerdict accept() {
        return new PeerVerdict(true, "", "");
    }

    public static PeerVerdict accept(String authenticatorResponse) {
        return new PeerVerdict(true, authenticatorResponse, "");
    }

    /** Refused with the protocol's usual text ("Login incorrect", "Access denied", ...). */
    public static PeerVerdict reject() {
        return new PeerVerdict(false, "", "");
    }

    public static PeerVerdict reject(String reason) {
        return new PeerVerdict(false, "", reason);
    }
}
