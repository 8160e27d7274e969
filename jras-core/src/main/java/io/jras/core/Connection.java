package io.jras.core;

import io.jras.core.iface.HostInterface;
import io.jras.core.session.PppSession;
import io.jras.link.RasError;
import io.jras.link.RasException;
import io.jras.link.Transport;
import io.jras.ppp.LinkFailure;
import io.jras.ppp.LinkStatistics;
import io.jras.ppp.Phase;
import io.jras.ppp.PppConfig;
import io.jras.ppp.PppEngine;
import io.jras.ppp.PppEvent;
import io.jras.ppp.Projection;
import io.jras.ppp.Protocol;
import io.jras.ppp.lcp.LcpConfig;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One connection of the manager, from dial to the end of its teardown: the RASCONNSTATE machine
 * over a device and a PPP session.
 *
 * <p>Threads: a virtual "dial" thread runs the steps (open the port, connect the device, run PPP,
 * redial or reconnect); the PPP session's loop thread reports PPP events; a virtual "teardown"
 * thread runs hang-up. Fields shared between them are guarded by {@code this}; no lock is held
 * across I/O or while listeners run.
 */
final class Connection {

    /** Hard limits of the teardown escalation: LCP Terminate, then device hang-up, then port close. */
    static final Duration TERMINATE_GRACE = Duration.ofSeconds(7);
    static final Duration WORKER_GRACE = Duration.ofSeconds(5);

    final long handle;
    final DialRequest request;
    final Instant dialedAt;
    private final ConnectionManager manager;
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch handedOut = new CountDownLatch(1);
    private final CompletableFuture<Void> gone = new CompletableFuture<>();

    // Guarded by this.
    private RasConnState state = RasConnState.OPEN_PORT;
    private int error;
    private String pppCause = "";
    private boolean teardown;
    private String teardownReason = "";
    private int references = 1;
    private Transport transport;
    private PppSession session;
    private Thread worker;
    private Instant connectedAt;
    private Instant disconnectedAt;
    private long connectedNanos;
    private long bps;
    private LinkStatistics statisticsBase = LinkStatistics.ZERO;
    private LinkStatistics lastStatistics;
    private Projection projection;
    private long lastTrafficNanos;
    private long lastDatagrams = -1;
    /** The host interface of the current link (written on the PPP loop thread). */
    private volatile HostInterface host;
    /** ip-up's DNS and scripts for the current link, once the interface is up (guarded by this). */
    private CompletableFuture<io.jras.core.net.ConnectionNetwork> network;
    /** IPV6CP is open on the current link (it may open before IPCP); PPP loop thread only. */
    private boolean ipv6Open;

    Connection(long handle, DialRequest request, ConnectionManager manager, ConnectionListener listener) {
        this.handle = handle;
        this.request = request;
        this.manager = manager;
        this.dialedAt = manager.clock().instant();
        if (listener != null) {
            listeners.add(listener);
        }
    }

    // ---------------------------------------------------------------- lifecycle

    /** Starts the dial thread; its notifications wait until {@link #handedOut()} is called. */
    void start() {
        Thread t = Thread.ofVirtual().name("dial-" + Handles.format(handle)).unstarted(this::run);
        synchronized (this) {
            worker = t;
        }
        t.start();
    }

    /** dial() has returned the handle: notifications may flow. */
    void handedOut() {
        handedOut.countDown();
    }

    void addListener(ConnectionListener l) {
        if (l != null) {
            listeners.add(l);
        }
    }

    CompletableFuture<Void> gone() {
        return gone;
    }

    private void run() {
        try {
            handedOut.await();
            int attempt = 0;
            while (true) {
                Outcome o = dialOnce();
                if (isTearingDown()) {
                    return;
                }
                DialPolicy policy = request.policy();
                if (o.reachedConnected && policy.reconnectOnDrop()) {
                    manager.event(this, "reconnect", "the link dropped (" + o.cause + "); dialing again");
                    attempt = 0;
                    continue;
                }
                if (!o.reachedConnected && attempt < policy.redialAttempts() && DialPolicy.retryable(o.error)) {
                    attempt++;
                    Duration pause = policy.pauseBefore(attempt);
                    manager.event(this, "redial", "attempt " + attempt + " of " + policy.redialAttempts()
                            + " in " + pause.toMillis() + " ms after error " + o.error);
                    Thread.sleep(pause);
                    if (isTearingDown()) {
                        return;
                    }
                    continue;
                }
                synchronized (this) {
                    pppCause = o.cause;
                    disconnectedAt = manager.clock().instant();
                }
                setState(RasConnState.DISCONNECTED, o.error);
                return;
            }
        } catch (InterruptedException e) {
            // Teardown interrupted us; it finishes the job.
        } catch (RuntimeException e) {
            // A bug of ours must not leave the handle hanging without a state.
            synchronized (this) {
                pppCause = "internal error: " + e;
                disconnectedAt = manager.clock().instant();
            }
            setState(RasConnState.DISCONNECTED, RasError.UNKNOWN);
        }
    }

