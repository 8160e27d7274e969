package io.jras.link.modem.sim;

import io.jras.link.DeviceSpec;
import io.jras.link.TcpTransport;
import io.jras.link.Transport;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A Hayes modem emulator for people and tests: it listens on TCP, and each accepted connection is
 * one modem line (any number at once, each on virtual threads). Numbers map to a TCP endpoint
 * (the call connects there and relays bytes) or to a result (BUSY, NO CARRIER, NO ANSWER,
 * NO DIALTONE, VOICE, given after {@link Options#dialDelay()}); other numbers get NO CARRIER.
 *
 * <p>Subscriber lines make it a small telephone exchange ({@link Exchange}): each has a number
 * and a TCP address of its own, where one DTE at a time attaches (a second connection is closed
 * at once). Dialing that number from any line rings it: RING every {@link Options#ringInterval()},
 * counted in S1; ATA answers (or S0 = n answers at the n-th ring), and both sides say
 * CONNECT 115200 and are joined. Hanging up either side (ATH, closing its TCP line) gives the
 * other NO CARRIER. A line that is off hook (ATH1), dialing, ringing or in a call is BUSY; a call
 * nobody answers gives the caller NO ANSWER after S7 seconds ({@link Options#carrierWait()}).
 *
 * <p>Commands: AT, ATZ, AT&amp;F, ATE0/1, ATV0/1, ATQ0/1, ATH, ATO, ATA, ATI, ATSn=v, ATSn?,
 * ATD[T|P]number, and L, M, X, &amp;C, &amp;D, &amp;K, &amp;V, &amp;W as no-ops; anything else is
 * ERROR. Any character during a dial's delay aborts it (NO CARRIER). On line, {@code +++} with a
 * guard time (S12, {@link Options#guardTime()} by default) of silence before and after returns to
 * command mode with OK; the far end closing says NO CARRIER.
 */
public final class ModemEmulator implements Closeable {

    /**
     * @param dialDelay how long a dial takes to fail (300 ms)
     * @param guardTime the escape guard time, S12's default (1 s)
     * @param connectTimeout how long a TCP destination may take to accept (5 s)
     */
    public record Options(Duration dialDelay, Duration guardTime, Duration connectTimeout, Duration ringInterval,
            Duration carrierWait) {
        public static final Options DEFAULTS = new Options(Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(6), Duration.ofSeconds(50));

        public Options {
            Objects.requireNonNull(dialDelay, "dialDelay");
            Objects.requireNonNull(guardTime, "guardTime");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(ringInterval, "ringInterval");
            Objects.requireNonNull(carrierWait, "carrierWait");
            if (ringInterval.isNegative() || ringInterval.isZero()) {
                throw new IllegalArgumentException("the ring interval must be positive");
            }
            if (carrierWait.toSeconds() < 1 || carrierWait.toSeconds() > 255) {
                throw new IllegalArgumentException("the carrier wait (S7) is 1-255 s, not " + carrierWait.toSeconds());
            }
        }

        public Options withDialDelay(Duration d) {
            return new Options(d, guardTime, connectTimeout, ringInterval, carrierWait);
        }

        public Options withGuardTime(Duration d) {
            return new Options(dialDelay, d, connectTimeout, ringInterval, carrierWait);
        }

        /** How often a called line says RING (a real line: about 6 s). */
        public Options withRingInterval(Duration d) {
            return new Options(dialDelay, guardTime, connectTimeout, d, carrierWait);
        }

        /** S7's default: how long a caller waits for a called line to answer (whole seconds, 1-255). */
        public Options withCarrierWait(Duration d) {
            return new Options(dialDelay, guardTime, connectTimeout, ringInterval, d);
        }
    }

    private final Map<String, Destination> numbers;
    private final Map<String, InetSocketAddress> subscriberBinds;
    private final Exchange exchange;
    private final Map<String, ServerSocket> subscriberSockets = new ConcurrentHashMap<>();
    private final InetSocketAddress bind;
    private final Options options;
    private final Consumer<String> log;
    private final AtomicInteger lines = new AtomicInteger();
    private final Set<EmulatedModem> modems = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private volatile boolean closed;

    /** Numbers as dialed (separators such as spaces and dashes do not matter) to destinations. */
    public ModemEmulator(Map<String, Destination> numbers, InetSocketAddress bind) {
        this(numbers, bind, Options.DEFAULTS, line -> { });
    }

    /** @param log gets one line per call: the number dialed and what came of it */
    public ModemEmulator(Map<String, Destination> numbers, InetSocketAddress bind, Options options, Consumer<String> log) {
        this(numbers, Map.of(), bind, options, log);
    }

    /**
     * @param lines subscriber numbers, each with the address where its DTE attaches; a number
     *     may not be both a subscriber line and in {@code numbers}
     * @param log   gets one line per call: the number dialed and what came of it, and what the
     *     called line did
     */
    public ModemEmulator(Map<String, Destination> numbers, Map<String, InetSocketAddress> lines, InetSocketAddress bind,
            Options options, Consumer<String> log) {
        Map<String, InetSocketAddress> subscribers = new LinkedHashMap<>();
        lines.forEach((number, address) -> {
            String key = normalize(number);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("not a phone number: '" + number + "'");
            }
            if (subscribers.put(key, Objects.requireNonNull(address, "address")) != null) {
                throw new IllegalArgumentException("line " + key + " is given twice");
            }
        });
        this.subscriberBinds = Collections.unmodifiableMap(subscribers);
        this.exchange = new Exchange(subscribers.keySet());
        Map<String, Destination> normalized = new LinkedHashMap<>();
        numbers.forEach((number, destination) -> {
            String key = normalize(number);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("not a phone number: '" + number + "'");
            }
            if (subscribers.containsKey(key)) {
                throw new IllegalArgumentException(key + " is a subscriber line and cannot also map to " + destination);
            }
            normalized.put(key, Objects.requireNonNull(destination, "destination"));
        });
        this.numbers = Collections.unmodifiableMap(normalized);
        this.bind = Objects.requireNonNull(bind, "bind");
        this.options = Objects.requireNonNull(options, "options");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Reads {@code NUMBER=tcp:HOST:PORT} and {@code NUMBER=BUSY} (etc.) entries, in order. */
    public static Map<String, Destination> parseMap(List<String> entries) {
        Map<String, Destination> map = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("a mapping is NUMBER=tcp:HOST:PORT or NUMBER=BUSY (etc.), not '" + entry + "'");
            }
            String number = entry.substring(0, eq).strip();
            if (normalize(number).isEmpty()) {
                throw new IllegalArgumentException("not a phone number: '" + number + "' in '" + entry + "'");
            }
            map.put(number, Destination.parse(entry.substring(eq + 1)));
        }
        return map;
    }

    /** Reads {@code NUMBER=tcp:HOST:PORT} subscriber lines: the address where the line's DTE attaches. */
    public static Map<String, InetSocketAddress> parseLines(List<String> entries) {
        Map<String, InetSocketAddress> map = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || !(tcpOrNull(entry.substring(eq + 1).strip()) instanceof DeviceSpec.Tcp tcp)) {
                throw new IllegalArgumentException("a line is NUMBER=tcp:HOST:PORT (where its DTE attaches), not '" + entry + "'");
            }
            String number = entry.substring(0, eq).strip();
            if (normalize(number).isEmpty()) {
                throw new IllegalArgumentException("not a phone number: '" + number + "' in '" + entry + "'");
            }
            map.put(number, new InetSocketAddress(tcp.host(), tcp.port()));
        }
        return map;
    }

    private static DeviceSpec tcpOrNull(String text) {
        try {
            return DeviceSpec.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Binds and starts accepting lines (subscriber lines too); returns at once. If one cannot be bound, none stays bound. */
    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        List<ServerSocket> bound = new java.util.ArrayList<>();
        try {
            ServerSocket s = bind(bind);
            bound.add(s);
            for (Map.Entry<String, InetSocketAddress> line : subscriberBinds.entrySet()) {
                ServerSocket ls = bind(line.getValue());
                bound.add(ls);
                subscriberSockets.put(line.getKey(), ls);
            }
            server = s;
        } catch (IOException e) {
            bound.forEach(ModemEmulator::closeQuietly);
            subscriberSockets.clear();
            throw e;
        }
        Thread.ofVirtual().name("modem-sim-accept").start(() -> accept(server, null));
        subscriberSockets.forEach((number, ls) ->
                Thread.ofVirtual().name("modem-sim-accept-" + number).start(() -> accept(ls, number)));
    }

    private static ServerSocket bind(InetSocketAddress address) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        try {
            s.bind(address, 50);
        } catch (IOException e) {
            closeQuietly(s);
            throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        return s;
    }

    /** Where the DTE of subscriber line {@code number} attaches (the real port, when bound to port 0). */
    public InetSocketAddress lineAddress(String number) {
        ServerSocket s = subscriberSockets.get(normalize(number));
        if (s == null) {
            throw new IllegalArgumentException(server == null ? "not started" : "no subscriber line " + number);
        }
        return (InetSocketAddress) s.getLocalSocketAddress();
    }

    /** The subscriber line numbers, normalized, in order. */
    public List<String> lines() {
        return List.copyOf(subscriberBinds.keySet());
    }

    /** The port it listens on (the real one, when bound to port 0). */
    public int port() {
        return address().getPort();
    }

    public InetSocketAddress address() {
        ServerSocket s = server;
        if (s == null) {
            throw new IllegalStateException("not started");
        }
        return (InetSocketAddress) s.getLocalSocketAddress();
    }

    /** The numbers it answers, normalized, and their destinations. */
    public Map<String, Destination> numbers() {
        return numbers;
    }

    /** Runs one more modem on {@code line} (a pty, a memory pair), on a virtual thread of its own. */
    public void serve(Transport line) throws IOException {
        serve(line, null);
    }

    /**
     * Runs the modem of subscriber line {@code number} on {@code line}; when that line has a DTE
     * attached already, {@code line} is closed at once.
     */
    public void serve(Transport line, String number) throws IOException {
        String subscriber = number == null ? null : normalize(number);
        EmulatedModem modem = new EmulatedModem(lines.incrementAndGet(), line, numbers, exchange, subscriber, options, log);
        if (subscriber != null && !exchange.attach(subscriber, modem)) {
            log.accept("line " + subscriber + ": a DTE is attached already; closing the new connection from " + line.deviceName());
            modem.close();
            return;
        }
        modems.add(modem);
        if (closed) {
            modem.close();
        }
        Thread.ofVirtual().name("modem-sim-line").start(() -> {
            try {
                modem.run();
            } finally {
                modems.remove(modem);
                if (subscriber != null) {
                    exchange.detach(subscriber, modem);
                }
            }
        });
    }

    /** Stops listening and closes every line and every call. */
    @Override
    public void close() {
        closed = true;
        ServerSocket s = server;
        if (s != null) {
            closeQuietly(s);
        }
        subscriberSockets.values().forEach(ModemEmulator::closeQuietly);
        modems.forEach(EmulatedModem::close);
    }

    private static void closeQuietly(ServerSocket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void accept(ServerSocket s, String number) {
        while (!closed) {
            try {
                Socket socket = s.accept();
                socket.setTcpNoDelay(true);
                serve(TcpTransport.of(socket), number);
            } catch (IOException e) {
                if (s.isClosed()) {
                    return;
                }
            }
        }
    }

    /** The digits that identify a number: 0-9, *, # and +; dial modifiers and separators go. */
    static String normalize(String dialString) {
        StringBuilder digits = new StringBuilder();
        for (char c : dialString.toCharArray()) {
            if ((c >= '0' && c <= '9') || c == '*' || c == '#' || c == '+') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
