package io.jras.ppp.auth;

import java.util.Optional;

/**
 * Where the authenticator finds a peer's secret by user name (a users file, a test map): the local
 * {@link PeerVerifier}, which decides at once. Returns the clear secret because CHAP needs it to
 * compute the expected response. An unknown name is refused like a wrong password.
 */
@FunctionalInterface
public interface SecretLookup extends PeerVerifier {
    Optional<String> secretFor(String peerName);

    @Override
    default Optional<PeerVerdict> verify(PeerProof proof) {
        return Optional.of(secretFor(proof.name()).map(proof::check).orElseGet(PeerVerdict::reject));
    }
}
