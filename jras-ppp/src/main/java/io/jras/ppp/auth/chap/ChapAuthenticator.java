package io.jras.ppp.auth.chap;

import io.jras.ppp.auth.AuthConfig;
import io.jras.ppp.auth.AuthOutput;
import io.jras.ppp.auth.Authenticator;
import io.jras.ppp.auth.Octets;
import io.jras.ppp.auth.PeerProof;
import io.jras.ppp.auth.PeerVerdict;
import io.jras.ppp.auth.PeerVerifier;
import io.jras.ppp.auth.internal.Wire;

import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The CHAP side that checks the peer (pppd {@code chap_auth_peer}), for any {@link ChapDigest}.
 * It sends a Challenge named with our local name, repeats the same Challenge every
 * {@link AuthConfig#challengeRestart()} until a Response comes, and gives up after
 * {@link AuthConfig#maxChallenges()} transmissions. The Response is turned by the digest into a
 * {@link PeerProof} and judged by a {@link PeerVerifier}: at once (a users file) or later (RADIUS).
 *
 * <pre>
 *  INITIAL --start/sChal--> CHALLENGE_SENT --rResp ok/sSuccess--> OPEN      succeeded(name, text)
 *                            |  ^   \------rResp bad/sFailure--> BAD_AUTH  failed(text, false)
 *                            TO+/sChal \---TO-----------------> BAD_AUTH  failed("No response ...", true)
 *  CHALLENGE_SENT --rResp, deferred/verify--> VERIFYING --verdict/sSuccess or sFailure--> OPEN, BAD_AUTH
 *  VERIFYING --rResp--> ignored (one verification per Challenge); --TO--> BAD_AUTH/sFailure
 *  OPEN, BAD_AUTH --rResp with the challenge's id--> the same Success or Failure again
 * </pre>
 *
 * <p>Packets addressed to the other role (Challenge, Success, Failure) are ignored without
 * counting, so the link may hand every CHAP packet to both sides. Anything else not acted on is
 * counted in {@link #discarded()}. Re-challenging during the Network phase (pppd
 * {@code chap-interval}) is not done.
 */
public final class ChapAuthenticator implements Authenticator {

    /** After the flags of pppd's {@code chap_server_state}; VERIFYING waits for a deferred verdict. */
    public enum State { INITIAL, CHALLENGE_SENT, VERIFYING, OPEN, BAD_AUTH }

    static final String TIMEOUT_MESSAGE = "No response to CHAP Challenges";
    static final String NO_VERDICT_MESSAGE = "no verdict on the CHAP response in time";

    private final ChapDigest digest;
    private final Octets localName;
    private final PeerVerifier verifier;
    private final AuthConfig config;
    private final RandomGenerator random;
    private final AuthOutput output;

    private State state = State.INITIAL;
    private int id;
    private Octets challenge;
    private byte[] challengePacket;
    private int transmits;
    private long deadline = Long.MAX_VALUE;
    private byte[] verdictPacket;
    private String peerName;
    private long discarded;

    /**
     * @param localName the Name in our Challenge (pppd {@code name}); the peer may use it to pick
     *                  its secret
     * @param random    source of the challenge values and the first Identifier
     */
    public ChapAuthenticator(ChapDigest digest, String localName, PeerVerifier verifier, AuthConfig config,
                             RandomGenerator random, AuthOutput output) {
        this.digest = Objects.requireNonNull(digest, "digest");
        this.localName = Octets.utf8(Objects.requireNonNull(localName, "localName"));
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.config = Objects.requireNonNull(config, "config");
        this.random = Objects.requireNonNull(random, "random");
        this.output = Objects.requireNonNull(output, "output");
    }

    @Override
    public void start(long now) {
        if (state != State.INITIAL) {
            throw new IllegalStateException("CHAP authenticator already started");
        }
        // pppd chap_auth_peer: start from a random Identifier
        id = random.nextInt(256);
        challenge = digest.generateChallenge(random);
        challengePacket = new ChapPacket.Challenge(id, challenge, localName).encode();
        state = State.CHALLENGE_SENT;
        sendChallenge(now);
    }

    /**
     * RFC 1994 §4.1: Challenges are sent until a valid Response comes or a retry counter runs out.
     * Like pppd, a retransmission repeats the same Challenge with the same Identifier, so that a
     * Response already on its way still matches.
     */
    private void sendChallenge(long now) {
        transmits++;
        deadline = Wire.deadline(now, config.challengeRestartNanos());
        output.send(challengePacket.clone());
    }

    @Override
    public void receive(byte[] packet, int off, int len, long now) {
        var decoded = ChapPacket.decode(packet, off, len);
        if (decoded.isEmpty()) {
            discarded++;
            return;
        }
        switch (decoded.get()) {
            case ChapPacket.Challenge ignored -> {
                // the other role's packet
            }
            case ChapPacket.Success ignored -> {
                // the other role's packet
            }
            case ChapPacket.Failure ignored -> {
                // the other role's packet
            }
            // RFC 1994 §4.1: the Response's Identifier is copied from the Challenge
            case ChapPacket.Response r when state == State.CHALLENGE_SENT && r.id() == id -> judge(r, now);
            case ChapPacket.Response r when state == State.VERIFYING && r.id() == id -> {
                // the peer repeats its Response while the verdict is on its way: answered once it comes
            }
            case ChapPacket.Response r when verdictPacket != null && r.id() == id -> {
                // RFC 1994 §4.1: the Success may be lost, so a repeated Response to the current
                // Challenge gets the same reply Code as before
                output.send(verdictPacket.clone());
            }
            default -> discarded++; // before start, a stale id, after a timeout, or an unknown code
        }
    }

    private void judge(ChapPacket.Response r, long now) {
        String name = r.name().utf8();
        peerName = name;
        Optional<PeerProof> proof = digest.proof(id, challenge, r.value(), name);
        if (proof.isEmpty()) {
            answer(PeerVerdict.reject());
            return;
        }
        Optional<PeerVerdict> verdict = verifier.verify(proof.get());
        if (verdict.isPresent()) {
            answer(verdict.get());
            return;
        }
        state = State.VERIFYING;
        // no more Challenges; the verifier has its own timeouts, this one keeps a lost verdict from hanging the link
        deadline = Wire.deadline(now, config.peerTimeoutNanos());
        output.verify(proof.get());
    }

    @Override
    public boolean verifying() {
        return state == State.VERIFYING;
    }

    @Override
    public boolean verdict(PeerVerdict verdict, long now) {
        if (state != State.VERIFYING) {
            return false;
        }
        answer(verdict);
        return true;
    }

    private void answer(PeerVerdict v) {
        ChapDigest.Verdict verdict = digest.decide(v, challenge, random);
        state = verdict.success() ? State.OPEN : State.BAD_AUTH;
        deadline = Long.MAX_VALUE;
        // RFC 1994 §4.2: the Identifier is copied from the Response
        verdictPacket = verdict.success()
                ? new ChapPacket.Success(id, verdict.message()).encode()
                : new ChapPacket.Failure(id, verdict.message()).encode();
        output.send(verdictPacket.clone());
        if (verdict.success()) {
            output.succeeded(peerName, verdict.text());
        } else {
            output.failed(verdict.text(), false);
        }
    }

    @Override
    public void onTimeout(long now) {
        if (state == State.VERIFYING && now >= deadline) {
            answer(PeerVerdict.reject(NO_VERDICT_MESSAGE));
            return;
        }
        if (state != State.CHALLENGE_SENT || now < deadline) {
            return;
        }
        if (transmits >= config.maxChallenges()) {
            state = State.BAD_AUTH;
            deadline = Long.MAX_VALUE;
            output.failed(TIMEOUT_MESSAGE, true);
            return;
        }
        sendChallenge(now);
    }

    @Override
    public long nextDeadline() {
        return deadline;
    }

    @Override
    public boolean finished() {
        return state == State.OPEN || state == State.BAD_AUTH;
    }

    public State state() {
        return state;
    }

    public ChapDigest digest() {
        return digest;
    }

    /** The Name of the Response that was judged, if any. */
    public Optional<String> peerName() {
        return Optional.ofNullable(peerName);
    }

    /** Challenges sent so far, retransmissions included. */
    public int transmits() {
        return transmits;
    }

    /** Packets dropped as malformed, unknown or unexpected. */
    public long discarded() {
        return discarded;
    }

    @Override
    public String toString() {
        return "ChapAuthenticator[" + digest.displayName() + ", state=" + state + ", transmits=" + transmits
                + ", discarded=" + discarded + "]";
    }
}
