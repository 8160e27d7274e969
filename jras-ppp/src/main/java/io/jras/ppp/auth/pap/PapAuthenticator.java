package io.jras.ppp.auth.pap;

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

/**
 * The PAP side that checks the peer (pppd {@code upap_authpeer}): it waits up to
 * {@link AuthConfig#peerTimeout()} for an Authenticate-Request, has the password judged by a
 * {@link PeerVerifier}, and answers Authenticate-Ack "Login ok" or Authenticate-Nak "Login
 * incorrect". A request repeated after the verdict gets the same verdict again, because the first
 * reply may have been lost.
 *
 * <pre>
 *  INITIAL --start--> LISTEN --rReq ok/sAck--> OPEN       succeeded(user, "Login ok")
 *                       |  |\---rReq bad/sNak--> BAD_AUTH   failed("Login incorrect", false)
 *                       |  \--rReq, deferred/verify--> VERIFYING --verdict/sAck or sNak--> OPEN, BAD_AUTH
 *                       \--TO--> BAD_AUTH                  failed("Peer did not ...", true)
 *  VERIFYING --rReq--> ignored (one verification per link); --TO--> BAD_AUTH/sNak
 *  OPEN, BAD_AUTH --rReq--> the same verdict again, with the new request's id
 * </pre>
 *
 * <p>Packets addressed to the other role (Authenticate-Ack/Nak) are ignored without counting, so
 * the link may hand every PAP packet to both sides. Anything else not acted on is counted in
 * {@link #discarded()}.
 */
public final class PapAuthenticator implements Authenticator {

    /** After pppd's {@code UPAPSS_*}; VERIFYING waits for a deferred verdict (RADIUS). */
    public enum State { INITIAL, LISTEN, VERIFYING, OPEN, BAD_AUTH }

    public static final String LOGIN_OK = "Login ok";
    public static final String LOGIN_INCORRECT = "Login incorrect";
    static final String TIMEOUT_MESSAGE = "Peer did not send a PAP Authenticate-Request";
    static final String NO_VERDICT_MESSAGE = "no verdict on the PAP password in time";

    private final PeerVerifier verifier;
    private final AuthConfig config;
    private final AuthOutput output;

    private State state = State.INITIAL;
    private long deadline = Long.MAX_VALUE;
    private boolean verdictSent;
    private String peerName;
    private int pendingId;
    private long discarded;

    public PapAuthenticator(PeerVerifier verifier, AuthConfig config, AuthOutput output) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.config = Objects.requireNonNull(config, "config");
        this.output = Objects.requireNonNull(output, "output");
    }

    @Override
    public void start(long now) {
        if (state != State.INITIAL) {
            throw new IllegalStateException("PAP authenticator already started");
        }
        state = State.LISTEN;
        deadline = Wire.deadline(now, config.peerTimeoutNanos());
    }

    @Override
    public void receive(byte[] packet, int off, int len, long now) {
        var decoded = PapPacket.decode(packet, off, len);
        if (decoded.isEmpty()) {
            discarded++;
            return;
        }
        switch (decoded.get()) {
            case PapPacket.AuthenticateAck ignored -> {
                // the other role's packet
            }
            case PapPacket.AuthenticateNak ignored -> {
                // the other role's packet
            }
            case PapPacket.AuthenticateRequest req when state == State.LISTEN -> judge(req, now);
            case PapPacket.AuthenticateRequest req when state == State.VERIFYING -> {
                // a retransmission while the verdict is on its way: answered once it comes, with
                // the latest Identifier; it must not start a second verification
                pendingId = req.id();
            }
            case PapPacket.AuthenticateRequest req when verdictSent -> {
                // pppd upap_rauthreq: a duplicate request gets the status of the first one, since
                // our reply may have been lost (RFC 1334 §2.2.1: every request MUST get a reply)
                output.send(verdict(req.id(), state == State.OPEN).encode());
            }
            default -> discarded++; // before start, after a timeout, or an unknown code
        }
    }

    private void judge(PapPacket.AuthenticateRequest req, long now) {
        String user = req.peerId().utf8();
        peerName = user;
        pendingId = req.id();
        PeerProof proof = new PeerProof.Pap(user, req.password());
        Optional<PeerVerdict> verdict = verifier.verify(proof);
        if (verdict.isPresent()) {
            answer(verdict.get());
            return;
        }
        state = State.VERIFYING;
        // the verifier has its own timeouts; this one only keeps a lost verdict from hanging the link
        deadline = Wire.deadline(now, config.peerTimeoutNanos());
        output.verify(proof);
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
        boolean ok = v.accepted();
        state = ok ? State.OPEN : State.BAD_AUTH;
        deadline = Long.MAX_VALUE;
        verdictSent = true;
        // RFC 1334 §2.2.2: Ack if the Peer-ID/Password pair is acceptable, otherwise Nak
        output.send(verdict(pendingId, ok).encode());
        if (ok) {
            output.succeeded(peerName, LOGIN_OK);
        } else {
            output.failed(v.reason().isEmpty() ? LOGIN_INCORRECT : LOGIN_INCORRECT + ": " + v.reason(), false);
        }
    }

    /** RFC 1334 §2.2.2: the Identifier is copied from the request being answered. */
    private static PapPacket verdict(int id, boolean ok) {
        return ok
                ? new PapPacket.AuthenticateAck(id, Octets.utf8(LOGIN_OK))
                : new PapPacket.AuthenticateNak(id, Octets.utf8(LOGIN_INCORRECT));
    }

    @Override
    public void onTimeout(long now) {
        if (state == State.VERIFYING && now >= deadline) {
            answer(PeerVerdict.reject(NO_VERDICT_MESSAGE));
            return;
        }
        if (state != State.LISTEN || now < deadline) {
            return;
        }
        state = State.BAD_AUTH;
        deadline = Long.MAX_VALUE;
        output.failed(TIMEOUT_MESSAGE, true);
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

    /** The Peer-ID of the request that was judged, if any. */
    public Optional<String> peerName() {
        return Optional.ofNullable(peerName);
    }

    /** Packets dropped as malformed, unknown or unexpected. */
    public long discarded() {
        return discarded;
    }

    @Override
    public String toString() {
        return "PapAuthenticator[state=" + state + ", discarded=" + discarded + "]";
    }
}