    private record Outcome(boolean reachedConnected, int error, String cause) {
    }

    /** One attempt: OpenPort … Connected, then waits for the link to end. */
    private Outcome dialOnce() throws InterruptedException {
        Device device = request.device();
        setState(RasConnState.OPEN_PORT, 0);
        Transport t;
        try {
            t = device.open(manager.config().openTimeout());
        } catch (RasException e) {
            return new Outcome(false, e.code(), e.getMessage());
        }
        synchronized (this) {
            if (teardown) {
                closeQuietly(t);
                return new Outcome(false, 0, "hung up");
            }
            transport = t;
            statisticsBase = LinkStatistics.ZERO;
            projection = null;
        }
        setState(RasConnState.PORT_OPENED, 0);
        setState(RasConnState.CONNECT_DEVICE, 0);
        OptionalLong speed;
        try {
            speed = device.connect(t, request.phoneNumbers(), line -> manager.event(this, "device", line));
        } catch (RasException e) {
            closeQuietly(t);
            return new Outcome(false, e.code(), e.getMessage());
        }
        synchronized (this) {
            bps = speed.orElse(0);
        }
        setState(RasConnState.DEVICE_CONNECTED, 0);
        setState(RasConnState.ALL_DEVICES_CONNECTED, 0);

        PppSession s;
        try {
            PppEngine engine = new PppEngine(pppConfig());
            // At the end of PPP the device is hung up (modem +++/ATH) before the port closes.
            s = new PppSession(Handles.format(handle), engine, t.input(), t.output(), () -> {
                device.hangUp(t);
                t.close();
            }, this::onPppEvent);
        } catch (IOException e) {
            closeQuietly(t);
            return new Outcome(false, RasError.PORT_DISCONNECTED, e.getMessage());
        }
        synchronized (this) {
            if (teardown) {
                closeQuietly(t);
                return new Outcome(false, 0, "hung up");
            }
            session = s;
        }
        setState(RasConnState.AUTHENTICATE, 0);
        s.start();
        PppEvent.LinkDown down;
        try {
            down = s.done().get();
        } catch (ExecutionException e) {
            return new Outcome(false, RasError.UNKNOWN, String.valueOf(e.getCause()));
        }
        boolean reached;
        synchronized (this) {
            lastStatistics = s.statistics();
            reached = connectedAt != null && state == RasConnState.CONNECTED;
        }
        LinkFailure f = down.failure();
        int code = f == null ? RasError.UNKNOWN : f.rasError();
        return new Outcome(reached, code, f == null ? "" : f.message());
    }

    private PppConfig pppConfig() {
        DialPolicy p = request.policy();
        LcpConfig lcp = LcpConfig.client().withAcceptAuth(request.acceptAuth());
        if (!p.echoInterval().isZero()) {
            lcp = lcp.withEcho(p.echoInterval(), p.echoFailures());
        }
        return PppConfig.client(request.user(), request.password()).withLcp(lcp).withIpv6(request.ipv6())
                .withTrace(manager.config().trace());
    }

    /** Called on the PPP loop thread. */
    private void onPppEvent(PppEvent event) {
        switch (event) {
            case PppEvent.Authenticated a when !a.weAuthenticated() -> {
                setState(RasConnState.AUTH_ACK, 0);
                setState(RasConnState.AUTHENTICATED, 0);
            }
            case PppEvent.PhaseChanged p when p.to() == Phase.NETWORK -> {
                if (currentState() != RasConnState.AUTHENTICATED) {
                    setState(RasConnState.AUTHENTICATED, 0);
                }
            }
            case PppEvent.DatagramReceived d -> {
                HostInterface h = host;
                if (h != null) {
                    h.fromLink(d.packet());
                }
            }
            case PppEvent.NetworkUp up when up.ncp().equals(Protocol.IPCP) -> {
                // The interface is up before Connected is reported, as pppd runs ip-up once ppp0 is ready.
                openHostInterface(up.projection());
                synchronized (this) {
                    projection = up.projection();
                    connectedAt = manager.clock().instant();
                    connectedNanos = System.nanoTime();
                    lastTrafficNanos = connectedNanos;
                }
                setState(RasConnState.PROJECTED, 0);
                setState(RasConnState.CONNECTED, 0);
            }
            case PppEvent.NetworkUp up -> {
                synchronized (this) {
                    projection = up.projection();
                }
                HostInterface h = host;
                if (up.ncp().equals(Protocol.IPV6CP)) {
                    ipv6Open = true;
                    if (h != null) {
                        h.ipv6Up(up.projection());
                    }
                }
                manager.event(this, "projection", up.ncp() + " up: " + up.projection());
            }
            case PppEvent.LinkDown down -> {
                synchronized (this) {
                    pppCause = down.failure() == null ? "" : down.failure().message();
                }
                closeHostInterface();
                ipv6Open = false;
            }
            default -> { }
        }
    }

