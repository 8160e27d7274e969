package io.jras.server;

import io.jras.link.DeviceSpec;
import io.jras.link.TcpTransport;
import io.jras.link.modem.AnswerConfig;
import io.jras.link.modem.AnsweredCall;
import io.jras.link.modem.ModemAnswerer;
import io.jras.ppp.Ipv4;
import io.jras.server.pool.AddressPool;
import io.jras.server.radius.RadiusNas;
import io.jras.server.users.UserDirectory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The answering side (what {@code jras serve} runs; Windows calls it RRAS): it accepts PPP over TCP
 * and answers calls on modem lines ({@link #addModemLine}), authenticates each caller against a
 * {@link UserDirectory}, hands out an address from a pool and DNS, and keeps every session apart
 * from the others.
 *
 * <p>A modem line has a {@link ModemAnswerer} of its own: it waits for RING, answers, and runs one
 * session at a time on the call, with the same checks (but the per-source rate, which a phone line
 * has no use for), authentication, pool and log lines as a TCP session; the session's
 * {@link SessionInfo#deviceType()} is "modem" and its {@link SessionInfo#device()} the line. When
 * the session ends the modem is hung up and waits for the next call. A refused call is told why
 * (LCP Terminate-Request) and hung up; it is logged, but not reported to the listener, whose
 * {@code refused} takes a peer address that a phone call does not have.
 *
 * <p>Each accepted connection passes, in order: the per-source rate limit, the session limit and
 * the pool; one that fails a check is refused (an LCP Terminate-Request saying why, then the line
 * is closed; a rate-limited one is just reset). Otherwise it becomes a session: a
 * {@link io.jras.ppp.PppEngine} as authenticator, with IPV6CP, on virtual threads. A session that
 * is not Network-up within the negotiation timeout, or sends too much before, is closed.
 *
 * <p>Logging: one line per session start and end, one per refusal (floods are summarized), never a
 * password or secret. Sessions are reported to a {@link SessionListener}.
 *
 * <p>Threads: one virtual thread accepts per listen address; sessions run on their own virtual
 * threads; one platform thread runs the timers of all sessions. All public methods are thread-safe.
 */
public final class AnswerServer implements AutoCloseable {

    /** A refusal's Terminate-Request is sent; how long the line may take to close after it. */
    private static final Duration REFUSAL_LINGER = Duration.ofSeconds(1);
    private static final Duration REFUSAL_REPORT_INTERVAL = Duration.ofSeconds(10);
    private static final Duration ACCEPT_ERROR_PAUSE = Duration.ofMillis(50);
    /** The hang-up reason of {@link #stop()}; RADIUS accounting reports it as NAS-Reboot. */
    static final String STOPPING_REASON = "server stopping";

    private final ServerConfig config;
    private final UserDirectory users;
    /** Null without RADIUS; owned (closed by {@link #stop()}) otherwise. */
    private final RadiusNas radius;
    private final SessionListener listener;
    private final Consumer<String> log;
    private final AddressPool pool;
    private final ConnectRateLimiter rateLimiter;
    private final RefusalReporter refusals;
    private final ScheduledThreadPoolExecutor timers;
    private final Map<Long, ServerSession> sessions = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    /** Sessions admitted and not yet ended; what maxSessions bounds. */
    private final AtomicInteger live = new AtomicInteger();
    private final List<ServerSocket> listeners = new ArrayList<>();
    private final List<ModemAnswerer> modems = new ArrayList<>();
    private final List<Thread> modemThreads = new ArrayList<>();
    private final List<Thread> acceptors = new ArrayList<>();
    private final Events events = new Events();
    private boolean started;
    private volatile boolean stopping;

    /**
     * @param users    who may dial in ({@link UserDirectory#NONE} with no authentication)
     * @param listener hears session starts, ends and refusals
     * @param log      gets the server's log lines (one per session start, end, refusal)
     */
    public AnswerServer(ServerConfig config, UserDirectory users, SessionListener listener, Consumer<String> log) {
        this(config, users, null, listener, log);
    }

    /**
     * @param radius when not null, peers are authenticated by RADIUS instead of {@code users}, and
     *               sessions are accounted there; the server closes it when it stops
     */
    public AnswerServer(ServerConfig config, UserDirectory users, RadiusNas radius, SessionListener listener,
                        Consumer<String> log) {
        this.config = Objects.requireNonNull(config, "config");
        this.users = Objects.requireNonNull(users, "users");
        this.radius = radius;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.log = Objects.requireNonNull(log, "log");
        this.pool = new AddressPool(config.pool());
        this.rateLimiter = new ConnectRateLimiter(config.limits().connectsPerSecond(), config.limits().connectBurst(),
                System::nanoTime);
        this.refusals = new RefusalReporter(log, System::nanoTime, REFUSAL_REPORT_INTERVAL);
        this.timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "jras-server-timers");
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true);
    }

    /**
     * Adds a modem line to answer calls on, before {@link #start()}.
     *
     * @param line    {@code modem:tcp:HOST:PORT} (a modem behind a terminal server, the emulator's
     *                line) or {@code modem:PATH[@BAUD]}
     * @param answer  how to initialize the modem and answer ({@link AnswerConfig#DEFAULTS})
     */
    public synchronized void addModemLine(DeviceSpec.Modem line, AnswerConfig answer) {
        if (started) {
            throw new IllegalStateException("modem lines are added before the server starts");
        }
        if (modems.stream().anyMatch(m -> m.name().equals(line.toString()))) {
            throw new IllegalArgumentException("the modem line " + line + " is given twice");
        }
        modems.add(new ModemAnswerer(line, answer, log));
    }

    /** Binds every listen address and starts accepting; if one cannot be bound, none stays bound. */
    public synchronized void start() throws IOException {
        if (started) {
            throw new IllegalStateException("already started");
        }
        if (config.listen().isEmpty() && modems.isEmpty()) {
            throw new IllegalStateException("nothing to listen on: no TCP address and no modem line");
        }
        started = true;
        try {
            for (InetSocketAddress a : config.listen()) {
                ServerSocket s = new ServerSocket();
                listeners.add(s);
                s.setReuseAddress(true);
                try {
                    s.bind(a, 512);
                } catch (IOException e) {
                    throw new IOException("cannot listen on " + LogText.address(a) + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            listeners.forEach(AnswerServer::closeQuietly);
            listeners.clear();
            throw e;
        }
        for (ServerSocket s : listeners) {
            acceptors.add(Thread.ofVirtual().name("jras-server-accept").start(() -> acceptLoop(s)));
            log.accept("listening on tcp:" + LogText.address((InetSocketAddress) s.getLocalSocketAddress()));
        }
        for (ModemAnswerer m : modems) {
            modemThreads.add(Thread.ofVirtual().name("jras-server-modem").start(() -> answerLoop(m)));
            log.accept("answering calls on " + m.name());
        }
        log.accept("pool " + config.pool() + " (" + LogText.count(config.pool().size(), "address", "addresses") + "), local address "
                + Ipv4.format(config.localAddress()) + ", authentication "
                + (config.auth().isEmpty() ? "none" : String.join(",", config.auth().stream().map(p -> p.displayName()).toList()))
                + (radius == null ? "" : " by RADIUS " + LogText.address(radius.config().authServer())
                        + " (accounting " + LogText.address(radius.config().acctServer()) + ")")
                + ", at most " + LogText.count(config.limits().maxSessions(), "session", "sessions"));
    }

    /** Where it listens (the real ports, when bound to port 0). */
    public synchronized List<InetSocketAddress> addresses() {
        return listeners.stream().map(s -> (InetSocketAddress) s.getLocalSocketAddress()).toList();
    }

    /** The live sessions, negotiating ones included, by id. */
    public List<SessionInfo> sessions() {
        return sessions.values().stream().map(ServerSession::info).sorted(Comparator.comparingLong(SessionInfo::id)).toList();
    }

    public Optional<SessionInfo> session(long id) {
        return Optional.ofNullable(sessions.get(id)).map(ServerSession::info);
    }

    /** The line and link counters of a live session (for the connection manager); empty once it ended. */
    public Optional<SessionLink> link(long id) {
        return Optional.ofNullable(sessions.get(id)).map(ServerSession::link);
    }

    /**
     * Hangs up one session (LCP Terminate-Request, then the line is closed); returns at once, false
     * if there is no such session. Its end comes to {@link SessionListener#ended}.
     */
    public boolean hangUp(long id, String reason) {
        ServerSession s = sessions.get(id);
        if (s == null) {
            return false;
        }
        s.hangUp(reason);
        return true;
    }

    public ServerConfig config() {
        return config;
    }

    /** Free addresses left in the pool. */
    public int addressesAvailable() {
        return pool.available();
    }

    /**
     * Stops accepting, hangs up every session with LCP Terminate and waits until all have ended (at
     * most the hang-up grace and a margin: lines that do not close by then are cut).
     */
    public void stop() {
        List<Thread> toJoin;
        synchronized (this) {
            if (stopping) {
                toJoin = List.of();
            } else {
                stopping = true;
                listeners.forEach(AnswerServer::closeQuietly);
                toJoin = List.copyOf(acceptors);
            }
        }
        for (Thread t : toJoin) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // No acceptor runs now: the map holds every session there will be (a call answered meanwhile is refused).
        List<CompletableFuture<SessionEnd>> ends = new ArrayList<>();
        for (ServerSession s : sessions.values()) {
            s.hangUp(STOPPING_REASON);
            ends.add(s.ended());
        }
        Duration wait = config.limits().hangUpGrace().plusSeconds(3);
        try {
            CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.accept("stop: " + sessions.size() + " sessions did not end within " + ServerSession.seconds(wait));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // a session's end never fails
        }
        // The sessions are over: the modem lines hang up and stop waiting for calls.
        modems.forEach(ModemAnswerer::close);
        for (Thread t : modemThreads) {
            try {
                t.join(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        timers.shutdownNow();
        if (radius != null) {
            // the sessions' accounting Stops are on their way: give them their retransmissions
            radius.close(radius.config().timeout().multipliedBy(radius.config().tries()));
        }
    }

    @Override
    public void close() {
        stop();
    }

    // ---------------------------------------------------------------- accepting

    private void acceptLoop(ServerSocket s) {
        while (!stopping) {
            Socket socket;
            try {
                socket = s.accept();
            } catch (IOException e) {
                if (s.isClosed()) {
                    return;
                }
                // e.g. out of file descriptors: pause rather than spin, and let sessions end meanwhile
                pause(ACCEPT_ERROR_PAUSE);
                continue;
            }
            try {
                admit(socket);
            } catch (RuntimeException | IOException e) {
                log.accept("cannot serve " + socket.getRemoteSocketAddress() + ": " + e);
                closeQuietly(socket);
            }
        }
    }

    private void admit(Socket socket) throws IOException {
        InetSocketAddress peer = (InetSocketAddress) socket.getRemoteSocketAddress();
        ServerLimits limits = config.limits();
        if (stopping) {
            refuse(socket, peer, Refusal.STOPPING, "");
            return;
        }
        socket.setTcpNoDelay(true); // here, so a failure cannot leave a slot or an address taken
        if (!rateLimiter.tryAcquire(peer.getAddress())) {
            // A flood: spend nothing on it, not even a TIME_WAIT (linger 0 resets the connection).
            socket.setSoLinger(true, 0);
            closeQuietly(socket);
            refused(peer, Refusal.RATE_LIMITED, limits.connectsPerSecond() + "/s, burst " + limits.connectBurst());
            return;
        }
        if (!takeSlot(limits.maxSessions())) {
            refuse(socket, peer, Refusal.SERVER_FULL, LogText.count(limits.maxSessions(), "session", "sessions"));
            return;
        }
        Optional<AddressPool.Lease> lease = pool.lease();
        if (lease.isEmpty()) {
            live.decrementAndGet();
            refuse(socket, peer, Refusal.NO_ADDRESS, "pool " + config.pool() + " all in use");
            return;
        }
        ServerSession session = new ServerSession(ids.incrementAndGet(), TcpTransport.of(socket), peer,
                "tcp:" + LogText.address((InetSocketAddress) socket.getLocalSocketAddress()), lease.get(), config, users,
                radius, timers, events);
        sessions.put(session.id(), session);
        try {
            session.start();
        } catch (IOException | RuntimeException e) {
            sessions.remove(session.id());
            lease.get().release();
            live.decrementAndGet();
            throw e;
        }
    }

    // ---------------------------------------------------------------- modem lines

    private void answerLoop(ModemAnswerer modem) {
        try {
            modem.run(call -> serveCall(modem, call));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.accept(modem.name() + ": stopped answering: " + e);
        }
    }

    /** One answered call: the same checks as a TCP connection, then a session until it ends. */
    private void serveCall(ModemAnswerer modem, AnsweredCall call) throws InterruptedException {
        ServerLimits limits = config.limits();
        if (stopping) {
            refuseCall(call, Refusal.STOPPING, "");
            return;
        }
        if (!takeSlot(limits.maxSessions())) {
            refuseCall(call, Refusal.SERVER_FULL, LogText.count(limits.maxSessions(), "session", "sessions"));
            return;
        }
        Optional<AddressPool.Lease> lease = pool.lease();
        if (lease.isEmpty()) {
            live.decrementAndGet();
            refuseCall(call, Refusal.NO_ADDRESS, "pool " + config.pool() + " all in use");
            return;
        }
        ServerSession session = new ServerSession(ids.incrementAndGet(), call, null, call.deviceName(), lease.get(), config,
                users, radius, timers, events);
        sessions.put(session.id(), session);
        try {
            session.start();
        } catch (IOException | RuntimeException e) {
            sessions.remove(session.id());
            lease.get().release();
            live.decrementAndGet();
            log.accept("cannot serve a call on " + modem.name() + ": " + e);
            return;
        }
        try {
            session.ended().get();
        } catch (ExecutionException e) {
            // a session's end never fails
        } catch (InterruptedException e) {
            session.hangUp("server stopping");
            throw e;
        }
    }

    /** Tells the caller why in an LCP Terminate-Request; the answerer then hangs up. */
    private void refuseCall(AnsweredCall call, Refusal refusal, String detail) {
        log.accept("refused a call on " + call.deviceName() + ": " + refusal.text() + (detail.isEmpty() ? "" : " (" + detail + ")"));
        try {
            OutputStream out = call.output();
            out.write(TerminateFrame.of(refusal.text()));
            out.flush();
            // Let the Terminate-Request reach the caller before the modem drops the call.
            call.input().read(new byte[256], 0, 256, REFUSAL_LINGER);
        } catch (IOException ignored) {
            // the caller went first; nothing to tell
        }
    }

    private boolean takeSlot(int max) {
        while (true) {
            int n = live.get();
            if (n >= max) {
                return false;
            }
            if (live.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Tells the peer why in an LCP Terminate-Request, then closes (off the accept thread). */
    private void refuse(Socket socket, InetSocketAddress peer, Refusal refusal, String detail) {
        refused(peer, refusal, detail);
        Thread.ofVirtual().name("jras-server-refuse").start(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(TerminateFrame.of(refusal.text()));
                out.flush();
                socket.shutdownOutput();
                drain(socket);
            } catch (IOException ignored) {
                // the peer went first; nothing to tell
            } finally {
                closeQuietly(socket);
            }
        });
    }

    /**
     * Reads what the peer sent until it closes, for a moment at most: closing with unread input
     * would reset the connection, and a reset can discard the Terminate-Request before the peer reads it.
     */
    private static void drain(Socket socket) throws IOException {
        long end = System.nanoTime() + REFUSAL_LINGER.toNanos();
        byte[] buf = new byte[1024];
        long budget = 64 * 1024;
        for (long left; (left = end - System.nanoTime()) > 0 && budget > 0; ) {
            socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            int n = socket.getInputStream().read(buf);
            if (n < 0) {
                return;
            }
            budget -= n;
        }
    }

    private void refused(InetSocketAddress peer, Refusal refusal, String detail) {
        refusals.report(peer, refusal, detail);
        try {
            listener.refused(peer, refusal);
        } catch (RuntimeException e) {
            log.accept("session listener threw on a refusal: " + e);
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    // ---------------------------------------------------------------- session reports

    private final class Events implements ServerEvents {
        @Override
        public void log(String line) {
            log.accept(line);
        }

        @Override
        public void started(ServerSession session) {
            SessionInfo i = session.info();
            log.accept("session " + i.id() + " started: " + i.where() + " user " + LogText.quoted(i.user())
                    + (i.authProtocol() == null ? " (no authentication)" : " (" + i.authProtocol().displayName() + ")")
                    + " address " + i.addressText());
            try {
                listener.started(i);
            } catch (RuntimeException e) {
                log.accept("session listener threw on session " + i.id() + " start: " + e);
            }
            if (stopping) {
                session.hangUp(STOPPING_REASON);
            }
        }

        @Override
        public void ended(ServerSession session, SessionEnd end) {
            sessions.remove(session.id());
            live.decrementAndGet();
            SessionInfo i = session.info();
            log.accept("session " + i.id() + " ended" + (i.started() ? "" : " before the network came up") + ": "
                    + i.where() + " user " + LogText.quoted(i.user()) + " address " + i.addressText()
                    + ", " + ServerSession.seconds(end.duration()) + ", " + end.octetsIn() + " octets in, "
                    + end.octetsOut() + " out: " + end.reason() + " (" + end.rasError() + ")");
            try {
                listener.ended(i, end);
            } catch (RuntimeException e) {
                log.accept("session listener threw on session " + i.id() + " end: " + e);
            }
        }
    }
}
