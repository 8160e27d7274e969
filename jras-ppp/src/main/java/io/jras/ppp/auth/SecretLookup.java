package io.jras.ppp.auth;

import java.util.Optional;

/**
 * Where the authenticator finds a peer's secret by user name (a users file, a test map, later
 * RADIUS). Returns the clear secret because CHAP needs it to compute the expected response.
 */
@FunctionalInterface
public interface SecretLookup {
    Optional<String> secretFor(String peerName);
}
