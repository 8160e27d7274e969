package io.jras.ppp.auth.chap;

import io.jras.ppp.auth.AuthConfig;
import io.jras.ppp.auth.AuthOutput;
import io.jras.ppp.auth.AuthSide;
import io.jras.ppp.auth.Credentials;
import io.jras.ppp.auth.Octets;
import io.jras.ppp.auth.internal.Wire;

import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The CHAP peer being authenticated (pppd {@code chap_auth_with_peer}), for any
 * {@link ChapDigest}. It waits up to {@link AuthConfig#challengeWaitTimeout()} for a Challenge and
 * answers it with the Name {@link Credentials#user()} (as pppd answers with its {@code user}). While
 * no Success or Failure comes it repeats the Response every {@link AuthConfig#responseRestart()},
 * giving up after {@link AuthConfig#maxResponses()} transmissions. A repeated Challenge (same
 * Identifier and Value) gets the very same Response again, which matters for MS-CHAPv2 where the
 * Response holds a random Peer-Challenge.
 *
 * <pre>
 *  INITIAL --start--> LISTEN --rChal/sResp--> RESPONSE_SENT --rSuccess ok--> OPEN     succeeded(name, text)
 *                       |                      |  ^  \  \----rSuccess bad--> BAD_AUTH failed("authenticator response ...", false)
 *                       |                      TO+/sResp \---rFailure-----> BAD_AUTH failed(peer's text, false)
 *                       \--TO--> BAD_AUTH       \--TO---------------------> BAD_AUTH failed("No reply ...", true)
 *  RESPONSE_SENT, OPEN --rChal--> answered (RFC 1994 §4.1: every Challenge gets a Response)
 * </pre>
 *
 * <p>Packets addressed to the other role (Response) are ignored without counting, so the link may
 * hand every CHAP packet to both sides. Anything else not acted on is counted in
 * {@link #discarded()}.
 */
public final class ChapAuthenticatee implements AuthSide {

    /** After the flags of pppd's {@code chap_client_state}. */
    public enum State { INITIAL, LISTEN, RESPONSE_SENT, OPEN, BAD_AUTH }

    static final String NO_CHALLENGE_MESSAGE = "No CHAP Challenge from peer";
    static final String NO_REPLY_MESSAGE = "No reply to CHAP Response";

    private final ChapDigest digest;
    private final Octets ourName;
    private final String password;
    private final AuthConfig config;
    private final RandomGenerator random;
    private final AuthOutput output;

    private State state = State.INITIAL;
    private long deadline = Long.MAX_VALUE;
    private int responseId = -1;
    private Octets answeredChallenge;
    private ChapDigest.Answer answer;
    private byte[] responsePacket;
    private int transmits;
    private String peerName = "";
    private ChapFailure failure;
    private long discarded;

    /** @param random source of MS-CHAPv2's Peer-Challenge (MD5 needs none) */
    public ChapAuthenticatee(ChapDigest digest, Credentials credentials, AuthConfig config, RandomGenerator random,
                             AuthOutput output) {
        this.digest = Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(credentials, "credentials");
        this.ourName = Octets.utf8(credentials.user());
        this.password = credentials.password();
        this.config = Objects.requireNonNull(config, "config");
        this.random = Objects.requireNonNull(random, "random");
        this.output = Objects.requireNonNull(output, "output");
    }

    @Override
    public void start(long now) {
        if (state != State.INITIAL) {
            throw new IllegalStateException("CHAP authenticatee already started");
        }
        state = State.LISTEN;
        deadline = Wire.deadline(now, config.challengeWaitTimeoutNanos());
    }

    @Override
    public void receive(byte[] packet, int off, int len, long now) {
        var decoded = ChapPacket.decode(packet, off, len);
        if (decoded.isEmpty()) {
            discarded++;
            return;
        }
        switch (decoded.get()) {
            case ChapPacket.Response ignored -> {
                // the other role's packet
            }
            case ChapPacket.Challenge c when state == State.LISTEN || state == State.RESPONSE_SENT
                    || state == State.OPEN -> challenged(c, now);
            // RFC 1994 §4.2: the reply's Identifier is copied from our Response
            case ChapPacket.Success s when state == State.RESPONSE_SENT && s.id() == responseId -> {
                ChapDigest.SuccessCheck check = digest.checkSuccess(answer, s.message());
                if (check.accepted()) {
                    finish(State.OPEN);
                    output.succeeded(peerName, check.text());
                } else {
                    // RFC 2759 §5: a missing or wrong Authenticator Response ends the session
                    failure = ChapFailure.of(check.text());
                    finish(State.BAD_AUTH);
                    output.failed(check.text(), false);
                }
            }
            case ChapPacket.Failure f when state == State.RESPONSE_SENT && f.id() == responseId -> {
                failure = digest.interpretFailure(f.message());
                finish(State.BAD_AUTH);
                output.failed(failure.text(), false);
            }
            default -> discarded++; // out of state, a stale id, or an unknown code
        }
    }

    private void challenged(ChapPacket.Challenge c, long now) {
        if (responsePacket != null && c.id() == responseId && c.value().equals(answeredChallenge)) {
            // a retransmitted Challenge: the same Response again. It shows the peer is alive, so our
            // own retransmission waits a full interval, but it does not count as one of ours.
            if (state == State.RESPONSE_SENT) {
                deadline = Wire.deadline(now, config.responseRestartNanos());
            }
            output.send(responsePacket.clone());
            return;
        }
        Optional<ChapDigest.Answer> a = digest.respond(c.id(), c.value(), ourName, password, random);
        if (a.isEmpty()) {
            discarded++; // a challenge this digest cannot answer, e.g. not 16 octets for MS-CHAPv2
            return;
        }
        answer = a.get();
        responseId = c.id();
        answeredChallenge = c.value();
        // RFC 1994 §4.1: the Response's Identifier is copied from the Challenge
        responsePacket = new ChapPacket.Response(c.id(), answer.value(), ourName).encode();
        if (state != State.OPEN) {
            peerName = c.name().utf8();
            state = State.RESPONSE_SENT;
            transmits = 1;
            deadline = Wire.deadline(now, config.responseRestartNanos());
        }
        // in OPEN this answers a re-challenge (RFC 1994 §4.1 allows one during the Network phase);
        // its reply is not awaited, since this side has already reported
        output.send(responsePacket.clone());
    }

    @Override
    public void onTimeout(long now) {
        if (now < deadline) {
            return;
        }
        if (state == State.LISTEN) {
            finish(State.BAD_AUTH);
            output.failed(NO_CHALLENGE_MESSAGE, true);
        } else if (state == State.RESPONSE_SENT) {
            if (transmits >= config.maxResponses()) {
                finish(State.BAD_AUTH);
                output.failed(NO_REPLY_MESSAGE, true);
                return;
            }
            transmits++;
            deadline = Wire.deadline(now, config.responseRestartNanos());
            output.send(responsePacket.clone());
        }
    }

    private void finish(State end) {
        state = end;
        deadline = Long.MAX_VALUE;
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

    /**
     * Why authentication with the peer failed, unless it timed out: the text reported to
     * {@link AuthOutput#failed} and, for an MS-CHAPv2 Failure, its E= error code (691 for a wrong
     * password). A rejected MS-CHAPv2 Success has no error code.
     */
    public Optional<ChapFailure> failure() {
        return Optional.ofNullable(failure);
    }

    /** Responses sent for the current Challenge by our own timer, the first included. */
    public int transmits() {
        return transmits;
    }

    /** Packets dropped as malformed, unknown or unexpected. */
    public long discarded() {
        return discarded;
    }

    @Override
    public String toString() {
        return "ChapAuthenticatee[" + digest.displayName() + ", state=" + state + ", transmits=" + transmits
                + ", discarded=" + discarded + "]";
    }
}
