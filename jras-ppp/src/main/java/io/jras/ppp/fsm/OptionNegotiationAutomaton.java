package io.jras.ppp.fsm;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The RFC 1661 §4 option-negotiation automaton, written once and shared by LCP, IPCP and IPV6CP.
 *
 * <p>Rules of this file:
 * <ul>
 *   <li>All transitions live here, one {@code switch} per event, in the order of the RFC's
 *       §4.1 state-transition table; each case carries the table cell as a comment.</li>
 *   <li>Every state change goes through {@link #transition(State)}, which traces it.</li>
 *   <li>This class does not know LCP from IPCP: options and layer actions (tlu, tld, tls, tlf)
 *       are the {@link ControlProtocol}'s.</li>
 *   <li>Bad packets from the peer are counted and dropped, never thrown.</li>
 *   <li>Time is an input: the Restart timer is the {@link #nextDeadline()} field, and the caller
 *       calls {@link #onTimeout(long)} once it has passed.</li>
 * </ul>
 */
public final class OptionNegotiationAutomaton {

    /** Why the automaton last reached tlf, for the link to map onto a failure. */
    public enum FinishCause {
        NONE,
        /** TO-: Configure-Requests or Terminate-Requests went unanswered. */
        TIMEOUT,
        /** The peer kept Nak'ing our requests without converging. */
        NOT_CONVERGING,
        /** The peer sent a Terminate-Request. */
        PEER_TERMINATED,
        /** RXJ-: the peer rejected something this layer cannot live without. */
        REJECTED,
        /** We asked to close (Close event). */
        CLOSED
    }

    private final ControlProtocol protocol;
    private final PacketSink sink;
    private final FsmConfig config;
    private final long restartNanos;
    private final Consumer<String> trace;

    private State state = State.INITIAL;
    private int restartCount;
    private long deadline = Long.MAX_VALUE;
    /** Configure-Naks we sent since the last Ack we sent; at Max-Failure Naks become Rejects. */
    private int naksSent;
    /** Configure-Naks we received since our last request was acked. */
    private int naksReceived;
    private int nextId = 1;

    private int requestId = -1;
    private byte[] requestOptions;
    private byte[] terminateData = new byte[0];

    // The packet being processed, for the sca/scn/sta/scj actions.
    private int rxId;
    private Verdict rxVerdict;
    private byte[] rxPacket;
    private byte[] rxOptions;

    private FinishCause finishCause = FinishCause.NONE;
    private String peerTerminateReason = "";
    private boolean peerTerminateSeen;
    private long discarded;
    private long timeouts;

    private record Verdict(int code, byte[] options) {
    }

    public OptionNegotiationAutomaton(ControlProtocol protocol, PacketSink sink, FsmConfig config,
                                      Consumer<String> trace) {
        this.protocol = protocol;
        this.sink = sink;
        this.config = config;
        this.restartNanos = config.restartTimer().toNanos();
        this.trace = trace == null ? s -> { } : trace;
    }

    public State state() {
        return state;
    }

    /** When the Restart timer fires, or {@link Long#MAX_VALUE} if it is not running. */
    public long nextDeadline() {
        return deadline;
    }

    public FinishCause finishCause() {
        return finishCause;
    }

    /** The text of the peer's last Terminate-Request (RFC 1661 §5.5 Data), or "". */
    public String peerTerminateReason() {
        return peerTerminateReason;
    }

    /** True once the peer sent a Terminate-Request (its reason may be empty). */
    public boolean peerTerminateSeen() {
        return peerTerminateSeen;
    }

    /** Packets dropped as malformed or unexpected. */
    public long discarded() {
        return discarded;
    }

    /** Restart-timer expiries so far (TO+ and TO-). */
    public long timeouts() {
        return timeouts;
    }

    public int restartCount() {
        return restartCount;
    }

    /** For the state-table test: reach TO- (counter 0) or TO+ from any timer state directly. */
    void setRestartCountForTest(int count) {
        restartCount = count;
    }

    // ---------------------------------------------------------------- events from the layers

    /** Up: the lower layer is ready to carry packets. */
    public void up(long now) {
        switch (state) {
            case INITIAL -> transition(State.CLOSED); // 2
            case STARTING -> { // irc,scr/6
                ircConfigure();
                scr(now);
                transition(State.REQ_SENT);
            }
            default -> illegal("Up");
        }
    }

    /** Down: the lower layer is no longer ready. */
    public void down(long now) {
        switch (state) {
            case CLOSED, CLOSING -> transition(State.INITIAL); // 0
            case STOPPED -> { // tls/1
                transition(State.STARTING);
                protocol.thisLayerStarted(now);
            }
            case STOPPING, REQ_SENT, ACK_RCVD, ACK_SENT -> transition(State.STARTING); // 1
            case OPENED -> { // tld/1
                transition(State.STARTING);
                protocol.thisLayerDown(now);
            }
            default -> illegal("Down");
        }
    }

    /** Open: the administrator wants this layer up. */
    public void open(long now) {
        switch (state) {
            case INITIAL -> { // tls/1
                transition(State.STARTING);
                protocol.thisLayerStarted(now);
            }
            case STARTING, STOPPED, REQ_SENT, ACK_RCVD, ACK_SENT, OPENED -> { } // 1, 3, 6, 7, 8, 9 (no restart option)
            case CLOSED -> { // irc,scr/6
                ircConfigure();
                scr(now);
                transition(State.REQ_SENT);
            }
            case CLOSING, STOPPING -> transition(State.STOPPING); // 5
        }
    }

    /** Close: the administrator wants this layer down; {@code reason} goes into the Terminate-Request. */
    public void close(String reason, long now) {
        terminateData = reason == null ? new byte[0] : reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        switch (state) {
            case INITIAL -> { } // 0
            case STARTING -> { // tlf/0
                transition(State.INITIAL);
                finish(FinishCause.CLOSED, now);
            }
            case CLOSED, STOPPED -> transition(State.CLOSED); // 2
            case CLOSING, STOPPING -> transition(State.CLOSING); // 4
            case REQ_SENT, ACK_RCVD, ACK_SENT -> { // irc,str/4
                finishCause = FinishCause.CLOSED;
                ircTerminate();
                str(now);
                transition(State.CLOSING);
            }
            case OPENED -> { // tld,irc,str/4
                finishCause = FinishCause.CLOSED;
                transition(State.CLOSING);
                protocol.thisLayerDown(now);
                ircTerminate();
                str(now);
            }
        }
    }

    /** The caller's clock reached {@link #nextDeadline()}: TO+ or TO-. */
    public void onTimeout(long now) {
        if (now < deadline || !state.restartTimerRuns()) {
            return;
        }
        deadline = Long.MAX_VALUE;
        timeouts++;
        if (restartCount > 0) {
            timeoutRetry(now);
        } else {
            timeoutGiveUp(now, FinishCause.TIMEOUT);
        }
    }

    /** TO+: the Restart timer expired with the counter above zero. */
    private void timeoutRetry(long now) {
        switch (state) {
            case CLOSING, STOPPING -> str(now); // str/4, str/5
            case REQ_SENT, ACK_RCVD -> { // scr/6
                scr(now);
                transition(State.REQ_SENT);
            }
            case ACK_SENT -> scr(now); // scr/8
            default -> { }
        }
    }

    /** TO-: the Restart timer expired with the counter at zero. */
    private void timeoutGiveUp(long now, FinishCause cause) {
        switch (state) {
            case CLOSING -> { // tlf/2
                transition(State.CLOSED);
                finish(finishCause == FinishCause.NONE ? FinishCause.CLOSED : finishCause, now);
            }
            case STOPPING -> { // tlf/3
                transition(State.STOPPED);
                finish(finishCause == FinishCause.NONE ? FinishCause.PEER_TERMINATED : finishCause, now);
            }
            case REQ_SENT, ACK_RCVD, ACK_SENT -> { // tlf/3p
                transition(State.STOPPED);
                finish(cause, now);
            }
            default -> { }
        }
    }

    // ---------------------------------------------------------------- packets from the peer

    /** One received packet of this protocol: Code, Identifier, Length, Data. Never throws. */
    public void receive(byte[] buf, int off, int len, long now) {
        if (len < 4) {
            discard("short packet");
            return;
        }
        int code = buf[off] & 0xff;
        int id = buf[off + 1] & 0xff;
        int length = ((buf[off + 2] & 0xff) << 8) | (buf[off + 3] & 0xff);
        if (length < 4 || length > len) {
            discard("bad length " + length);
            return;
        }
        if (state == State.INITIAL || state == State.STARTING) {
            discard(Code.name(code) + " while the lower layer is down");
            return;
        }
        int dataOff = off + 4;
        int dataLen = length - 4;
        rxId = id;
        switch (code) {
            case Code.CONFIGURE_REQUEST -> receiveConfigureRequest(buf, dataOff, dataLen, now);
            case Code.CONFIGURE_ACK -> receiveConfigureAck(id, buf, dataOff, dataLen, now);
            case Code.CONFIGURE_NAK, Code.CONFIGURE_REJECT -> receiveConfigureNakOrReject(code, id, buf, dataOff, dataLen, now);
            case Code.TERMINATE_REQUEST -> {
                peerTerminateReason = printable(buf, dataOff, dataLen);
                peerTerminateSeen = true;
                rtr(now);
            }
            case Code.TERMINATE_ACK -> rta(now);
            case Code.CODE_REJECT -> {
                // RFC 1661 §5.6: a reject of a code we need (1..7) is catastrophic.
                int rejected = dataLen >= 1 ? buf[dataOff] & 0xff : 0;
                if (rejected >= Code.CONFIGURE_REQUEST && rejected <= Code.CODE_REJECT) {
                    rxj(false, now);
                } else {
                    rxj(true, now);
                }
            }
            default -> {
                ControlProtocol.ExtraCode result = protocol.handleExtraCode(code, id, buf, dataOff, dataLen, now);
                switch (result) {
                    case HANDLED -> { }
                    case UNKNOWN -> {
                        rxPacket = Arrays.copyOfRange(buf, off, off + length);
                        ruc(now);
                    }
                    case REJECT_PERMITTED -> rxj(true, now);
                    case REJECT_CATASTROPHIC -> rxj(false, now);
                }
            }
        }
    }

    private void receiveConfigureRequest(byte[] buf, int off, int len, long now) {
        switch (state) {
            case CLOSED -> sta(); // sta/2
            case CLOSING, STOPPING -> { } // 4, 5: ignored while terminating
            default -> {
                if (state == State.STOPPED || state == State.OPENED) {
                    // A fresh negotiation starts: the options we want go back to their configured values.
                    protocol.resetOptions();
                    naksSent = 0;
                }
                ControlProtocol.Verdict v = protocol.evaluatePeerRequest(buf, off, len, naksSent >= config.maxFailure());
                rxOptions = Arrays.copyOfRange(buf, off, off + len);
                rxVerdict = new Verdict(v.code(), v.options());
                if (v.acceptable()) {
                    rcrGood(now);
                } else {
                    rcrBad(now);
                }
            }
        }
    }

    private void receiveConfigureAck(int id, byte[] buf, int off, int len, long now) {
        switch (state) {
            case CLOSED, STOPPED -> sta(); // sta/2, sta/3
            case CLOSING, STOPPING -> { }
            default -> {
                // RFC 1661 §5.2: the Identifier must match the last request and the options must be
                // exactly those we sent, or the packet is invalid and silently discarded.
                if (requestOptions == null || id != requestId
                        || !Arrays.equals(requestOptions, 0, requestOptions.length, buf, off, off + len)) {
                    discard("ConfAck id=0x" + Integer.toHexString(id) + " does not match our request");
                    return;
                }
                naksReceived = 0;
                protocol.onConfigureAck(buf, off, len);
                rca(now);
            }
        }
    }

    private void receiveConfigureNakOrReject(int code, int id, byte[] buf, int off, int len, long now) {
        switch (state) {
            case CLOSED, STOPPED -> sta(); // sta/2, sta/3
            case CLOSING, STOPPING -> { }
            default -> {
                if (requestOptions == null || id != requestId) {
                    discard(Code.name(code) + " id=0x" + Integer.toHexString(id) + " does not match our request");
                    return;
                }
                boolean ok = code == Code.CONFIGURE_NAK
                        ? protocol.onConfigureNak(buf, off, len)
                        : protocol.onConfigureReject(buf, off, len);
                if (!ok) {
                    discard("malformed " + Code.name(code));
                    return;
                }
                if (code == Code.CONFIGURE_NAK && ++naksReceived > config.maxConfigure()) {
                    // The peer keeps Nak'ing without converging: give up as on TO-.
                    restartCount = 0;
                    timeoutGiveUp(now, FinishCause.NOT_CONVERGING);
                    return;
                }
                rcn(now);
            }
        }
    }

    /** RCR+: a good Configure-Request. */
    private void rcrGood(long now) {
        switch (state) {
            case STOPPED -> { // irc,scr,sca/8
                ircConfigure();
                scr(now);
                sca();
                transition(State.ACK_SENT);
            }
            case REQ_SENT, ACK_SENT -> { // sca/8
                sca();
                transition(State.ACK_SENT);
            }
            case ACK_RCVD -> { // sca,tlu/9
                sca();
                transition(State.OPENED);
                protocol.thisLayerUp(now);
            }
            case OPENED -> { // tld,scr,sca/8
                transition(State.ACK_SENT);
                protocol.thisLayerDown(now);
                scr(now);
                sca();
            }
            default -> { }
        }
    }

    /** RCR-: a Configure-Request we Nak or Reject. */
    private void rcrBad(long now) {
        switch (state) {
            case STOPPED -> { // irc,scr,scn/6
                ircConfigure();
                scr(now);
                scn();
                transition(State.REQ_SENT);
            }
            case REQ_SENT, ACK_SENT -> { // scn/6
                scn();
                transition(State.REQ_SENT);
            }
            case ACK_RCVD -> scn(); // scn/7
            case OPENED -> { // tld,scr,scn/6
                transition(State.REQ_SENT);
                protocol.thisLayerDown(now);
                scr(now);
                scn();
            }
            default -> { }
        }
    }

    /** RCA: a valid Configure-Ack. */
    private void rca(long now) {
        switch (state) {
            case REQ_SENT -> { // irc/7
                ircConfigure();
                transition(State.ACK_RCVD); // the Restart timer keeps running: we await the peer's request
            }
            case ACK_RCVD -> { // scr/6x (crossed connection)
                scr(now);
                transition(State.REQ_SENT);
            }
            case ACK_SENT -> { // irc,tlu/9
                ircConfigure();
                transition(State.OPENED);
                protocol.thisLayerUp(now);
            }
            case OPENED -> { // tld,scr/6x
                transition(State.REQ_SENT);
                protocol.thisLayerDown(now);
                scr(now);
            }
            default -> { }
        }
    }

    /** RCN: a valid Configure-Nak or Configure-Reject. */
    private void rcn(long now) {
        switch (state) {
            case REQ_SENT -> { // irc,scr/6
                ircConfigure();
                scr(now);
            }
            case ACK_RCVD -> { // scr/6x
                scr(now);
                transition(State.REQ_SENT);
            }
            case ACK_SENT -> { // irc,scr/8
                ircConfigure();
                scr(now);
            }
            case OPENED -> { // tld,scr/6x
                transition(State.REQ_SENT);
                protocol.thisLayerDown(now);
                scr(now);
            }
            default -> { }
        }
    }

    /** RTR: a Terminate-Request. */
    private void rtr(long now) {
        switch (state) {
            case CLOSED, STOPPED, CLOSING, STOPPING -> sta(); // sta/2, sta/3, sta/4, sta/5
            case REQ_SENT, ACK_RCVD, ACK_SENT -> { // sta/6
                sta();
                transition(State.REQ_SENT);
            }
            case OPENED -> { // tld,zrc,sta/5
                finishCause = FinishCause.PEER_TERMINATED;
                transition(State.STOPPING);
                protocol.thisLayerDown(now);
                zrc(now);
                sta();
            }
            default -> { }
        }
    }

    /** RTA: a Terminate-Ack. */
    private void rta(long now) {
        switch (state) {
            case CLOSING -> { // tlf/2
                transition(State.CLOSED);
                finish(FinishCause.CLOSED, now);
            }
            case STOPPING -> { // tlf/3
                transition(State.STOPPED);
                finish(finishCause == FinishCause.NONE ? FinishCause.PEER_TERMINATED : finishCause, now);
            }
            case ACK_RCVD -> transition(State.REQ_SENT); // 6
            case OPENED -> { // tld,scr/6
                transition(State.REQ_SENT);
                protocol.thisLayerDown(now);
                scr(now);
            }
            default -> { } // 2, 3, 6, 8: no change
        }
    }

    /** RUC: a packet with an unknown code. */
    private void ruc(long now) {
        scj(); // scj in every state where packets arrive; no state change
    }

    /** RXJ+ (permitted) or RXJ- (catastrophic): a Code-Reject or Protocol-Reject. */
    private void rxj(boolean permitted, long now) {
        if (permitted) {
            // RFC 1661 §4.1 RXJ+: no state change except Ack-Rcvd, which the table keeps at 6.
            if (state == State.ACK_RCVD) {
                transition(State.REQ_SENT);
            }
            return;
        }
        switch (state) {
            case CLOSED, CLOSING -> { // tlf/2
                transition(State.CLOSED);
                finish(FinishCause.REJECTED, now);
            }
            case STOPPED, STOPPING, REQ_SENT, ACK_RCVD, ACK_SENT -> { // tlf/3
                transition(State.STOPPED);
                finish(FinishCause.REJECTED, now);
            }
            case OPENED -> { // tld,irc,str/5
                finishCause = FinishCause.REJECTED;
                transition(State.STOPPING);
                protocol.thisLayerDown(now);
                ircTerminate();
                str(now);
            }
            default -> { }
        }
    }

    /**
     * LCP received a Protocol-Reject for this protocol (RFC 1661 §5.7): for this layer that is a
     * catastrophic reject, RXJ-.
     */
    public void protocolRejected(long now) {
        if (state != State.INITIAL && state != State.STARTING) {
            rxj(false, now);
        }
    }

    // ---------------------------------------------------------------- actions

    /** irc (Initialize-Restart-Count) before a Configure-Request: Max-Configure. */
    private void ircConfigure() {
        restartCount = config.maxConfigure();
    }

    /** irc (Initialize-Restart-Count) before a Terminate-Request: Max-Terminate. */
    private void ircTerminate() {
        restartCount = config.maxTerminate();
    }

    /** zrc (Zero-Restart-Count): wait one Restart interval, then give up (TO-). */
    private void zrc(long now) {
        restartCount = 0;
        deadline = now + restartNanos;
    }

    /**
     * scr (Send-Configure-Request). Every request, retransmissions too, gets a new Identifier
     * (RFC 1661 §5.1 allows either), so a late reply to an earlier copy cannot pass for a reply to
     * this one and trigger the crossed-connection cells of the table.
     */
    private void scr(long now) {
        if (state != State.REQ_SENT && state != State.ACK_RCVD && state != State.ACK_SENT) {
            // A negotiation starts afresh: back to the options we want.
            protocol.resetOptions();
            naksSent = 0;
            naksReceived = 0;
            finishCause = FinishCause.NONE;
        }
        requestOptions = protocol.buildConfigureRequest();
        requestId = takeId();
        sink.send(protocol.protocol(), packet(Code.CONFIGURE_REQUEST, requestId, requestOptions));
        restartCount--;
        deadline = now + restartNanos;
    }

    /** sca (Send-Configure-Ack): echo the peer's options. */
    private void sca() {
        naksSent = 0;
        sink.send(protocol.protocol(), packet(Code.CONFIGURE_ACK, rxId, rxOptions));
    }

    /** scn (Send-Configure-Nak/Rej). */
    private void scn() {
        if (rxVerdict.code() == Code.CONFIGURE_NAK) {
            naksSent++;
        }
        sink.send(protocol.protocol(), packet(rxVerdict.code(), rxId, rxVerdict.options()));
    }

    /** str (Send-Terminate-Request). */
    private void str(long now) {
        sink.send(protocol.protocol(), packet(Code.TERMINATE_REQUEST, takeId(), terminateData));
        restartCount--;
        deadline = now + restartNanos;
    }

    /** sta (Send-Terminate-Ack). */
    private void sta() {
        sink.send(protocol.protocol(), packet(Code.TERMINATE_ACK, rxId, new byte[0]));
    }

    /** scj (Send-Code-Reject): the rejected packet goes back whole. */
    private void scj() {
        sink.send(protocol.protocol(), packet(Code.CODE_REJECT, takeId(), rxPacket));
    }

    private void finish(FinishCause cause, long now) {
        finishCause = cause;
        protocol.thisLayerFinished(now);
    }

    /** The one place where the state changes. */
    private void transition(State to) {
        if (to == state) {
            return;
        }
        trace.accept(protocol.name() + ": " + state.rfcName() + " -> " + to.rfcName());
        state = to;
        if (!to.restartTimerRuns()) {
            deadline = Long.MAX_VALUE;
        }
    }

    private int takeId() {
        int id = nextId;
        nextId = (nextId + 1) & 0xff;
        return id;
    }

    private void discard(String why) {
        discarded++;
        trace.accept(protocol.name() + ": discarded " + why);
    }

    private void illegal(String event) {
        // Our own misuse (e.g. Up twice), not the peer's: fail fast.
        throw new IllegalStateException(protocol.name() + ": " + event + " event in state " + state.rfcName());
    }

    /** A control packet: Code, Identifier, Length, Data (RFC 1661 §5). */
    public static byte[] packet(int code, int id, byte[] data) {
        byte[] p = new byte[4 + data.length];
        p[0] = (byte) code;
        p[1] = (byte) id;
        p[2] = (byte) (p.length >>> 8);
        p[3] = (byte) p.length;
        System.arraycopy(data, 0, p, 4, data.length);
        return p;
    }

    /** Text from the peer, made safe to log: printable ASCII kept, the rest as '.'. */
    public static String printable(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = off; i < off + len; i++) {
            int c = b[i] & 0xff;
            sb.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
        }
        return sb.toString();
    }
}
