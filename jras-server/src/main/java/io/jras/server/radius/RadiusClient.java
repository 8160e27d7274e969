package io.jras.server.radius;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The RADIUS transport of one server process: one UDP socket ({@link DatagramChannel}) for every
 * session, requests matched to responses by server and Identifier, retransmission, and the checks
 * that make a response trustworthy (RFC 2865 §3 Response Authenticator, RFC 3579 §3.2
 * Message-Authenticator).
 *
 * <p>Identifiers (RFC 2865 §3, RFC 5080 §2.2.1): each server address has its own space of 256; an
 * Identifier stays taken until the response comes or the request gives up, and a request that finds
 * all 256 taken waits for one. A retransmission repeats the same octets, Identifier and
 * Authenticator included.
 *
 * <p>Every packet that arrives and is not the awaited answer (malformed, from elsewhere, of an
 * unknown Identifier, with a wrong authenticator) is dropped and counted in {@link #statistics()};
 * nothing it contains can throw out of the receive loop.
 *
 * <p>Threads: one virtual thread receives; one daemon platform thread runs the retransmission
 * timers; {@link #send} may be called from any thread and returns at once. The futures complete on
 * those two threads, so callers must not block in their continuations.
 */
public final class RadiusClient implements AutoCloseable {

    /** What the client counted since it was opened. */
    public record Statistics(long requests, long retransmissions, long timeouts, long responses, long dropped) {
    }

    private final RadiusSecret secret;
    private final Duration timeout;
    private final int tries;
    private final SecureRandom random = new SecureRandom();
    private final DatagramChannel channel;
    private final ScheduledThreadPoolExecutor timers;
    private final Map<SocketAddress, IdSpace> spaces = new ConcurrentHashMap<>();
    private final Map<Key, Transaction> pending = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retransmissions = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong responses = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread receiver;
    private volatile boolean closed;

    /**
     * Opens the socket on an ephemeral port of any local address.
     *
     * @param timeout how long to wait for a response before retransmitting (RFC 5080 §2.2.1)
     * @param tries   transmissions of a request in all, the first one included
     */
    public RadiusClient(RadiusSecret secret, Duration timeout, int tries) throws IOException {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || tries < 1) {
            throw new IllegalArgumentException("the RADIUS timeout must be positive and tries at least 1");
        }
        this.tries = tries;
        this.channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(0));
        this.timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "jras-radius-timers");
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true);
        this.receiver = Thread.ofVirtual().name("jras-radius-receive").start(this::receiveLoop);
    }

    /** The local port of the socket. */
    public int localPort() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            return 0;
        }
    }

    public Statistics statistics() {
        return new Statistics(requests.get(), retransmissions.get(), timeouts.get(), responses.get(), dropped.get());
    }

    /** Requests waiting for a response. */
    public int pending() {
        return pending.size();
    }

    /**
     * Sends a request of {@code code} to {@code server} and completes with its verified response,
     * or exceptionally with {@link RadiusTimeoutException} once every try went unanswered (or
     * {@link ClosedChannelException} if the client closes meanwhile).
     *
     * @param attributes the request's attributes for a Request Authenticator (Access-Request) or
     *                   null (Accounting-Request, whose authenticator depends on them); a
     *                   Message-Authenticator is added and signed here
     */
    public CompletableFuture<RadiusPacket> send(InetSocketAddress server, int code,
                                                Function<byte[], List<RadiusAttribute>> attributes) {
        CompletableFuture<RadiusPacket> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new ClosedChannelException());
            return result;
        }
        IdSpace space = spaces.computeIfAbsent(server, s -> new IdSpace());
        space.acquire(id -> start(server, code, attributes, id, result));
        return result;
    }

    private void start(InetSocketAddress server, int code, Function<byte[], List<RadiusAttribute>> attributes, int id,
                       CompletableFuture<RadiusPacket> result) {
        try {
            boolean access = code == RadiusPacket.ACCESS_REQUEST;
            byte[] requestAuthenticator = new byte[16];
            if (access) {
                // RFC 2865 §3: the Request Authenticator is unpredictable and unique over the secret's lifetime
                random.nextBytes(requestAuthenticator);
            }
            List<RadiusAttribute> attrs = new ArrayList<>(attributes.apply(requestAuthenticator.clone()));
            // RFC 3579 §3.2 (and RFC 5080 §2.2.2 / "BlastRADIUS"): a Message-Authenticator on every request
            attrs.removeIf(a -> a.type() == RadiusAttribute.MESSAGE_AUTHENTICATOR);
            attrs.add(new RadiusAttribute(RadiusAttribute.MESSAGE_AUTHENTICATOR, new byte[16]));
            RadiusPacket packet = RadiusCrypto.signMessageAuthenticator(
                    new RadiusPacket(code, id, requestAuthenticator, attrs), requestAuthenticator, secret);
            if (!access) {
                // RFC 2866 §3: the Accounting Request Authenticator is a hash over the packet
                requestAuthenticator = RadiusCrypto.accountingRequestAuthenticator(packet.encode(), secret);
                packet = packet.withAuthenticator(requestAuthenticator);
            }
            Transaction t = new Transaction(server, id, code, packet.encode(), requestAuthenticator, result);
            pending.put(new Key(server, id), t);
            requests.incrementAndGet();
            transmit(t);
        } catch (RuntimeException e) {
            spaces.get(server).release(id);
            result.completeExceptionally(e);
        }
    }

    private void transmit(Transaction t) {
        if (closed) {
            return;
        }
        t.sent++;
        try {
            channel.send(ByteBuffer.wrap(t.bytes), t.server);
        } catch (IOException e) {
            // e.g. ICMP unreachable surfacing as PortUnreachableException: the timer retries
        }
        try {
            t.timer = timers.schedule(() -> expire(t), timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            finish(t, null, new ClosedChannelException());
        }
    }

    private void expire(Transaction t) {
        if (t.result.isDone()) {
            return;
        }
        if (t.sent < tries) {
            retransmissions.incrementAndGet();
            transmit(t);
            return;
        }
        timeouts.incrementAndGet();
        finish(t, null, new RadiusTimeoutException(t.server, t.sent));
    }

    private void finish(Transaction t, RadiusPacket response, Throwable error) {
        if (!pending.remove(new Key(t.server, t.id), t)) {
            return;
        }
        ScheduledFuture<?> timer = t.timer;
        if (timer != null) {
            timer.cancel(false);
        }
        spaces.get(t.server).release(t.id);
        if (error != null) {
            t.result.completeExceptionally(error);
        } else {
            t.result.complete(response);
        }
    }

    private void receiveLoop() {
        ByteBuffer buf = ByteBuffer.allocate(RadiusPacket.MAX_LENGTH + 1);
        while (!closed) {
            SocketAddress from;
            try {
                buf.clear();
                from = channel.receive(buf);
            } catch (IOException e) {
                if (closed || !channel.isOpen()) {
                    return;
                }
                continue; // e.g. an ICMP error for an earlier send
            }
            try {
                accept(from, buf.array(), buf.position());
            } catch (RuntimeException e) {
                // never lets a hostile packet end the loop
                dropped.incrementAndGet();
            }
        }
    }

    /** One datagram from {@code from}: the awaited response, or dropped and counted. */
    void accept(SocketAddress from, byte[] data, int len) {
        var decoded = RadiusPacket.decode(data, len);
        if (decoded.isEmpty()) {
            dropped.incrementAndGet();
            return;
        }
        RadiusPacket p = decoded.get();
        Transaction t = pending.get(new Key(from, p.identifier()));
        if (t == null || !answers(t.code, p.code())) {
            dropped.incrementAndGet();
            return;
        }
        int length = ((data[2] & 0xff) << 8) | (data[3] & 0xff);
        // RFC 2865 §3: a response whose Response Authenticator is wrong is silently discarded
        byte[] expected = RadiusCrypto.responseAuthenticator(data, length, t.requestAuthenticator, secret);
        if (!MessageDigest.isEqual(expected, p.authenticator())) {
            dropped.incrementAndGet();
            return;
        }
        // RFC 3579 §3.2: a Message-Authenticator that is present must be right (the Request Authenticator stands in)
        var ma = p.attribute(RadiusAttribute.MESSAGE_AUTHENTICATOR);
        if (ma.isPresent() && (ma.get().value().length != 16 || !MessageDigest.isEqual(ma.get().value(),
                RadiusCrypto.messageAuthenticator(p, t.requestAuthenticator, secret)))) {
            dropped.incrementAndGet();
            return;
        }
        responses.incrementAndGet();
        finish(t, p, null);
    }

    private static boolean answers(int requestCode, int responseCode) {
        return requestCode == RadiusPacket.ACCESS_REQUEST
                ? responseCode == RadiusPacket.ACCESS_ACCEPT || responseCode == RadiusPacket.ACCESS_REJECT
                || responseCode == RadiusPacket.ACCESS_CHALLENGE
                : responseCode == RadiusPacket.ACCOUNTING_RESPONSE;
    }

    /**
     * Waits up to {@code drain} for the requests in flight (e.g. the accounting Stops of a server
     * that is stopping), then closes the socket; what is still pending fails.
     */
    public void close(Duration drain) {
        long end = System.nanoTime() + drain.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < end) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closed either way
        }
        timers.shutdownNow();
        for (Transaction t : List.copyOf(pending.values())) {
            finish(t, null, new ClosedChannelException());
        }
        try {
            receiver.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }

    private record Key(SocketAddress server, int id) {
    }

    private static final class Transaction {
        final InetSocketAddress server;
        final int id;
        final int code;
        final byte[] bytes;
        final byte[] requestAuthenticator;
        final CompletableFuture<RadiusPacket> result;
        volatile int sent;
        volatile ScheduledFuture<?> timer;

        Transaction(InetSocketAddress server, int id, int code, byte[] bytes, byte[] requestAuthenticator,
                    CompletableFuture<RadiusPacket> result) {
            this.server = server;
            this.id = id;
            this.code = code;
            this.bytes = bytes;
            this.requestAuthenticator = requestAuthenticator;
            this.result = result;
        }
    }

    /** The 256 Identifiers towards one server; requests wait in order when all are taken. */
    private static final class IdSpace {
        private final boolean[] taken = new boolean[256];
        private final ArrayDeque<java.util.function.IntConsumer> waiting = new ArrayDeque<>();
        private int next;

        void acquire(java.util.function.IntConsumer user) {
            int id;
            synchronized (this) {
                id = free();
                if (id < 0) {
                    waiting.add(user);
                    return;
                }
            }
            user.accept(id);
        }

        void release(int id) {
            java.util.function.IntConsumer user;
            synchronized (this) {
                user = waiting.poll();
                if (user == null) {
                    taken[id] = false;
                    return;
                }
            }
            user.accept(id); // handed on while still taken
        }

        private int free() {
            for (int i = 0; i < 256; i++) {
                int id = (next + i) & 0xff;
                if (!taken[id]) {
                    taken[id] = true;
                    next = (id + 1) & 0xff;
                    return id;
                }
            }
            return -1;
        }
    }

    @Override
    public String toString() {
        return "RadiusClient[port=" + localPort() + ", pending=" + pending.size() + "]";
    }
}
