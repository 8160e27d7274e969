package io.jras.ppp.fsm;

import io.jras.ppp.Protocol;

/**
 * What one control protocol (LCP, IPCP, IPV6CP) adds to the generic automaton: its options and
 * its layer callbacks (pppd's {@code fsm_callbacks}). The automaton owns states, counters, timers
 * and identifiers; an implementation never changes state itself.
 *
 * <p>Option bytes are handed over as (array, offset, length) views valid only during the call.
 */
public interface ControlProtocol {

    Protocol protocol();

    /** Short name for traces and logs, e.g. "LCP". */
    default String name() {
        return protocol().displayName();
    }

    /** Start a fresh negotiation: the options we want go back to their configured values. */
    void resetOptions();

    /** The Options field of our next Configure-Request. */
    byte[] buildConfigureRequest();

    /** The peer acknowledged our last request (the automaton checked the bytes match). */
    void onConfigureAck(byte[] options, int off, int len);

    /** The peer Nak'ed some options: adopt its hints where acceptable. False = malformed, discard. */
    boolean onConfigureNak(byte[] options, int off, int len);

    /** The peer rejected some options: stop requesting them. False = malformed or not a subset, discard. */
    boolean onConfigureReject(byte[] options, int off, int len);

    /**
     * Judge a Configure-Request from the peer.
     *
     * @param rejectInsteadOfNak true once Max-Failure Naks went unanswered (RFC 1661 §4.6): options
     *                           that would be Nak'ed must be Rejected instead
     */
    Verdict evaluatePeerRequest(byte[] options, int off, int len, boolean rejectInsteadOfNak);

    /**
     * A code beyond Configure/Terminate/Code-Reject arrived (LCP: Protocol-Reject, Echo, Discard).
     * The default knows none, so the automaton sends a Code-Reject (RUC).
     */
    default ExtraCode handleExtraCode(int code, int id, byte[] data, int off, int len, long now) {
        return ExtraCode.UNKNOWN;
    }

    /** tlu: the automaton entered Opened. */
    void thisLayerUp(long now);

    /** tld: the automaton left Opened. */
    void thisLayerDown(long now);

    /** tls: the automaton needs the lower layer (entered Starting). */
    void thisLayerStarted(long now);

    /** tlf: the automaton no longer needs the lower layer (entered Initial, Closed or Stopped). */
    void thisLayerFinished(long now);

    /** How a control protocol judged a peer's Configure-Request. */
    record Verdict(int code, byte[] options) {
        public Verdict {
            if (code != Code.CONFIGURE_ACK && code != Code.CONFIGURE_NAK && code != Code.CONFIGURE_REJECT) {
                throw new IllegalArgumentException("verdict code must be Ack, Nak or Reject: " + code);
            }
        }

        public boolean acceptable() {
            return code == Code.CONFIGURE_ACK;
        }
    }

    /** The automaton event an extra code amounts to. */
    enum ExtraCode {
        /** Handled in full by the protocol (Echo-Reply sent, Discard dropped, ...). */
        HANDLED,
        /** Not a code of this protocol: RUC, send a Code-Reject. */
        UNKNOWN,
        /** A reject of something optional: RXJ+. */
        REJECT_PERMITTED,
        /** A reject that makes this layer unusable: RXJ-. */
        REJECT_CATASTROPHIC
    }
}
