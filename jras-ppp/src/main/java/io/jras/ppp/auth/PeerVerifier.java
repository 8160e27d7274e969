package io.jras.ppp.auth;

import java.util.Optional;

/**
 * How the authenticator role decides on a peer's {@link PeerProof}. Two kinds:
 * <ul>
 *   <li>local: a {@link SecretLookup} (users file, test map) decides at once;</li>
 *   <li>remote ({@link #DEFERRED}): the decision is made elsewhere and arrives later, e.g. a RADIUS
 *       Access-Accept. The engine then emits {@link io.jras.ppp.PppEvent.VerifyPeer} and keeps
 *       running until the driver hands the verdict to {@link io.jras.ppp.PppEngine#verdict}.</li>
 * </ul>
 * Called on the engine's thread; must not block.
 */
@FunctionalInterface
public interface PeerVerifier {

    /** The verdict now, or empty when it will come later through the engine. */
    Optional<PeerVerdict> verify(PeerProof proof);

    /** Every proof is judged elsewhere (RADIUS). */
    PeerVerifier DEFERRED = proof -> Optional.empty();
}
