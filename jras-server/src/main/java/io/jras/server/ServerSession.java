package io.jras.server;

import io.jras.core.iface.HostInterface;
import io.jras.core.iface.InterfaceStatus;
import io.jras.core.session.PppSession;
import io.jras.link.Transport;
import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.ppp.LinkFailure;
import io.jras.ppp.LinkStatistics;
import io.jras.ppp.PppConfig;
import io.jras.ppp.PppEngine;
import io.jras.ppp.PppEvent;
import io.jras.ppp.Projection;
import io.jras.ppp.Protocol;
import io.jras.ppp.auth.PeerVerifier;
import io.jras.ppp.auth.SecretLookup;
import io.jras.ppp.ipcp.IpcpConfig;
import io.jras.server.pool.AddressPool;
import io.jras.server.radius.AccountingStop;
import io.jras.server.radius.AcctTerminateCause;
import io.jras.server.radius.NasPort;
import io.jras.server.radius.RadiusNas;
import io.jras.server.users.UserDirectory;
import io.jras.server.users.UserEntry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One accepted connection: a {@link PppEngine} in the authenticator role, driven by a
 * {@link PppSession} over the line (an accepted TCP socket, or a call answered on a modem line),
 * holding one address of the pool until it ends.
 *
 * <p>Threads: the session's events arrive on its PppSession loop thread; {@link #hangUp} and the
 * timers come from other threads and only enqueue (PppSession.close) or close the line. The
 * first reason the server gives for closing wins and is the one reported.
 */
final class ServerSession {

    private final long id;
    private final Transport line;
    /** Where a TCP caller came from; null on a modem line. */
    private final InetSocketAddress peer;
    /** Our end of the line, as the manager lists it. */
    private final String port;
    /** The peer's address; replaced by the user's static one after authentication when the users file names one. */
    private volatile AddressPool.Lease lease;
    private volatile PppEngine engine;
    private final ServerConfig config;
    private final UserDirectory users;
    /** Null when the users file decides; else RADIUS authenticates and accounts. */
    private final RadiusNas radius;
    private final ScheduledExecutorService timers;
    private final ServerEvents events;
    private final Instant connectedAt = Instant.now();
    private final long connectedNanos = System.nanoTime();
    private final AtomicReference<String> closeReason = new AtomicReference<>();
    private final CompletableFuture<SessionEnd> ended = new CompletableFuture<>();

    private volatile String user = "";
    private volatile AuthProtocol authProtocol;
    private volatile Instant startedAt;
    private volatile PppSession ppp;
    private volatile Projection projection;
    private volatile ScheduledFuture<?> watchdog;
    private volatile ScheduledFuture<?> cutOff;
    /** The Framed-IP-Address of RADIUS's Access-Accept, if any; written before the verdict is queued. */
    private volatile OptionalInt radiusAddress = OptionalInt.empty();
    private volatile long startedNanos;
    /** The session's host interface, when the config asks for them (PPP loop thread). */
    private volatile HostInterface host;
    /** IPV6CP opened (it may before IPCP); PPP loop thread only. */
    private boolean ipv6Open;

    /**
     * @param peer   where a TCP caller came from; null on a modem line
     * @param port   our end of the line as the manager lists it: {@code tcp:HOST:PORT} or the modem line
     * @param radius when not null, RADIUS decides who may call and gets the accounting
     */
    ServerSession(long id, Transport line, InetSocketAddress peer, String port, AddressPool.Lease lease,
                  ServerConfig config, UserDirectory users, RadiusNas radius, ScheduledExecutorService timers,
                  ServerEvents events) {
        this.id = id;
        this.line = line;
        this.peer = peer;
        this.port = port;
        this.lease = lease;
        this.config = config;
        this.users = users;
        this.radius = radius;
        this.timers = timers;
        this.events = events;
    }

    /** Starts LCP on the line and the negotiation timer; returns at once. */
    void start() throws IOException {
        ServerLimits limits = config.limits();
        // The name a peer gives is kept even when it fails, for the end-of-session log line.
        SecretLookup secrets = name -> {
            user = name;
            return users.secretFor(name);
        };
        // RADIUS decides later: the engine hands out the peer's proof (onEvent) and waits for the verdict
        PeerVerifier verifier = radius == null ? secrets : PeerVerifier.DEFERRED;
        PppConfig pc = PppConfig.authenticator(config.auth(), verifier,
                        IpcpConfig.server(config.localAddress(), lease.address(), config.primaryDns(), config.secondaryDns()))
                .withLocalName(config.name());
        pc = pc.withLcp(pc.lcp().withEcho(limits.echoInterval(), limits.echoFailure()));
        if (config.trace()) {
            pc = pc.withTrace(line -> events.log("session " + id + ": " + line));
        }
        InputGuard in = new InputGuard(line.input(), limits.preNetworkInput(), this::started,
                () -> closeReason.compareAndSet(null, "sent more than " + limits.preNetworkInput()
                        + " octets before the network came up"));
        engine = new PppEngine(pc);
        PppSession s = new PppSession("server-" + id, engine, in, line.output(), line, this::onEvent);
        ppp = s;
        s.done().whenComplete((down, error) -> finish(down));
        watchdog = timers.schedule(this::negotiationTimedOut, limits.negotiationTimeout().toNanos(), TimeUnit.NANOSECONDS);
        s.start();
    }