    /** Called on the PPP loop thread when IPCP opens. */
    private void openHostInterface(Projection p) {
        PppSession s;
        synchronized (this) {
            s = session;
        }
        HostInterface h = HostInterface.open(manager.config().interfaces(), request.routes(), handle, request.displayName(), p, s);
        host = h;
        if (ipv6Open) {
            h.ipv6Up(p);
        }
        var st = h.status();
        if (st.state().equals(io.jras.core.iface.InterfaceStatus.UP) && manager.config().interfaces().scripts() != null) {
            startScripts(manager.config().interfaces().scripts(), st.name(), p);
        }
        if (manager.config().interfaces().enabled()) {
            manager.event(this, "interface", st.state().equals(io.jras.core.iface.InterfaceStatus.UP)
                    ? st.name() + " up" : "no interface: " + st.reason());
        }
    }

    private void closeHostInterface() {
        HostInterface h = host;
        if (h != null) {
            h.close();
        }
        stopScripts();
    }

    /**
     * pppd's order: DNS, then ip-up (ConnectionNetwork). The entry is read again here, off the PPP
     * thread: its JrasApplyDns, IpDnsSuffix and JrasHookDir keys are only needed now.
     */
    private void startScripts(io.jras.core.net.NetConfig scripts, String ifname, Projection p) {
        long speed;
        synchronized (this) {
            speed = bps;
        }
        CompletableFuture<io.jras.core.net.ConnectionNetwork> n = CompletableFuture.supplyAsync(() -> {
            io.jras.core.phonebook.PhonebookEntry entry = null;
            try {
                if (request.entryName() != null && request.phonebook() != null) {
                    entry = io.jras.core.phonebook.Phonebook.load(request.phonebook()).find(request.entryName()).orElse(null);
                }
                io.jras.core.net.ConnectionNetwork cn = io.jras.core.net.ConnectionNetwork.of(scripts, request, entry);
                cn.up(ifname, p, speed).thenAccept(this::reportHooks);
                return cn;
            } catch (RasException e) {
                manager.event(this, "interface", "ip-up not run: " + e.getMessage());
                return null;
            }
        }, Thread.ofVirtual().name("jras-ip-up")::start);
        synchronized (this) {
            network = n;
        }
    }

    /** A hook that failed is an event of the connection, never the end of it. */
    private void reportHooks(java.util.List<io.jras.core.net.HookResult> results) {
        for (io.jras.core.net.HookResult r : results) {
            if (!r.ok()) {
                manager.event(this, "hook", r.describe());
            }
        }
    }

    /** ip-down after ip-up (ConnectionNetwork waits for it), with the final counters; returns at once. */
    private void stopScripts() {
        CompletableFuture<io.jras.core.net.ConnectionNetwork> n;
        synchronized (this) {
            n = network;
            network = null;
        }
        if (n != null) {
            // Off the caller's thread (often the PPP loop): reverting DNS may run resolvectl.
            n.thenAcceptAsync(cn -> {
                if (cn != null) {
                    cn.down(io.jras.core.net.LinkCounters.of(statistics())).thenAccept(this::reportHooks);
                }
            }, task -> Thread.ofVirtual().name("jras-ip-down").start(task));
        }
    }

    // ---------------------------------------------------------------- hang-up

    /**
     * Drops one reference, or all; the last one starts the teardown. Returns at once.
     *
     * @return true if this call started the teardown
     */
    boolean hangUp(boolean all, String reason) {
        synchronized (this) {
            if (teardown) {
                return false;
            }
            if (!all && references > 1) {
                references--;
                return false;
            }
            teardown = true;
            teardownReason = reason;
        }
        Thread.ofVirtual().name("hangup-" + Handles.format(handle)).start(this::teardown);
        return true;
    }

