package io.jras.ppp.auth.chap;

import io.jras.ppp.auth.Octets;
import io.jras.ppp.auth.PeerProof;
import io.jras.ppp.auth.PeerVerdict;

import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One CHAP algorithm, the strategy that {@link ChapAuthenticator} and {@link ChapAuthenticatee} are
 * parameterized by (after pppd's {@code struct chap_digest_type}): challenge generation, response
 * creation, turning a Response into a {@link PeerProof} for a verifier (the check itself is
 * {@link PeerProof#check} or RADIUS), the Success or Failure for a verdict, and the reading of
 * Success and Failure messages.
 *
 * <p>Implementations are stateless and never throw on what the peer sent: a response they cannot
 * read has no proof (a Failure), a challenge they cannot answer is an empty {@link #respond}.
 */
public interface ChapDigest {

    /** The algorithm octet of LCP's Authentication-Protocol option: 5 for MD5, 0x81 for MS-CHAPv2. */
    int code();

    /** For logs: "MD5", "MS-CHAPv2". */
    String displayName();

    /** A fresh challenge Value for a Challenge packet. */
    Octets generateChallenge(RandomGenerator random);

    /**
     * The peer's side: the Response Value for a Challenge, and what it expects back in Success.
     * Empty if this algorithm cannot answer that challenge (for example a wrong length).
     *
     * @param ourName the Name we send in the Response
     */
    Optional<Answer> respond(int id, Octets challenge, Octets ourName, String secret, RandomGenerator random);

    /** The failure verdict for a peer whose secret is unknown: the same as a wrong password. */
    Verdict deny(Octets challenge, RandomGenerator random);

    /**
     * The authenticator's side: what a verifier needs to judge the peer's Response to
     * {@code challenge}; empty if the Response cannot be right (e.g. a wrong length).
     */
    Optional<PeerProof> proof(int id, Octets challenge, Octets response, String peerName);

    /**
     * The authenticator's side: the Success or Failure to send for a verifier's decision. An
     * acceptance this algorithm cannot express (MS-CHAPv2 without a valid "S=...") is a Failure.
     */
    Verdict decide(PeerVerdict verdict, Octets challenge, RandomGenerator random);

    /** The peer's side: whether a Success message is acceptable for our {@code answer}. */
    SuccessCheck checkSuccess(Answer answer, Octets message);

    /** The peer's side: what a Failure message says. */
    ChapFailure interpretFailure(Octets message);

    /** The digest for an LCP Authentication-Protocol algorithm octet, if jras speaks it. */
    static Optional<ChapDigest> forCode(int code) {
        return switch (code) {
            case Md5Digest.CODE -> Optional.of(new Md5Digest());
            case MsChapV2Digest.CODE -> Optional.of(new MsChapV2Digest());
            default -> Optional.empty();
        };
    }

    /**
     * A Response Value and whatever the digest needs later to check the Success message (for
     * MS-CHAPv2 the expected Authenticator Response; empty for MD5).
     */
    record Answer(Octets value, Octets expectedSuccess) {
        public Answer {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(expectedSuccess, "expectedSuccess");
        }
    }

    /**
     * The authenticator's decision: Success or Failure, the Message to send with it, and the
     * human-readable text to report locally.
     */
    record Verdict(boolean success, Octets message, String text) {
        public Verdict {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(text, "text");
        }
    }

    /** Whether the peer accepts a Success, and the text to report (the message, or why not). */
    record SuccessCheck(boolean accepted, String text) {
        public SuccessCheck {
            Objects.requireNonNull(text, "text");
        }
    }
}