    long id() {
        return id;
    }

    boolean started() {
        return startedAt != null;
    }

    CompletableFuture<SessionEnd> ended() {
        return ended;
    }

    SessionInfo info() {
        return new SessionInfo(id, peer, user, authProtocol, lease.address(), config.localAddress(), connectedAt, startedAt,
                line.deviceType(), line.deviceName());
    }

    SessionLink link() {
        PppSession s = ppp;
        return new SessionLink(line.deviceType(), port, projection, s == null ? null : s.statistics(), interfaceStatus());
    }

    /**
     * Closes the session with LCP Terminate (RFC 1661 §3.7); if that does not finish within the
     * hang-up grace, the line is cut. Returns at once; later calls only keep the first reason.
     */
    void hangUp(String reason) {
        if (!closeReason.compareAndSet(null, reason)) {
            return;
        }
        PppSession s = ppp;
        if (s != null) {
            s.close(reason);
        }
        try {
            cutOff = timers.schedule(this::cut, config.limits().hangUpGrace().toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            cut(); // the server has stopped: no grace left
        }
    }

    /** Closes the line under the session: the reader fails, the engine sees the line drop. */
    void cut() {
        try {
            line.close();
        } catch (IOException ignored) {
            // closed either way
        }
    }

    private void negotiationTimedOut() {
        if (!started()) {
            hangUp("negotiation timeout: the network was not up within " + seconds(config.limits().negotiationTimeout()));
        }
    }

    /** On the PppSession loop thread. */
    private void onEvent(PppEvent event) {
        switch (event) {
            case PppEvent.VerifyPeer v when radius != null -> askRadius(v);
            case PppEvent.Authenticated a when a.weAuthenticated() -> {
                user = a.peerName();
                authProtocol = a.protocol();
                assignStaticAddress();
                checkAddressAllowed();
            }
            case PppEvent.NetworkUp up when up.ncp().equals(Protocol.IPCP) && closeReason.get() == null -> {
                startedAt = Instant.now();
                projection = up.projection();
                startedNanos = System.nanoTime();
                ScheduledFuture<?> w = watchdog;
                if (w != null) {
                    w.cancel(false);
                }
                openHostInterface(up);
                events.started(this);
                accountingStart();
            }
            case PppEvent.NetworkUp up when up.ncp().equals(Protocol.IPV6CP) -> {
                ipv6Open = true;
                HostInterface h = host;
                if (h != null) {
                    h.ipv6Up(up.projection());
                }
            }
            case PppEvent.DatagramReceived d -> {
                HostInterface h = host;
                if (h != null) {
                    h.fromLink(d.packet());
                }
            }
            case PppEvent.LinkDown d -> {
                HostInterface h = host;
                if (h != null) {
                    h.close();
                }
            }
            default -> { }
        }
    }

    /** The session's own interface (our address local, the peer's remote), as pppd makes ppp0 for a dial-in. */
    private void openHostInterface(PppEvent.NetworkUp up) {
        if (!config.interfaces().enabled()) {
            return;
        }
        HostInterface h = HostInterface.open(config.interfaces(), null, id, user, up.projection(), ppp);
        host = h;
        if (ipv6Open) {
            h.ipv6Up(up.projection());
        }
        InterfaceStatus st = h.status();
        events.log("session " + id + ": " + (st.state().equals(InterfaceStatus.UP) ? "interface " + st.name() + " up"
                : "no interface: " + st.reason()));
    }

    /** The session's host interface, or why there is none. */
    InterfaceStatus interfaceStatus() {
        HostInterface h = host;
        return h != null ? h.status() : HostInterface.initialStatus(config.interfaces());
    }

    /**
     * A users-file line with one address gives the user that address (pppd does the same). This runs
     * on the PPP loop thread between inputs, before the peer's IPCP request is handled, so the
     * engine can still be told.
     */
    private void assignStaticAddress() {
        OptionalInt wanted = radius != null ? radiusAddress
                : users.find(user).map(e -> e.addresses().staticAddress()).orElse(OptionalInt.empty());
        AddressPool.Lease current = lease;
        if (wanted.isEmpty() || wanted.getAsInt() == current.address()) {
            return;
        }
        Optional<AddressPool.Lease> other = current.leaseAnother(wanted.getAsInt());
        if (other.isEmpty()) {
            return; // in use by another session: the check below turns this one away with the reason
        }
        if (engine.assignPeerAddress(wanted.getAsInt())) {
            lease = other.get();
            current.release();
        } else {
            other.get().release();
        }
    }

    /**
     * The users file may restrict the user's addresses (pppd's {@code auth_ip_addr()}). The engine
     * fixes the peer's address before authentication, so a user whose list does not allow the
     * pool's choice is turned away here rather than given an address it may not have.
     */
    private void checkAddressAllowed() {
        OptionalInt framed = radiusAddress;
        if (radius != null && framed.isPresent() && framed.getAsInt() != lease.address()) {
            hangUp("RADIUS gave user " + LogText.quoted(user) + " the address " + Ipv4.format(framed.getAsInt())
                    + ", which is in use or can no longer be given");
            return;
        }
        Optional<UserEntry> entry = users.find(user);
        if (entry.isPresent() && !entry.get().addresses().permits(lease.address())) {
            hangUp("user " + LogText.quoted(user) + " may not have " + Ipv4.format(lease.address())
                    + " (users file line " + entry.get().line() + " allows " + entry.get().addresses() + ")");
        }
    }

    // ---------------------------------------------------------------- RADIUS

    /**
     * Sends the peer's proof to RADIUS; the answer comes on the RADIUS client's threads and goes to
     * the engine through the PppSession queue. The log says why a peer was refused, never the password.
     */
    private void askRadius(PppEvent.VerifyPeer v) {
        user = v.proof().name();
        radius.authenticate(v.proof(), nasPort()).thenAccept(answer -> {
            radiusAddress = answer.framedIpAddress();
            if (!answer.verdict().accepted()) {
                events.log("session " + id + ": user " + LogText.quoted(user) + " (" + v.protocol().displayName()
                        + ") refused: " + LogText.clean(answer.verdict().reason()));
            }
            PppSession s = ppp;
            if (s != null) {
                s.verdict(answer.verdict());
            }
        });
    }

    private NasPort nasPort() {
        return new NasPort(id, peer);
    }

    /** RFC 2866 §5.5: unique per session and server run. */
    private String acctSessionId() {
        return String.format("%X-%d", connectedAt.toEpochMilli(), id);
    }

    private void accountingStart() {
        if (radius == null) {
            return;
        }
        radius.accountingStart(acctSessionId(), user, nasPort(), lease.address()).thenAccept(failure -> {
            if (failure != null) {
                events.log("session " + id + ": RADIUS accounting Start not acknowledged: " + failure);
            }
        });
    }

    private void accountingStop(LinkStatistics stats, LinkFailure failure) {
        if (radius == null || !started()) {
            return;
        }
        AccountingStop stop = new AccountingStop(Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds(),
                stats.bytesReceived(), stats.bytesTransmitted(), stats.framesReceived(), stats.framesTransmitted(),
                terminateCause(failure));
        radius.accountingStop(acctSessionId(), user, nasPort(), lease.address(), stop).thenAccept(f -> {
            if (f != null) {
                events.log("session " + id + ": RADIUS accounting Stop not acknowledged: " + f);
            }
        });
    }

    /** RFC 2866 §5.10: why the session ended, as RADIUS names it. */
    private AcctTerminateCause terminateCause(LinkFailure failure) {
        String reason = closeReason.get();
        if (reason != null) {
            return reason.equals(AnswerServer.STOPPING_REASON) ? AcctTerminateCause.NAS_REBOOT : AcctTerminateCause.ADMIN_RESET;
        }
        return switch (failure) {
            case LinkFailure.RemoteTerminated r -> AcctTerminateCause.USER_REQUEST;
            case LinkFailure.LowerLayerDown d -> AcctTerminateCause.LOST_CARRIER;
            case LinkFailure.PeerDead d -> AcctTerminateCause.LOST_SERVICE;
            case LinkFailure.LocalClose c -> AcctTerminateCause.NAS_REQUEST;
            case null -> AcctTerminateCause.NAS_ERROR;
            default -> AcctTerminateCause.NAS_ERROR;
        };
    }

    /** Once the link is Dead and the line closed (the PppSession loop thread). */
    private void finish(PppEvent.LinkDown down) {
        cancel(watchdog);
        cancel(cutOff);
        lease.release();
        PppSession s = ppp;
        LinkStatistics stats = s == null || s.statistics() == null ? LinkStatistics.ZERO : s.statistics();
        LinkFailure failure = down == null ? null : down.failure();
        String reason = closeReason.get() != null ? closeReason.get()
                : failure != null ? LogText.clean(failure.message()) : "ended";
        SessionEnd end = new SessionEnd(reason, failure, Duration.ofNanos(System.nanoTime() - connectedNanos),
                stats.bytesReceived(), stats.bytesTransmitted());
        accountingStop(stats, failure);
        events.ended(this, end);
        ended.complete(end);
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    @Override
    public String toString() {
        return "ServerSession[" + id + " " + info().where() + " " + Ipv4.format(lease.address()) + "]";
    }
}
