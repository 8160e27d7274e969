package io.jras.server.radius;

import io.jras.ppp.auth.PeerVerdict;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What RADIUS said about one peer: the verdict for the PPP engine and, with an Access-Accept, the
 * Framed-IP-Address the server gave the user (RFC 2865 §5.8), if a specific one.
 */
public record RadiusVerdict(PeerVerdict verdict, OptionalInt framedIpAddress) {
    public RadiusVerdict {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(framedIpAddress, "framedIpAddress");
    }

    static RadiusVerdict reject(String reason) {
        return new RadiusVerdict(PeerVerdict.reject(reason), OptionalInt.empty());
    }
}
