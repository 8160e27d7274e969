package io.jras.ppp.ipcp;

import io.jras.ppp.Protocol;
import io.jras.ppp.fsm.ControlProtocol;
import io.jras.ppp.fsm.FsmConfig;
import io.jras.ppp.fsm.LayerListener;
import io.jras.ppp.fsm.OptionNegotiationAutomaton;
import io.jras.ppp.fsm.Options;
import io.jras.ppp.fsm.PacketSink;
import java.util.function.Consumer;

/**
 * The IP Control Protocol (RFC 1332) with the DNS options of RFC 1877: addresses for both ends,
 * DNS servers, and no Van Jacobson compression (it is always rejected).
 */
public final class Ipcp implements ControlProtocol {

    static final int IP_ADDRESSES = 1; // RFC 1172, deprecated: rejected
    static final int IP_COMPRESSION = 2;
    static final int IP_ADDRESS = 3;
    static final int PRIMARY_DNS = 129;
    static final int PRIMARY_NBNS = 130;
    static final int SECONDARY_DNS = 131;
    static final int SECONDARY_NBNS = 132;

    private final IpcpConfig config;
    private final LayerListener listener;
    private final OptionNegotiationAutomaton automaton;

    // What we request now.
    private boolean reqAddress;
    private int address;
    private boolean reqPrimaryDns;
    private int primaryDns;
    private boolean reqSecondaryDns;
    private int secondaryDns;

    // What was agreed.
    private int localAddress;
    private int remoteAddress;
    private int ackedPrimaryDns;
    private int ackedSecondaryDns;
    private int peerAddress;
    /** The address the peer must use (authenticator role); starts as configured, may be reassigned. */
    private int assignedRemote;

    public Ipcp(IpcpConfig config, FsmConfig fsmConfig, PacketSink sink, LayerListener listener, Consumer<String> trace) {
        this.config = config;
        this.listener = listener;
        this.automaton = new OptionNegotiationAutomaton(this, sink, fsmConfig, trace);
        this.assignedRemote = config.remoteAddress();
        resetOptions();
    }

    /**
     * Assigns the peer's address from now on (an authenticator learns after authentication which
     * address a user may have, as pppd's secrets files say). Takes effect for the peer's next
     * Configure-Request.
     */
    public void assignRemote(int address) {
        assignedRemote = address;
    }

    public OptionNegotiationAutomaton automaton() {
        return automaton;
    }

    @Override
    public Protocol protocol() {
        return Protocol.IPCP;
    }

    /** Our address as acked by the peer; 0 until IPCP opens. */
    public int localAddress() {
        return localAddress;
    }

    /** The peer's address as we acked it; 0 until IPCP opens. */
    public int remoteAddress() {
        return remoteAddress;
    }

    public int primaryDns() {
        return ackedPrimaryDns;
    }

    public int secondaryDns() {
        return ackedSecondaryDns;
    }

    @Override
    public void resetOptions() {
        reqAddress = true;
        address = config.localAddress();
        reqPrimaryDns = config.requestDns();
        primaryDns = 0;
        reqSecondaryDns = config.requestDns();
        secondaryDns = 0;
    }

    @Override
    public byte[] buildConfigureRequest() {
        Options.Writer w = new Options.Writer();
        if (reqAddress) {
            w.u32(IP_ADDRESS, address);
        }
        if (reqPrimaryDns) {
            w.u32(PRIMARY_DNS, primaryDns);
        }
        if (reqSecondaryDns) {
            w.u32(SECONDARY_DNS, secondaryDns);
        }
        return w.toByteArray();
    }

    @Override
    public void onConfigureAck(byte[] options, int off, int len) {
        localAddress = reqAddress ? address : 0;
        ackedPrimaryDns = reqPrimaryDns ? primaryDns : 0;
        ackedSecondaryDns = reqSecondaryDns ? secondaryDns : 0;
    }

    @Override
    public boolean onConfigureNak(byte[] options, int off, int len) {
        Options.Reader r = new Options.Reader(options, off, len);
        while (r.next()) {
            if (r.length() != 6) {
                if (r.type() == IP_ADDRESS || r.type() == PRIMARY_DNS || r.type() == SECONDARY_DNS) {
                    return false;
                }
                continue;
            }
            int value = r.u32(0);
            switch (r.type()) {
                // RFC 1332 §3.3: the peer tells us which address to use. A fixed local address stays.
                case IP_ADDRESS -> {
                    if (config.localAddress() == 0 && value != 0) {
                        address = value;
                    }
                }
                case PRIMARY_DNS -> primaryDns = value; // RFC 1877 §1.1: Nak carries the server's DNS
                case SECONDARY_DNS -> secondaryDns = value;
                default -> { }
            }
        }
        return !r.malformed();
    }

    @Override
    public boolean onConfigureReject(byte[] options, int off, int len) {
        Options.Reader r = new Options.Reader(options, off, len);
        while (r.next()) {
            switch (r.type()) {
                case IP_ADDRESS -> reqAddress = false;
                case PRIMARY_DNS -> reqPrimaryDns = false;
                case SECONDARY_DNS -> reqSecondaryDns = false;
                default -> {
                    return false;
                }
            }
        }
        return !r.malformed();
    }

    @Override
    public Verdict evaluatePeerRequest(byte[] options, int off, int len, boolean rejectInsteadOfNak) {
        Options.Reader r = new Options.Reader(options, off, len);
        Options.ReplyBuilder reply = new Options.ReplyBuilder(rejectInsteadOfNak);
        int proposed = 0;
        boolean sawAddress = false;
        while (r.next()) {
            switch (r.type()) {
                case IP_ADDRESS -> {
                    if (r.length() != 6) {
                        reply.reject(r);
                        break;
                    }
                    sawAddress = true;
                    int value = r.u32(0);
                    int expected = assignedRemote;
                    if (expected != 0 && value != expected) {
                        // We assign the peer's address (authenticator role, from a pool).
                        reply.nak(r, new Options.Writer().u32(IP_ADDRESS, expected).toByteArray());
                    } else if (value == 0 || value == localAddressForCompare()) {
                        // RFC 1332 §3.3: 0.0.0.0 asks us to choose; slirp does this and must be Nak'ed.
                        reply.nak(r, new Options.Writer().u32(IP_ADDRESS, config.remoteHint()).toByteArray());
                    } else {
                        proposed = value;
                    }
                }
                case PRIMARY_DNS, SECONDARY_DNS -> {
                    int ours = r.type() == PRIMARY_DNS ? config.primaryDns() : config.secondaryDns();
                    if (r.length() != 6 || ours == 0) {
                        reply.reject(r);
                    } else if (r.u32(0) != ours) {
                        reply.nak(r, new Options.Writer().u32(r.type(), ours).toByteArray());
                    }
                }
                // VJ compression (we do not run it), IP-Addresses, NBNS and anything unknown.
                default -> reply.reject(r);
            }
        }
        if (r.malformed()) {
            reply.rejectMalformedTail(r);
        }
        if (!sawAddress && assignedRemote != 0) {
            // As pppd does: a peer that proposes no address is told the one we assigned.
            reply.suggest(new Options.Writer().u32(IP_ADDRESS, assignedRemote).toByteArray());
        }
        Verdict v = reply.verdict(options, off, len);
        if (v.acceptable()) {
            peerAddress = sawAddress ? proposed : assignedRemote;
        }
        return v;
    }

    private int localAddressForCompare() {
        return address == 0 ? -1 : address;
    }

    @Override
    public void thisLayerUp(long now) {
        remoteAddress = peerAddress;
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
}
