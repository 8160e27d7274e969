package io.jras.ppp.lcp;

import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Protocol;
import io.jras.ppp.fsm.Code;
import io.jras.ppp.fsm.ControlProtocol;
import io.jras.ppp.fsm.FsmConfig;
import io.jras.ppp.fsm.OptionNegotiationAutomaton;
import io.jras.ppp.fsm.Options;
import io.jras.ppp.fsm.PacketSink;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The Link Control Protocol (RFC 1661 §5-§6): its options, and its extra codes (Protocol-Reject,
 * Echo, Discard) and keepalive. The automaton does the rest.
 *
 * <p>Option sets, after pppd: {@code config} holds what we want and allow; the {@code req*} fields
 * are what we currently request (changed by the peer's Naks and Rejects); {@link #ours()} is what
 * the peer acked, and {@link #his()} what we acked of the peer's request.
 */
public final class Lcp implements ControlProtocol {

    // RFC 1661 §6 and RFC 1570 option types.
    static final int MRU = 1;
    static final int ACCM = 2;
    static final int AUTH = 3;
    static final int QUALITY = 4;
    static final int MAGIC = 5;
    static final int PFC = 7;
    static final int ACFC = 8;

    private final LcpConfig config;
    private final LcpListener listener;
    private final PacketSink sink;
    private final RandomGenerator random;
    private final OptionNegotiationAutomaton automaton;
    private final long echoIntervalNanos;

    // What we request now.
    private boolean reqMru;
    private int mru;
    private boolean reqAccm;
    private int accm;
    private final List<AuthProtocol> authCandidates = new ArrayList<>();
    private boolean reqMagic;
    private int magic;
    private boolean reqPfc;
    private boolean reqAcfc;

    private LcpOptions ours = LcpOptions.DEFAULTS;
    private LcpOptions his = LcpOptions.DEFAULTS;
    private int loopbackHits;

    // Keepalive.
    private long echoDeadline = Long.MAX_VALUE;
    private int echoOutstanding;
    private int echoId;

    public Lcp(LcpConfig config, FsmConfig fsmConfig, PacketSink sink, LcpListener listener,
               RandomGenerator random, Consumer<String> trace) {
        this.config = config;
        this.sink = sink;
        this.listener = listener;
        this.random = random;
        this.echoIntervalNanos = config.echoInterval().toNanos();
        this.automaton = new OptionNegotiationAutomaton(this, sink, fsmConfig, trace);
        resetOptions();
    }

    public OptionNegotiationAutomaton automaton() {
        return automaton;
    }

    /** The options the peer acked for the direction towards us. */
    public LcpOptions ours() {
        return ours;
    }

    /** The options we acked for the direction towards the peer. */
    public LcpOptions his() {
        return his;
    }

    @Override
    public Protocol protocol() {
        return Protocol.LCP;
    }

    // ---------------------------------------------------------------- our request

    @Override
    public void resetOptions() {
        reqMru = config.mru() != LcpConfig.DEFAULT_MRU;
        mru = config.mru();
        reqAccm = config.requestAccm();
        accm = 0;
        authCandidates.clear();
        authCandidates.addAll(config.requireAuth());
        reqMagic = config.useMagic();
        magic = newMagic(0);
        reqPfc = config.requestPfc();
        reqAcfc = config.requestAcfc();
        ours = LcpOptions.DEFAULTS;
        his = LcpOptions.DEFAULTS;
    }

    @Override
    public byte[] buildConfigureRequest() {
        Options.Writer w = new Options.Writer();
        if (reqMru) {
            w.u16(MRU, mru);
        }
        if (reqAccm) {
            w.u32(ACCM, accm);
        }
        if (!authCandidates.isEmpty()) {
            w.bytes(AUTH, authCandidates.getFirst().optionData());
        }
        if (reqMagic) {
            w.u32(MAGIC, magic);
        }
        if (reqPfc) {
            w.empty(PFC);
        }
        if (reqAcfc) {
            w.empty(ACFC);
        }
        return w.toByteArray();
    }

    @Override
    public void onConfigureAck(byte[] options, int off, int len) {
        ours = new LcpOptions(reqMru ? mru : LcpConfig.DEFAULT_MRU,
                reqAccm ? accm : 0xffffffff,
                authCandidates.isEmpty() ? null : authCandidates.getFirst(),
                reqMagic ? magic : 0, reqPfc, reqAcfc);
    }

    @Override
    public boolean onConfigureNak(byte[] options, int off, int len) {
        Options.Reader r = new Options.Reader(options, off, len);
        while (r.next()) {
            switch (r.type()) {
                case MRU -> {
                    if (r.length() != 4) {
                        return false;
                    }
                    int suggested = r.u16(0);
                    // RFC 1661 §6.1: take a smaller MRU the peer suggests; past 1500 we keep the default.
                    if (suggested >= LcpConfig.MIN_MRU && suggested <= LcpConfig.DEFAULT_MRU) {
                        mru = suggested;
                        reqMru = suggested != LcpConfig.DEFAULT_MRU;
                    } else {
                        reqMru = false;
                        mru = LcpConfig.DEFAULT_MRU;
                    }
                }
                case ACCM -> {
                    if (r.length() != 6) {
                        return false;
                    }
                    // RFC 1662 §7.1: the peer may need more characters escaped; add its bits to ours.
                    accm |= r.u32(0);
                    reqAccm = true;
                }
                case AUTH -> {
                    if (authCandidates.isEmpty()) {
                        continue; // we did not ask; a hint we ignore
                    }
                    AuthProtocol suggested = AuthProtocol.fromOption(options, r.dataOffset(), r.dataLength());
                    AuthProtocol current = authCandidates.removeFirst();
                    if (suggested != null && suggested != current && authCandidates.contains(suggested)) {
                        // Prefer the peer's choice among the ones we accept.
                        authCandidates.remove(suggested);
                        authCandidates.addFirst(suggested);
                    }
                    if (authCandidates.isEmpty()) {
                        listener.lcpFailure(LcpListener.LcpFailure.AUTH_REFUSED_BY_PEER);
                        authCandidates.add(current); // keep the option well-formed until we close
                    }
                }
                case MAGIC -> {
                    if (r.length() != 6) {
                        return false;
                    }
                    // RFC 1661 §6.4: a Nak'ed Magic-Number makes us pick another one.
                    magic = newMagic(r.u32(0));
                }
                default -> { } // PFC, ACFC and options we did not ask for: nothing to adopt
            }
        }
        return !r.malformed();
    }

    @Override
    public boolean onConfigureReject(byte[] options, int off, int len) {
        Options.Reader r = new Options.Reader(options, off, len);
        while (r.next()) {
            switch (r.type()) {
                case MRU -> reqMru = false;
                case ACCM -> reqAccm = false;
                case AUTH -> {
                    if (!authCandidates.isEmpty()) {
                        // RFC 1661 §6.2: a peer that will not authenticate cannot be let in.
                        listener.lcpFailure(LcpListener.LcpFailure.AUTH_REFUSED_BY_PEER);
                    }
                }
                case MAGIC -> reqMagic = false;
                case PFC -> reqPfc = false;
                case ACFC -> reqAcfc = false;
                default -> {
                    return false; // RFC 1661 §5.4: a Reject must name options we sent
                }
            }
        }
        return !r.malformed();
    }

    // ---------------------------------------------------------------- the peer's request

    @Override
    public Verdict evaluatePeerRequest(byte[] options, int off, int len, boolean rejectInsteadOfNak) {
        Options.Reader r = new Options.Reader(options, off, len);
        Options.ReplyBuilder reply = new Options.ReplyBuilder(rejectInsteadOfNak);
        int hisMru = LcpConfig.DEFAULT_MRU;
        int hisAccm = 0xffffffff;
        AuthProtocol hisAuth = null;
        int hisMagic = 0;
        boolean hisPfc = false;
        boolean hisAcfc = false;
        while (r.next()) {
            switch (r.type()) {
                case MRU -> {
                    if (r.length() != 4) {
                        reply.reject(r);
                    } else if (r.u16(0) < LcpConfig.MIN_MRU) {
                        reply.nak(r, new Options.Writer().u16(MRU, LcpConfig.MIN_MRU).toByteArray());
                    } else {
                        hisMru = r.u16(0);
                    }
                }
                case ACCM -> {
                    if (r.length() != 6) {
                        reply.reject(r);
                    } else {
                        hisAccm = r.u32(0);
                    }
                }
                case AUTH -> {
                    AuthProtocol asked = AuthProtocol.fromOption(options, r.dataOffset(), r.dataLength());
                    if (config.acceptAuth().isEmpty()) {
                        reply.reject(r); // we refuse to authenticate at all
                    } else if (asked != null && config.acceptAuth().contains(asked)) {
                        hisAuth = asked;
                    } else {
                        // RFC 1661 §6.2: Nak with the protocol we would rather use.
                        reply.nak(r, new Options.Writer().bytes(AUTH, preferredAcceptable().optionData()).toByteArray());
                    }
                }
                case MAGIC -> {
                    if (r.length() != 6) {
                        reply.reject(r);
                        break;
                    }
                    int value = r.u32(0);
                    if (value == 0) {
                        // RFC 1661 §6.4: zero is illegal and must be Nak'ed.
                        reply.nak(r, new Options.Writer().u32(MAGIC, newMagic(0)).toByteArray());
                    } else if (reqMagic && value == magic) {
                        // RFC 1661 §6.4: our own number came back; perhaps the line is looped.
                        if (++loopbackHits >= config.loopbackFailures()) {
                            listener.lcpFailure(LcpListener.LcpFailure.LOOPBACK);
                        }
                        reply.nak(r, new Options.Writer().u32(MAGIC, newMagic(value)).toByteArray());
                    } else {
                        hisMagic = value;
                    }
                }
                case PFC -> {
                    if (r.length() != 2) {
                        reply.reject(r);
                    } else {
                        hisPfc = true;
                    }
                }
                case ACFC -> {
                    if (r.length() != 2) {
                        reply.reject(r);
                    } else {
                        hisAcfc = true;
                    }
                }
                // Quality-Protocol, Callback, MRRU, Endpoint-Discriminator, FCS-Alternatives, ...
                default -> reply.reject(r);
            }
        }
        if (r.malformed()) {
            reply.rejectMalformedTail(r);
        }
        Verdict v = reply.verdict(options, off, len);
        if (v.acceptable()) {
            his = new LcpOptions(hisMru, hisAccm, hisAuth, hisMagic, hisPfc, hisAcfc);
            loopbackHits = 0;
        }
        return v;
    }

    private AuthProtocol preferredAcceptable() {
        for (AuthProtocol p : new AuthProtocol[] {AuthProtocol.MSCHAP_V2, AuthProtocol.CHAP_MD5, AuthProtocol.PAP}) {
            if (config.acceptAuth().contains(p)) {
                return p;
            }
        }
        throw new IllegalStateException("acceptAuth is empty");
    }

    private int newMagic(int avoid) {
        int m;
        do {
            m = random.nextInt();
        } while (m == 0 || m == avoid);
        return m;
    }

    // ---------------------------------------------------------------- extra codes and keepalive

    @Override
    public ExtraCode handleExtraCode(int code, int id, byte[] data, int off, int len, long now) {
        boolean opened = automaton.state() == io.jras.ppp.fsm.State.OPENED;
        switch (code) {
            case Code.PROTOCOL_REJECT -> {
                // RFC 1661 §5.7: only meaningful in Opened; elsewhere silently discarded.
                if (!opened || len < 2) {
                    return ExtraCode.HANDLED;
                }
                Protocol rejected = Protocol.of(((data[off] & 0xff) << 8) | (data[off + 1] & 0xff));
                if (rejected.equals(Protocol.LCP)) {
                    return ExtraCode.REJECT_CATASTROPHIC;
                }
                listener.protocolRejected(rejected, now);
                return ExtraCode.REJECT_PERMITTED;
            }
            case Code.ECHO_REQUEST -> {
                // RFC 1661 §5.8: answered in Opened only (RXR: ser), with our Magic-Number.
                if (opened && len >= 4) {
                    int peerMagic = u32(data, off);
                    if (ours.magic() != 0 && peerMagic == ours.magic()) {
                        loopbackEvidence(now);
                        return ExtraCode.HANDLED;
                    }
                    byte[] reply = new byte[len];
                    System.arraycopy(data, off, reply, 0, len);
                    putU32(reply, 0, ours.magic());
                    sink.send(Protocol.LCP, OptionNegotiationAutomaton.packet(Code.ECHO_REPLY, id, reply));
                }
                return ExtraCode.HANDLED;
            }
            case Code.ECHO_REPLY -> {
                if (opened && len >= 4 && ours.magic() != 0 && u32(data, off) == ours.magic()) {
                    loopbackEvidence(now);
                } else {
                    echoOutstanding = 0;
                }
                return ExtraCode.HANDLED;
            }
            case Code.DISCARD_REQUEST -> {
                return ExtraCode.HANDLED; // RFC 1661 §5.9: silently discarded
            }
            default -> {
                return ExtraCode.UNKNOWN;
            }
        }
    }

    private void loopbackEvidence(long now) {
        if (++loopbackHits >= config.loopbackFailures()) {
            listener.lcpFailure(LcpListener.LcpFailure.LOOPBACK);
        }
    }

    /** Earliest of the Restart timer and the keepalive timer. */
    public long nextDeadline() {
        return Math.min(automaton.nextDeadline(), echoDeadline);
    }

    public void onTimeout(long now) {
        automaton.onTimeout(now);
        if (now >= echoDeadline) {
            if (echoOutstanding >= config.echoFailure()) {
                echoDeadline = Long.MAX_VALUE;
                listener.lcpFailure(LcpListener.LcpFailure.PEER_DEAD);
                return;
            }
            byte[] magicBytes = new byte[4];
            putU32(magicBytes, 0, ours.magic());
            echoId = (echoId + 1) & 0xff;
            sink.send(Protocol.LCP, OptionNegotiationAutomaton.packet(Code.ECHO_REQUEST, echoId, magicBytes));
            echoOutstanding++;
            echoDeadline = now + echoIntervalNanos;
        }
    }

    /** Sends a Protocol-Reject for a packet of a protocol we do not run (RFC 1661 §5.7). */
    public void sendProtocolReject(int protocol, byte[] info, int off, int len, int maxLength) {
        if (automaton.state() != io.jras.ppp.fsm.State.OPENED) {
            return; // RFC 1661 §5.7: Protocol-Reject is sent only in Opened
        }
        int copy = Math.max(0, Math.min(len, maxLength - 6));
        byte[] data = new byte[2 + copy];
        data[0] = (byte) (protocol >>> 8);
        data[1] = (byte) protocol;
        System.arraycopy(info, off, data, 2, copy);
        echoId = (echoId + 1) & 0xff;
        sink.send(Protocol.LCP, OptionNegotiationAutomaton.packet(Code.PROTOCOL_REJECT, echoId, data));
    }

    // ---------------------------------------------------------------- layer actions

    @Override
    public void thisLayerUp(long now) {
        echoOutstanding = 0;
        echoDeadline = echoIntervalNanos > 0 ? now + echoIntervalNanos : Long.MAX_VALUE;
        listener.lcpUp(now);
    }

    @Override
    public void thisLayerDown(long now) {
        echoDeadline = Long.MAX_VALUE;
        listener.lcpDown(now);
    }

    @Override
    public void thisLayerStarted(long now) {
        listener.lcpStarted(now);
    }

    @Override
    public void thisLayerFinished(long now) {
        echoDeadline = Long.MAX_VALUE;
        listener.lcpFinished(now);
    }

    private static int u32(byte[] b, int o) {
        return ((b[o] & 0xff) << 24) | ((b[o + 1] & 0xff) << 16) | ((b[o + 2] & 0xff) << 8) | (b[o + 3] & 0xff);
    }

    private static void putU32(byte[] b, int o, int v) {
        b[o] = (byte) (v >>> 24);
        b[o + 1] = (byte) (v >>> 16);
        b[o + 2] = (byte) (v >>> 8);
        b[o + 3] = (byte) v;
    }
}
