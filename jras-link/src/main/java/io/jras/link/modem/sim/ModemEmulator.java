package io.jras.link.modem.sim;

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
    public record Options(Duration dialDelay, Duration guardTime, Duration connectTimeout) {
        public static final Options DEFAULTS = new Options(Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(5));

        public Options {
            Objects.requireNonNull(dialDelay, "dialDelay");
            Objects.requireNonNull(guardTime, "guardTime");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
        }

        public Options withDialDelay(Duration d) {
            return new Options(d, guardTime, connectTimeout);
        }

        public Options withGuardTime(Duration d) {
            return new Options(dialDelay, d, connectTimeout);
        }
    }

    private final Map<String, Destination> numbers;
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
        Map<String, Destination> normalized = new LinkedHashMap<>();
        numbers.forEach((number, destination) -> {
            String key = normalize(number);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("not a phone number: '" + number + "'");
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

    /** Binds and starts accepting lines; returns at once. */
    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(bind, 50);
        server = s;
        Thread.ofVirtual().name("modem-sim-accept").start(() -> accept(s));
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
        EmulatedModem modem = new EmulatedModem(lines.incrementAndGet(), line, numbers, options, log);
        modems.add(modem);
        if (closed) {
            modem.close();
        }
        Thread.ofVirtual().name("modem-sim-line").start(() -> {
            try {
                modem.run();
            } finally {
                modems.remove(modem);
            }
        });
    }

    /** Stops listening and closes every line and every call. */
    @Override
    public void close() {
        closed = true;
        ServerSocket s = server;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        modems.forEach(EmulatedModem::close);
    }

    private void accept(ServerSocket s) {
        while (!closed) {
            try {
                Socket socket = s.accept();
                socket.setTcpNoDelay(true);
                serve(TcpTransport.of(socket));
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
