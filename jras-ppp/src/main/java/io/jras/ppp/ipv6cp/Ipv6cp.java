package io.jras.ppp.ipv6cp;

import io.jras.ppp.Protocol;
import io.jras.ppp.fsm.ControlProtocol;
import io.jras.ppp.fsm.FsmConfig;
import io.jras.ppp.fsm.LayerListener;
import io.jras.ppp.fsm.OptionNegotiationAutomaton;
import io.jras.ppp.fsm.Options;
import io.jras.ppp.fsm.PacketSink;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The IPv6 Control Protocol (RFC 5072): negotiates the 64-bit Interface-Identifiers of both ends;
 * IPv6-Compression-Protocol is always rejected.
 *
 * <p>IPV6CP is optional for the link: a peer that ignores it (slirp) only makes this automaton
 * time out, while IPCP carries the connection.
 */
public final class Ipv6cp implements ControlProtocol {

    static final int INTERFACE_IDENTIFIER = 1;
    static final int COMPRESSION = 2;

    private final LayerListener listener;
    private final RandomGenerator random;
    private final OptionNegotiationAutomaton automaton;

    private boolean reqIdentifier;
    private long identifier;
    private long localIdentifier;
    private long remoteIdentifier;
    private long peerIdentifier;

    public Ipv6cp(FsmConfig fsmConfig, PacketSink sink, LayerListener listener, RandomGenerator random,
                  Consumer<String> trace) {
        this.listener = listener;
        this.random = random;
        this.automaton = new OptionNegotiationAutomaton(this, sink, fsmConfig, trace);
        resetOptions();
    }

    public OptionNegotiationAutomaton automaton() {
        return automaton;
    }

    @Override
    public Protocol protocol() {
        return Protocol.IPV6CP;
    }

    /** Our Interface-Identifier as acked by the peer; 0 until IPV6CP opens. */
    public long localIdentifier() {
        return localIdentifier;
    }

    public long remoteIdentifier() {
        return remoteIdentifier;
    }

    @Override
    public void resetOptions() {
        reqIdentifier = true;
        identifier = newIdentifier(0);
    }

    @Override
    public byte[] buildConfigureRequest() {
        Options.Writer w = new Options.Writer();
        if (reqIdentifier) {
            w.bytes(INTERFACE_IDENTIFIER, toBytes(identifier));
        }
        return w.toByteArray();
    }

    @Override
    public void onConfigureAck(byte[] options, int off, int len) {
        localIdentifier = reqIdentifier ? identifier : 0;
    }

    @Override
    public boolean onConfigureNak(byte[] options, int off, int len) {
        Options.Reader r = new Options.Reader(options, off, len);
        while (r.next()) {
            if (r.type() == INTERFACE_IDENTIFIER) {
                if (r.length() != 10) {
                    return false;
                }
                long suggested = readLong(r);
                // RFC 5072 §4.1: take the suggestion unless it is zero or the peer's own.
                identifier = suggested != 0 && suggested != peerIdentifier ? suggested : newIdentifier(suggested);
            }
        }
        return !r.malformed();
    }

    @Override
    public boolean onConfigureReject(byte[] options, int off, int len) {
        Options.Reader r = new Options.Reader(options, off, len);
        while (r.next()) {
            if (r.type() != INTERFACE_IDENTIFIER) {
                return false;
            }
            reqIdentifier = false;
        }
        return !r.malformed();
    }

    @Override
    public Verdict evaluatePeerRequest(byte[] options, int off, int len, boolean rejectInsteadOfNak) {
        Options.Reader r = new Options.Reader(options, off, len);
        Options.ReplyBuilder reply = new Options.ReplyBuilder(rejectInsteadOfNak);
        long proposed = 0;
        while (r.next()) {
            if (r.type() == INTERFACE_IDENTIFIER && r.length() == 10) {
                long value = readLong(r);
                if (value == 0 || (reqIdentifier && value == identifier)) {
                    // RFC 5072 §4.1: zero or a collision with ours is Nak'ed with a fresh identifier.
                    if (value != 0) {
                        identifier = newIdentifier(value);
                    }
                    reply.nak(r, new Options.Writer().bytes(INTERFACE_IDENTIFIER, toBytes(newIdentifier(identifier))).toByteArray());
                } else {
                    proposed = value;
                }
            } else {
                reply.reject(r); // IPv6-Compression-Protocol and anything unknown
            }
        }
        if (r.malformed()) {
            reply.rejectMalformedTail(r);
        }
        Verdict v = reply.verdict(options, off, len);
        if (v.acceptable()) {
            peerIdentifier = proposed;
        }
        return v;
    }

    @Override
    public void thisLayerUp(long now) {
        remoteIdentifier = peerIdentifier;
        listener.layerUp(this, now);
    }

    @Override
    public void thisLayerDown(long now) {
        listener.layerDown(this, now);
    }

    @Override
    public void thisLayerStarted(long now) {
    }

    @Override
    public void thisLayerFinished(long now) {
        listener.layerFinished(this, now);
    }

    private long newIdentifier(long avoid) {
        long id;
        do {
            id = random.nextLong();
        } while (id == 0 || id == avoid);
        return id;
    }

    private static long readLong(Options.Reader r) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | r.u8(i);
        }
        return v;
    }

    static byte[] toBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }

    /** An Interface-Identifier in the usual IPv6 notation, e.g. "a1b2:c3d4:e5f6:0789". */
    public static String format(long id) {
        return String.format("%04x:%04x:%04x:%04x", (id >>> 48) & 0xffff, (id >>> 32) & 0xffff,
                (id >>> 16) & 0xffff, id & 0xffff);
    }
}
