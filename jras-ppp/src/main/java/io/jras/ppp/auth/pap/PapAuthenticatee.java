package io.jras.ppp.auth.pap;

import io.jras.ppp.auth.AuthConfig;
import io.jras.ppp.auth.AuthOutput;
import io.jras.ppp.auth.AuthSide;
import io.jras.ppp.auth.Credentials;
import io.jras.ppp.auth.Octets;
import io.jras.ppp.auth.internal.Wire;

import java.util.Objects;

/**
 * The PAP peer being authenticated (pppd {@code upap_authwithpeer}): it sends Authenticate-Request
 * with the user name and password, repeats it every {@link AuthConfig#restartInterval()} until a
 * reply comes, and gives up after {@link AuthConfig#maxRequests()} transmissions.
 *
 * <pre>
 *  INITIAL --start/sReq--> AUTH_REQ --rAck--> OPEN       succeeded("", peer's message)
 *                           |  ^  \---rNak--> BAD_AUTH   failed(peer's message, false)
 *                           TO+/sReq  \--TO-> BAD_AUTH   failed("No response ...", true)
 * </pre>
 *
 * <p>Packets addressed to the other role (Authenticate-Request) are ignored without counting, so
 * the link may hand every PAP packet to both sides. Anything else not acted on is counted in
 * {@link #discarded()}.
 */
public final class PapAuthenticatee implements AuthSide {

    /** After pppd's {@code UPAPCS_*}. */
    public enum State { INITIAL, AUTH_REQ, OPEN, BAD_AUTH }

    static final String TIMEOUT_MESSAGE = "No response to PAP Authenticate-Requests";
    static final String EMPTY_NAK_MESSAGE = "PAP Authenticate-Nak without a message";

    private final Octets user;
    private final Octets password;
    private final AuthConfig config;
    private final AuthOutput output;

    private State state = State.INITIAL;
    private int lastId;                                  // pppd: ++us_id, so the first id is 1
    private final boolean[] sentIds = new boolean[256];
    private int transmits;
    private long deadline = Long.MAX_VALUE;
    private long discarded;

    public PapAuthenticatee(Credentials credentials, AuthConfig config, AuthOutput output) {
        Objects.requireNonNull(credentials, "credentials");
        this.user = Octets.utf8(credentials.user());
        this.password = Octets.utf8(credentials.password());
        this.config = Objects.requireNonNull(config, "config");
        this.output = Objects.requireNonNull(output, "output");
    }

    @Override
    public void start(long now) {
        if (state != State.INITIAL) {
            throw new IllegalStateException("PAP authenticatee already started");
        }
        sendRequest(now);
    }

    @Override
    public void receive(byte[] packet, int off, int len, long now) {
        var decoded = PapPacket.decode(packet, off, len);
        if (decoded.isEmpty()) {
            discarded++;
            return;
        }
        switch (decoded.get()) {
            case PapPacket.AuthenticateRequest ignored -> {
                // the other role's packet
            }
            case PapPacket.AuthenticateAck ack when expecting(ack.id()) -> {
                finish(State.OPEN);
                output.succeeded("", ack.message().utf8());
            }
            case PapPacket.AuthenticateNak nak when expecting(nak.id()) -> {
                finish(State.BAD_AUTH);
                String message = nak.message().utf8();
                output.failed(message.isEmpty() ? EMPTY_NAK_MESSAGE : message, false);
            }
            default -> discarded++; // unknown code, a reply out of state, or to an id we never sent
        }
    }

    /**
     * RFC 1334 §2.2.2: the reply's Identifier is copied from the Request that caused it. Every
     * retransmission has a new id, so a slow reply to an earlier one is as good as any.
     */
    private boolean expecting(int id) {
        return state == State.AUTH_REQ && sentIds[id];
    }

    @Override
    public void onTimeout(long now) {
        if (state != State.AUTH_REQ || now < deadline) {
            return;
        }
        if (transmits >= config.maxRequests()) {
            finish(State.BAD_AUTH);
            output.failed(TIMEOUT_MESSAGE, true);
            return;
        }
        sendRequest(now);
    }

    private void sendRequest(long now) {
        // RFC 1334 §2.2.1: the Identifier MUST be changed each time an Authenticate-Request is issued
        lastId = (lastId + 1) & 0xff;
        sentIds[lastId] = true;
        transmits++;
        state = State.AUTH_REQ;
        deadline = Wire.deadline(now, config.restartIntervalNanos());
        output.send(new PapPacket.AuthenticateRequest(lastId, user, password).encode());
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

    /** Authenticate-Requests sent so far, retransmissions included. */
    public int transmits() {
        return transmits;
    }

    /** Packets dropped as malformed, unknown or unexpected. */
    public long discarded() {
        return discarded;
    }

    @Override
    public String toString() {
        return "PapAuthenticatee[state=" + state + ", transmits=" + transmits + ", discarded=" + discarded + "]";
    }
}