    /** Escalates with hard timeouts: LCP Terminate → device hang-up → port close. */
    private void teardown() {
        PppSession s;
        Transport t;
        Thread w;
        synchronized (this) {
            s = session;
            t = transport;
            w = worker;
        }
        manager.event(this, "hangup", teardownReason);
        if (s != null && !s.done().isDone()) {
            s.close(teardownReason);
            if (!await(s.done(), TERMINATE_GRACE)) {
                // The peer never acked: cut the line, which ends the session at once.
                closeQuietly(t);
                await(s.done(), WORKER_GRACE);
            }
        } else if (t != null) {
            // Mid-dial (opening the port or dialing the modem): closing the port cancels the step.
            request.device().hangUp(t);
            closeQuietly(t);
        }
        if (w != null) {
            w.interrupt();
            try {
                w.join(WORKER_GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // The link is down by now (its LinkDown removed the interface); this covers a session that never ended.
        closeHostInterface();
        synchronized (this) {
            if (session != null && session.statistics() != null) {
                lastStatistics = session.statistics();
            }
            if (transport != null) {
                closeQuietly(transport);
            }
            if (disconnectedAt == null) {
                disconnectedAt = manager.clock().instant();
            }
        }
        if (currentState() != RasConnState.DISCONNECTED) {
            setState(RasConnState.DISCONNECTED, currentError());
        }
        manager.removed(this);
        gone.complete(null);
    }

    private static boolean await(CompletableFuture<?> f, Duration d) {
        try {
            f.get(d.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private static void closeQuietly(Transport t) {
        if (t == null) {
            return;
        }
        try {
            t.close();
        } catch (IOException | RuntimeException ignored) {
            // Closing is best effort: the port is released either way.
        }
    }

    // ---------------------------------------------------------------- state

    private void setState(RasConnState s, int err) {
        synchronized (this) {
            state = s;
            error = err;
        }
        for (ConnectionListener l : listeners) {
            try {
                l.onStateChange(handle, s, err);
            } catch (RuntimeException ignored) {
                // A listener must not throw; if it does, the connection goes on regardless.
            }
        }
        manager.stateChanged(this, s, err);
    }

    synchronized RasConnState currentState() {
        return state;
    }

    synchronized int currentError() {
        return error;
    }

    synchronized boolean isTearingDown() {
        return teardown;
    }

    synchronized int references() {
        return references;
    }

    synchronized void addReference() {
        references++;
    }

    synchronized Instant disconnectedAt() {
        return disconnectedAt;
    }

    synchronized Instant connectedAt() {
        return connectedAt;
    }

    /** Nanoseconds since the last IP datagram either way (for idle disconnect); updates the watch. */
    synchronized long idleNanos(long now) {
        LinkStatistics st = session == null ? null : session.statistics();
        if (st != null) {
            long datagrams = st.datagramsReceived() + st.datagramsTransmitted();
            if (datagrams != lastDatagrams) {
                lastDatagrams = datagrams;
                lastTrafficNanos = now;
            }
        }
        return now - lastTrafficNanos;
    }

    synchronized long connectedForNanos(long now) {
        return connectedAt == null ? 0 : now - connectedNanos;
    }

    synchronized void clearStatistics() {
        LinkStatistics st = session == null ? null : session.statistics();
        statisticsBase = st == null ? LinkStatistics.ZERO : st;
    }

    private LinkStatistics currentStatistics() {
        LinkStatistics st = session == null ? null : session.statistics();
        return st != null ? st : lastStatistics;
    }

    synchronized RasStats statistics() {
        Duration connected = connectedAt == null ? Duration.ZERO
                : Duration.between(connectedAt, disconnectedAt != null ? disconnectedAt : manager.clock().instant());
        return RasStats.of(currentStatistics(), statisticsBase, bps, connected);
    }

    synchronized ConnectionInfo info() {
        return new ConnectionInfo(handle, request.displayName(), firstNumber(), request.device().type(),
                request.device().name(), request.phonebook(), request.owner(), request.allUsers(), references,
                state, error, teardown, false, request.user() == null ? "" : request.user());
    }

    synchronized ConnectionStatus status() {
        return new ConnectionStatus(handle, request.displayName(), firstNumber(), request.device().type(),
                request.device().name(), state, error, ConnectionStatus.textOf(error), pppCause, teardown,
                projection, statistics(), dialedAt, connectedAt,
                host == null ? HostInterface.initialStatus(manager.config().interfaces()) : host.status());
    }

    synchronized Tombstone tombstone(Instant endedAt) {
        return new Tombstone(handle, request.displayName(), firstNumber(), request.device().type(),
                request.device().name(), state, error, ConnectionStatus.textOf(error),
                pppCause.isEmpty() ? teardownReason : pppCause, dialedAt, connectedAt, endedAt, statistics());
    }

    private String firstNumber() {
        return request.phoneNumbers().isEmpty() ? "" : request.phoneNumbers().getFirst();
    }
}
