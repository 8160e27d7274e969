package io.jras.ppp;

import io.jras.ppp.auth.AuthOutput;
import io.jras.ppp.auth.AuthSide;
import io.jras.ppp.auth.Authenticator;
import io.jras.ppp.auth.PeerProof;
import io.jras.ppp.auth.PeerVerdict;
import io.jras.ppp.fsm.Code;
import io.jras.ppp.fsm.ControlProtocol;
import io.jras.ppp.fsm.LayerListener;
import io.jras.ppp.fsm.OptionNegotiationAutomaton;
import io.jras.ppp.fsm.State;
import io.jras.ppp.framing.FcsType;
import io.jras.ppp.framing.FramingStatistics;
import io.jras.ppp.framing.HdlcDecoder;
import io.jras.ppp.framing.HdlcEncoder;
import io.jras.ppp.framing.ReceiveConfig;
import io.jras.ppp.framing.TransmitConfig;
import io.jras.ppp.ipcp.Ipcp;
import io.jras.ppp.ipv6cp.Ipv6cp;
import io.jras.ppp.lcp.Lcp;
import io.jras.ppp.lcp.LcpListener;
import io.jras.ppp.lcp.LcpOptions;
import io.jras.ppp.trace.PacketPrinter;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One PPP link, sans-IO: line bytes and {@code now} in; line bytes, events and the next deadline out.
 * It owns the phases of RFC 1661 §3 (Dead, Establish, Authenticate, Network, Terminate), the demux
 * by protocol number, and the seam that pushes LCP's results down into the framer.
 *
 * <p>The driver loop is:
 * <pre>
 *   engine.open(now);
 *   loop:
 *     write every engine.pollTransmit() to the line;  handle every engine.pollEvent();
 *     wait for line bytes or engine.nextDeadline();
 *     engine.receive(bytes, now)  or  engine.handleTimeout(now)  or  engine.lowerDown(now)
 * </pre>
 * The engine is single-threaded and one-shot: once {@link PppEvent.LinkDown} is out, it is finished.
 * Time is an opaque monotonic nanosecond count (System.nanoTime() or a test's fake clock).
 * Bad bytes from the peer are counted and dropped; only misuse by the caller throws.
 */
public final class PppEngine implements LcpListener, LayerListener {

    private final PppConfig config;
    private final HdlcEncoder encoder = new HdlcEncoder();
    private final HdlcDecoder decoder = new HdlcDecoder();
    private final Lcp lcp;
    private final Ipcp ipcp;
    private final Ipv6cp ipv6cp;

    private final ArrayDeque<byte[]> transmit = new ArrayDeque<>();
    private final ArrayDeque<PppEvent> events = new ArrayDeque<>();
    /** Grows to the largest frame sent; control packets alone keep it small (memory per idle link). */
    private byte[] scratch = new byte[HdlcEncoder.maxEncodedSize(128)];

    private Phase phase = Phase.DEAD;
    private boolean opened;
    private boolean finished;
    private long now;

    private Authenticator authenticator;
    private AuthSide authenticatee;
    private String peerName = "";

    private boolean ipcpUp;
    private boolean ipv6Up;
    private boolean networkWasUp;

    /** The first failure wins; later ones are consequences. */
    private LinkFailure failure;
    private boolean closePending;

    private long bytesTransmitted;
    private long framesTransmitted;
    private long discardedPackets;
    private long datagramsTransmitted;
    private long datagramsReceived;

    public PppEngine(PppConfig config) {
        this.config = config;
        this.lcp = new Lcp(config.lcp(), config.fsm(), this::sendPacket, this, config.random(), config.trace());
        this.ipcp = new Ipcp(config.ipcp(), config.fsm(), this::sendPacket, this, config.trace());
        this.ipv6cp = config.ipv6()
                ? new Ipv6cp(config.fsm(), this::sendPacket, this, config.random(), config.trace())
                : null;
    }

    // ---------------------------------------------------------------- inputs

    /** The line is up: start LCP (RFC 1661 §3.3, Dead → Establish). */
    public void open(long now) {
        if (opened) {
            throw new IllegalStateException("open() called twice");
        }
        this.now = now;
        opened = true;
        setPhase(Phase.ESTABLISH);
        lcp.automaton().open(now);
        lcp.automaton().up(now);
        afterInput();
    }

    /** Bytes read from the line, in any chunking. */
    public void receive(byte[] bytes, int off, int len, long now) {
        if (finished || !opened) {
            return;
        }
        this.now = now;
        decoder.feed(bytes, off, len, this::onFrame);
        afterInput();
    }

    public void receive(byte[] bytes, long now) {
        receive(bytes, 0, bytes.length, now);
    }

    /** Call once {@code now >= nextDeadline()}. */
    public void handleTimeout(long now) {
        if (finished || !opened) {
            return;
        }
        this.now = now;
        lcp.onTimeout(now);
        if (authenticator != null && now >= authenticator.nextDeadline()) {
            authenticator.onTimeout(now);
        }
        if (authenticatee != null && now >= authenticatee.nextDeadline()) {
            authenticatee.onTimeout(now);
        }
        ipcp.automaton().onTimeout(now);
        if (ipv6cp != null) {
            ipv6cp.automaton().onTimeout(now);
        }
        afterInput();
    }

    /** Close the link on request: LCP Terminate-Request, then Dead once acked or timed out. */
    public void close(String reason, long now) {
        if (finished) {
            return;
        }
        this.now = now;
        if (!opened) {
            opened = true;
            finish(new LinkFailure.LocalClose(reason));
            return;
        }
        if (failure == null) {
            failure = new LinkFailure.LocalClose(reason);
        }
        lcp.automaton().close(reason, now);
        afterInput();
    }

    /** The line went away (carrier lost, socket closed): Dead at once. */
    public void lowerDown(long now) {
        if (finished) {
            return;
        }
        this.now = now;
        if (failure == null) {
            // A peer that said Terminate-Request and then hung up terminated the link; anything else is a cut line.
            failure = lcp.automaton().peerTerminateSeen()
                    ? new LinkFailure.RemoteTerminated(lcp.automaton().peerTerminateReason())
                    : new LinkFailure.LowerLayerDown(networkWasUp);
        }
        State s = lcp.automaton().state();
        if (s != State.INITIAL && s != State.STARTING) {
            lcp.automaton().down(now);
        }
        finish(failure);
    }

    /** Sends an IPv4 or IPv6 datagram; false if that network layer is not up or it exceeds the peer's MRU. */
    public boolean sendDatagram(Protocol protocol, byte[] packet, int off, int len) {
        boolean up = protocol.equals(Protocol.IPV4) ? ipcpUp : protocol.equals(Protocol.IPV6) && ipv6Up;
        if (finished || !up || len > lcp.his().mru()) {
            return false;
        }
        frame(protocol.number(), packet, off, len, false);
        datagramsTransmitted++;
        return true;
    }

    /**
     * Authenticator role: the peer must use {@code address} instead of the configured one (e.g. the
     * static address a users file gives the user who just authenticated). Call it between inputs,
     * on the thread that drives the engine, before IPCP opens; false once IPCP is Opened.
     */
    public boolean assignPeerAddress(int address) {
        if (finished || ipcpUp || ipcp.automaton().state() == State.OPENED) {
            return false;
        }
        ipcp.assignRemote(address);
        return true;
    }

    /**
     * Authenticator role: the decision on the proof of the last {@link PppEvent.VerifyPeer}. The
     * peer gets its Ack/Success or Nak/Failure now. False (and nothing happens) if no verification
     * is pending: the link went down meanwhile, or the verdict came twice.
     */
    public boolean verdict(PeerVerdict verdict, long now) {
        if (finished || !opened || authenticator == null || !authenticator.verifying()) {
            return false;
        }
        this.now = now;
        authenticator.verdict(verdict, now);
        afterInput();
        return true;
    }

    // ---------------------------------------------------------------- outputs

    /** The next chunk of line bytes to write, or null. */
    public byte[] pollTransmit() {
        return transmit.poll();
    }

    /** The next event, or null. */
    public PppEvent pollEvent() {
        return events.poll();
    }

    /** When {@link #handleTimeout(long)} is due next, or {@link Long#MAX_VALUE}. */
    public long nextDeadline() {
        if (finished || !opened) {
            return Long.MAX_VALUE;
        }
        long d = lcp.nextDeadline();
        if (authenticator != null) {
            d = Math.min(d, authenticator.nextDeadline());
        }
        if (authenticatee != null) {
            d = Math.min(d, authenticatee.nextDeadline());
        }
        d = Math.min(d, ipcp.automaton().nextDeadline());
        if (ipv6cp != null) {
            d = Math.min(d, ipv6cp.automaton().nextDeadline());
        }
        return d;
    }

    public Phase phase() {
        return phase;
    }

    public boolean isFinished() {
        return finished;
    }

    /** Why the link ended (or is ending), or null. */
    public LinkFailure failure() {
        return failure;
    }

    public Projection projection() {
        return new Projection(ipcp.localAddress(), ipcp.remoteAddress(), ipcp.primaryDns(), ipcp.secondaryDns(),
                ipv6cp == null ? 0 : ipv6cp.localIdentifier(), ipv6cp == null ? 0 : ipv6cp.remoteIdentifier(),
                lcp.his().auth(), lcp.ours().auth(), peerName, lcp.ours(), lcp.his());
    }

    public LinkStatistics statistics() {
        FramingStatistics f = decoder.statistics();
        long timeouts = lcp.automaton().timeouts() + ipcp.automaton().timeouts()
                + (ipv6cp == null ? 0 : ipv6cp.automaton().timeouts());
        long discarded = discardedPackets + lcp.automaton().discarded() + ipcp.automaton().discarded()
                + (ipv6cp == null ? 0 : ipv6cp.automaton().discarded());
        return new LinkStatistics(bytesTransmitted, f.lineBytesReceived(), framesTransmitted, f.framesReceived(),
                f.crcErrors(), timeouts, f.alignmentErrors(), f.framingErrors(), f.bufferOverrunErrors(), discarded,
                datagramsTransmitted, datagramsReceived);
    }

    // ---------------------------------------------------------------- receive demux

    private void onFrame(int protocol, byte[] info, int off, int len) {
        if (finished) {
            return;
        }
        switch (protocol) {
            case 0xc021 -> {
                trace(false, protocol, info, off, len);
                lcp.automaton().receive(info, off, len, now);
            }
            case 0xc023, 0xc223 -> {
                trace(false, protocol, info, off, len);
                receiveAuth(protocol, info, off, len);
            }
            case 0x8021 -> {
                trace(false, protocol, info, off, len);
                if (phase == Phase.NETWORK) {
                    ipcp.automaton().receive(info, off, len, now);
                } else {
                    discard("IPCP outside the Network phase");
                }
            }
            case 0x8057 -> {
                trace(false, protocol, info, off, len);
                if (ipv6cp == null) {
                    rejectProtocol(protocol, info, off, len);
                } else if (phase == Phase.NETWORK) {
                    ipv6cp.automaton().receive(info, off, len, now);
                } else {
                    discard("IPV6CP outside the Network phase");
                }
            }
            case 0x0021 -> {
                if (ipcpUp) {
                    datagramsReceived++;
                    events.add(new PppEvent.DatagramReceived(Protocol.IPV4, Arrays.copyOfRange(info, off, off + len)));
                } else {
                    discard("IPv4 datagram before IPCP is Opened");
                }
            }
            case 0x0057 -> {
                if (ipv6Up) {
                    datagramsReceived++;
                    events.add(new PppEvent.DatagramReceived(Protocol.IPV6, Arrays.copyOfRange(info, off, off + len)));
                } else {
                    discard("IPv6 datagram before IPV6CP is Opened");
                }
            }
            default -> {
                trace(false, protocol, info, off, len);
                rejectProtocol(protocol, info, off, len);
            }
        }
    }

    /** RFC 1661 §5.7: a protocol we do not run is Protocol-Rejected once in the Network phase. */
    private void rejectProtocol(int protocol, byte[] info, int off, int len) {
        if (phase == Phase.NETWORK) {
            lcp.sendProtocolReject(protocol, info, off, len, lcp.his().mru());
        } else {
            // RFC 1661 §3.4-3.5: before the Network phase, other packets are silently discarded.
            discard("protocol 0x" + Integer.toHexString(protocol) + " in phase " + phase);
        }
    }

    private void receiveAuth(int protocol, byte[] info, int off, int len) {
        if (phase != Phase.AUTHENTICATE && phase != Phase.NETWORK) {
            discard("authentication packet in phase " + phase);
            return;
        }
        if (len < 1) {
            discard("empty authentication packet");
            return;
        }
        int code = info[off] & 0xff;
        // PAP: 1 Authenticate-Request goes to the authenticator; 2 Ack, 3 Nak to the authenticatee.
        // CHAP: 2 Response goes to the authenticator; 1 Challenge, 3 Success, 4 Failure to the authenticatee.
        boolean forAuthenticator = protocol == 0xc023 ? code == 1 : code == 2;
        AuthSide side = forAuthenticator ? authenticator : authenticatee;
        AuthProtocol running = forAuthenticator ? lcp.ours().auth() : lcp.his().auth();
        if (side == null || running == null || running.protocol() != protocol) {
            discard("authentication packet for a role we do not play");
            return;
        }
        side.receive(info, off, len, now);
    }

    // ---------------------------------------------------------------- transmit

    private void sendPacket(Protocol protocol, byte[] packet) {
        trace(true, protocol.number(), packet, 0, packet.length);
        // RFC 1662 §7 and pppd: LCP Configure, Terminate and Code-Reject packets go out with the
        // default ACCM and no compression, so the peer can read them whatever was negotiated.
        boolean defaults = protocol.equals(Protocol.LCP) && packet.length > 0
                && packet[0] >= Code.CONFIGURE_REQUEST && packet[0] <= Code.CODE_REJECT;
        frame(protocol.number(), packet, 0, packet.length, defaults);
    }

    private void frame(int protocol, byte[] info, int off, int len, boolean lcpDefaults) {
        int max = HdlcEncoder.maxEncodedSize(len);
        if (scratch.length < max) {
            scratch = new byte[max];
        }
        int n = encoder.encode(protocol, info, off, len, lcpDefaults, scratch, 0);
        transmit.add(Arrays.copyOf(scratch, n));
        bytesTransmitted += n;
        framesTransmitted++;
    }

    private void trace(boolean sent, int protocol, byte[] info, int off, int len) {
        config.trace().accept(PacketPrinter.line(sent, protocol, info, off, len));
    }

    // ---------------------------------------------------------------- LCP callbacks

    @Override
    public void lcpUp(long now) {
        LcpOptions ours = lcp.ours();
        LcpOptions his = lcp.his();
        // The seam of STYLE §7: LCP's results are pushed down into the framer, explicitly.
        encoder.configure(new TransmitConfig(his.accm(), his.acfc(), his.pfc(), FcsType.FCS16));
        decoder.configure(new ReceiveConfig(ours.accm(), ours.mru(), FcsType.FCS16));
        events.add(new PppEvent.LinkEstablished(ours, his));
        AuthProtocol theyRequire = his.auth();
        AuthProtocol weRequire = ours.auth();
        if (theyRequire == null && weRequire == null) {
            enterNetwork();
            return;
        }
        setPhase(Phase.AUTHENTICATE);
        if (weRequire != null) {
            authenticator = AuthSides.authenticator(weRequire, config, new Output(weRequire, true));
        }
        if (theyRequire != null) {
            authenticatee = AuthSides.authenticatee(theyRequire, config, new Output(theyRequire, false));
        }
        if (authenticator != null) {
            authenticator.start(now);
        }
        if (authenticatee != null) {
            authenticatee.start(now);
        }
    }

    @Override
    public void lcpDown(long now) {
        ncpDown(ipcp.automaton(), now);
        if (ipv6cp != null) {
            ncpDown(ipv6cp.automaton(), now);
        }
        ipcpUp = false;
        ipv6Up = false;
        authenticator = null;
        authenticatee = null;
        State s = lcp.automaton().state();
        setPhase(s == State.CLOSING || s == State.STOPPING ? Phase.TERMINATE : Phase.ESTABLISH);
    }

    private static void ncpDown(OptionNegotiationAutomaton ncp, long now) {
        if (ncp.state() != State.INITIAL && ncp.state() != State.STARTING) {
            ncp.down(now);
        }
    }

    @Override
    public void lcpStarted(long now) {
    }

    @Override
    public void lcpFinished(long now) {
        if (failure == null) {
            OptionNegotiationAutomaton a = lcp.automaton();
            failure = switch (a.finishCause()) {
                case TIMEOUT -> new LinkFailure.NegotiationTimeout(Protocol.LCP);
                case NOT_CONVERGING -> new LinkFailure.NotConverging(Protocol.LCP);
                case PEER_TERMINATED -> new LinkFailure.RemoteTerminated(a.peerTerminateReason());
                case REJECTED -> new LinkFailure.LcpTerminated("the peer rejected a required LCP code");
                case CLOSED, NONE -> new LinkFailure.LocalClose("closed");
            };
        }
        finish(failure);
    }

    @Override
    public void protocolRejected(Protocol protocol, long now) {
        if (protocol.equals(Protocol.IPCP)) {
            ipcp.automaton().protocolRejected(now);
        } else if (protocol.equals(Protocol.IPV6CP) && ipv6cp != null) {
            ipv6cp.automaton().protocolRejected(now);
        }
    }

    @Override
    public void lcpFailure(LcpFailure f) {
        switch (f) {
            case LOOPBACK -> fail(new LinkFailure.Loopback());
            case PEER_DEAD -> fail(new LinkFailure.PeerDead(config.lcp().echoFailure()));
            case AUTH_REFUSED_BY_PEER -> fail(new LinkFailure.AuthenticationRefused("the peer refused to authenticate"));
        }
    }

    // ---------------------------------------------------------------- NCP callbacks

    private void enterNetwork() {
        setPhase(Phase.NETWORK);
        ipcp.automaton().open(now);
        ipcp.automaton().up(now);
        if (ipv6cp != null) {
            ipv6cp.automaton().open(now);
            ipv6cp.automaton().up(now);
        }
    }

    @Override
    public void layerUp(ControlProtocol ncp, long now) {
        if (ncp == ipcp) {
            if (ipcp.localAddress() == 0) {
                fail(new LinkFailure.NoAddressAssigned());
                return;
            }
            ipcpUp = true;
        } else {
            ipv6Up = true;
        }
        networkWasUp = true;
        events.add(new PppEvent.NetworkUp(ncp.protocol(), projection()));
    }

    @Override
    public void layerDown(ControlProtocol ncp, long now) {
        if (ncp == ipcp) {
            ipcpUp = false;
        } else {
            ipv6Up = false;
        }
    }

    @Override
    public void layerFinished(ControlProtocol ncp, long now) {
        if (phase != Phase.NETWORK) {
            return;
        }
        if (ncp == ipv6cp) {
            // IPV6CP is optional: a peer that ignores or refuses it (slirp) leaves IPCP to carry the link.
            config.trace().accept("IPV6CP: finished (" + ipv6cp.automaton().finishCause() + "), IPv4 only");
            if (!ipcpUp && ipcp.automaton().state() != State.REQ_SENT && ipcp.automaton().state() != State.ACK_RCVD
                    && ipcp.automaton().state() != State.ACK_SENT) {
                fail(new LinkFailure.NoNetworkProtocols("IPCP and IPV6CP both down"));
            }
            return;
        }
        if (ipv6Up) {
            return;
        }
        OptionNegotiationAutomaton a = ipcp.automaton();
        fail(switch (a.finishCause()) {
            case TIMEOUT -> new LinkFailure.NegotiationTimeout(Protocol.IPCP);
            case NOT_CONVERGING -> new LinkFailure.NotConverging(Protocol.IPCP);
            case REJECTED -> new LinkFailure.NoNetworkProtocols("the peer rejected IPCP");
            case PEER_TERMINATED -> new LinkFailure.NoNetworkProtocols("the peer terminated IPCP");
            case CLOSED, NONE -> new LinkFailure.NoNetworkProtocols("IPCP closed");
        });
    }

    // ---------------------------------------------------------------- authentication

    /** Reports of one authentication side. */
    private final class Output implements AuthOutput {
        private final AuthProtocol protocol;
        private final boolean weAuthenticate;
        private boolean done;

        Output(AuthProtocol protocol, boolean weAuthenticate) {
            this.protocol = protocol;
            this.weAuthenticate = weAuthenticate;
        }

        @Override
        public void send(byte[] packet) {
            sendPacket(Protocol.of(protocol.protocol()), packet);
        }

        @Override
        public void succeeded(String name, String message) {
            if (done || finished) {
                return;
            }
            done = true;
            if (weAuthenticate) {
                peerName = name == null ? "" : name;
            }
            events.add(new PppEvent.Authenticated(protocol, weAuthenticate, weAuthenticate ? peerName : "", message));
            boolean otherPending = weAuthenticate
                    ? authenticatee != null && !authenticatee.finished()
                    : authenticator != null && !authenticator.finished();
            if (!otherPending && phase == Phase.AUTHENTICATE) {
                enterNetwork();
            }
        }

        @Override
        public void verify(PeerProof proof) {
            if (done || finished) {
                return;
            }
            config.trace().accept(protocol.displayName() + ": verifying " + proof.name() + " elsewhere");
            events.add(new PppEvent.VerifyPeer(protocol, proof));
        }

        @Override
        public void failed(String message, boolean timedOut) {
            if (done || finished) {
                return;
            }
            done = true;
            fail(weAuthenticate
                    ? new LinkFailure.PeerFailedAuthentication(protocol, message)
                    : new LinkFailure.AuthenticationFailed(protocol, message));
        }
    }

    // ---------------------------------------------------------------- endings

    /** Records a failure and closes LCP once the current input is processed (never re-entrantly). */
    private void fail(LinkFailure f) {
        if (failure == null) {
            failure = f;
        }
        closePending = true;
    }

    private void afterInput() {
        if (closePending && !finished) {
            closePending = false;
            lcp.automaton().close(failure.message(), now);
        }
    }

    private void finish(LinkFailure f) {
        if (finished) {
            return;
        }
        ipcpUp = false;
        ipv6Up = false;
        setPhase(Phase.DEAD);
        finished = true;
        events.add(new PppEvent.LinkDown(f));
    }

    private void setPhase(Phase to) {
        if (to == phase) {
            return;
        }
        config.trace().accept("phase " + phase + " -> " + to);
        events.add(new PppEvent.PhaseChanged(phase, to));
        phase = to;
    }

    private void discard(String why) {
        discardedPackets++;
        config.trace().accept("discarded " + why);
    }
}
