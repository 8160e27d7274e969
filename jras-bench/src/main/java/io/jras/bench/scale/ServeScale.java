package io.jras.bench.scale;

import io.jras.core.ConnectionListener;
import io.jras.core.ConnectionManager;
import io.jras.core.Device;
import io.jras.core.DialPolicy;
import io.jras.core.DialRequest;
import io.jras.core.LinkDevices;
import io.jras.core.ManagerConfig;
import io.jras.core.RasConnState;
import io.jras.ppp.AuthProtocol;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The scale scenario: a jras {@link ConnectionManager} in this process dials {@code jras serve}
 * in another over TCP, and measures the serving process from outside.
 *
 * <ol>
 *   <li>Warm-up: W seconds of the cycles below, unmeasured, so that both JVMs have compiled the paths.
 *   <li>Hold: N sessions are dialed (K at a time) and held past IPCP, all Connected. The serving
 *       process's RSS is read after a full GC before and with the N sessions: (RSS_N − RSS_0) / N
 *       is the memory per session (the live heap, from a class histogram, is reported too); N / time-to-all-Connected the setup rate. Then all are hung up.
 *   <li>Cycle: K lanes each repeat dial → Connected (IPCP up) → hangUp → handle invalid, for a
 *       warm-up and then a measured window; full cycles per second over the window.
 * </ol>
 *
 * <p>The serving process is the one that owns the listening socket (see {@link ListeningProcess}),
 * whether that is {@code jras serve} itself or a daemon hosting the server. Run it with
 * {@code jras-bench/scale.sh}, which starts the server and raises the file limits.
 *
 * <pre>  java -cp benchmarks.jar io.jras.bench.scale.ServeScale --port P [--sessions N] [--in-flight K]
 *        [--seconds S] [--warmup W] [--user U --password PW] [--ipv6 true|false]</pre>
 */
public final class ServeScale {

    private record Options(int port, int sessions, int inFlight, int seconds, int warmup, String user,
                           String password, boolean ipv6) {

        static Options parse(String[] args) {
            Map<String, String> m = new TreeMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --name value, got " + args[i]);
                }
                m.put(args[i].substring(2), args[i + 1]);
            }
            if (!m.containsKey("port")) {
                throw new IllegalArgumentException("--port is required");
            }
            return new Options(Integer.parseInt(m.get("port")),
                    Integer.parseInt(m.getOrDefault("sessions", "10000")),
                    Integer.parseInt(m.getOrDefault("in-flight", "64")),
                    Integer.parseInt(m.getOrDefault("seconds", "15")),
                    Integer.parseInt(m.getOrDefault("warmup", "5")),
                    m.getOrDefault("user", "bench"), m.getOrDefault("password", "bench-secret"),
                    Boolean.parseBoolean(m.getOrDefault("ipv6", "true")));
        }
    }

    private final Options o;
    private final ConnectionManager manager;
    private final DialRequest request;

    private ServeScale(Options o) throws Exception {
        this.o = o;
        // Short-lived tombstones: the cycle phase ends hundreds of thousands of handles.
        this.manager = new ConnectionManager(ManagerConfig.DEFAULT.withTombstones(Duration.ofSeconds(5), 1000));
        Device device = LinkDevices.forSpec("tcp:127.0.0.1:" + o.port);
        // A dial by number (no entry name): nothing to share, as with rasdial's phone-number form.
        this.request = new DialRequest(null, null, device, List.of(), o.user, o.password,
                Set.of(AuthProtocol.PAP, AuthProtocol.CHAP_MD5, AuthProtocol.MSCHAP_V2), o.ipv6, DialPolicy.DEFAULT,
                -1, false);
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        ServedProcess served = waitForListener(o.port, Duration.ofSeconds(60));
        System.out.printf("serving process: pid %d (owns the listening socket on port %d)%n", served.pid(), o.port);
        System.out.printf("machine: %d cores, load %s%n", Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim());
        ServeScale bench = new ServeScale(o);
        // Both JVMs compile the dial and answer paths first, so that neither the setup rate nor the
        // idle RSS (code cache, metaspace) carries the warm-up.
        bench.cycle(served, o.warmup, 0);
        bench.hold(served);
        if (o.seconds > 0) {
            bench.cycle(served, o.warmup, o.seconds);
        }
        bench.manager.close();
        System.exit(0);
    }

    private static ServedProcess waitForListener(int port, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            long pid = ListeningProcess.find(port);
            if (pid > 0) {
                return new ServedProcess(pid);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("nothing listens on port " + port + " after " + timeout.toSeconds() + " s");
    }

    // ---------------------------------------------------------------- phase 1: hold N sessions

    private void hold(ServedProcess served) throws Exception {
        int n = o.sessions;
        long heap0 = settle(served);
        long rss0 = served.rssKiB();
        long threads0 = served.threads();
        long selfRss0 = selfRssAfterGc();
        long cpu0 = served.cpuTicks();
        long selfCpu0 = selfCpuMillis();

        Semaphore window = new Semaphore(o.inFlight);
        long[] handles = new long[n];
        List<Dial> dials = new ArrayList<>(n);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            window.acquire();
            Dial d = new Dial(window::release);
            dials.add(d);
            handles[i] = manager.dial(request, d);
        }
        CompletableFuture.allOf(dials.stream().map(d -> d.settled).toArray(CompletableFuture[]::new))
                .get(10, TimeUnit.MINUTES);
        double setupSeconds = (System.nanoTime() - t0) / 1e9;
        long cpu1 = served.cpuTicks();
        long selfCpu = selfCpuMillis() - selfCpu0;
        Map<Integer, Integer> errors = new TreeMap<>();
        for (Dial d : dials) {
            int e = d.settled.getNow(-1);
            if (e != 0) {
                errors.merge(e, 1, Integer::sum);
            }
        }
        int connected = n - errors.values().stream().mapToInt(Integer::intValue).sum();

        long heapN = settle(served);
        long rssN = served.rssKiB();
        long threadsN = served.threads();
        long selfRssN = selfRssAfterGc();
        String diag = System.getenv("SCALE_DIAG");
        if (diag != null && !diag.isEmpty()) {
            // Where the memory is: a class histogram and, if the JVM tracks it, native memory.
            Files.createDirectories(Path.of(diag));
            served.jcmd(Path.of(diag, "serve-histogram.txt"), "GC.class_histogram");
            served.jcmd(Path.of(diag, "serve-nmt.txt"), "VM.native_memory", "summary");
            Path threads = Path.of(diag, "serve-threads.txt");
            Files.deleteIfExists(threads);
            served.jcmd(Path.of(diag, "serve-threads.log"), "Thread.dump_to_file", "-format=text", threads.toString());
            Files.copy(Path.of("/proc", Long.toString(served.pid()), "smaps"), Path.of(diag, "serve-smaps.txt"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.printf("%n== hold: %d sessions dialed, %d in flight%n", n, o.inFlight);
        System.out.printf("connected: %d of %d%s%n", connected, n, errors.isEmpty() ? "" : ", errors " + errors);
        System.out.printf("setup: all settled in %.2f s = %.0f sessions/s (CPU: serving process %.1f s, dialing process %.1f s)%n",
                setupSeconds, n / setupSeconds, (cpu1 - cpu0) / 100.0, selfCpu / 1000.0);
        System.out.printf("serving process RSS after GC: %d KiB idle, %d KiB with %d sessions%n", rss0, rssN, connected);
        System.out.printf("serving process RSS per session: %.1f KiB%n", (rssN - rss0) / (double) Math.max(1, connected));
        System.out.printf("serving process live heap per session: %.1f KiB (%d KiB idle, %d KiB with the sessions)%n",
                (heapN - heap0) / 1024.0 / Math.max(1, connected), heap0 / 1024, heapN / 1024);
        System.out.printf("serving process threads: %d idle, %d with the sessions%n", threads0, threadsN);
        System.out.printf("dialing process (this one) RSS per connection: %.1f KiB%n",
                (selfRssN - selfRss0) / (double) Math.max(1, connected));

        long t1 = System.nanoTime();
        List<CompletableFuture<Void>> gone = new ArrayList<>(n);
        for (long h : handles) {
            gone.add(manager.completion(h));
            manager.hangUp(h);
        }
        CompletableFuture.allOf(gone.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        System.out.printf("hang-up: all %d handles invalid in %.2f s%n", n, (System.nanoTime() - t1) / 1e9);
        Thread.sleep(2000); // let the server see the lines close
    }

    /** The serving process quiet and collected before RSS is read; returns its live heap. */
    private static long settle(ServedProcess served) throws Exception {
        Thread.sleep(1000);
        long live = served.liveHeapBytes();
        if (live < 0) {
            System.out.println("(jcmd GC.class_histogram failed: RSS is read without a GC)");
        }
        Thread.sleep(500);
        return live;
    }

    private static long selfRssAfterGc() throws Exception {
        System.gc();
        Thread.sleep(200);
        return new ServedProcess(ProcessHandle.current().pid()).rssKiB();
    }

    /** One dial's listener: settles with 0 once Connected, or with the RAS error once Disconnected. */
    private static final class Dial implements ConnectionListener {
        final CompletableFuture<Integer> settled = new CompletableFuture<>();
        private final Runnable onSettled;
        private final AtomicBoolean once = new AtomicBoolean();

        Dial(Runnable onSettled) {
            this.onSettled = onSettled;
        }

        @Override
        public void onStateChange(long handle, RasConnState state, int error) {
            if ((state == RasConnState.CONNECTED || state == RasConnState.DISCONNECTED) && once.compareAndSet(false, true)) {
                settled.complete(state == RasConnState.CONNECTED ? 0 : (error == 0 ? -2 : error));
                onSettled.run();
            }
        }
    }

    // ---------------------------------------------------------------- phase 2: full cycles

    private static long selfCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
    }

    /** Runs cycles for {@code warmup} seconds, then measures them for {@code seconds} (none: warm-up only). */
    private void cycle(ServedProcess served, int warmup, int seconds) throws Exception {
        LongAdder cycles = new LongAdder();
        Map<Integer, LongAdder> errors = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean measuring = new AtomicBoolean();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> lanes = new ArrayList<>();
        for (int k = 0; k < o.inFlight; k++) {
            long[] mine = new long[1 << 14]; // per lane: enough for minutes at 1,000 cycles/s
            AtomicLong count = new AtomicLong();
            latencies.add(mine);
            lanes.add(Thread.ofVirtual().name("lane-" + k).start(() -> {
                while (!stop.get()) {
                    long start = System.nanoTime();
                    int error = oneCycle();
                    if (!measuring.get()) {
                        continue;
                    }
                    if (error == 0) {
                        cycles.increment();
                        int i = (int) count.getAndIncrement();
                        if (i < mine.length) {
                            mine[i] = System.nanoTime() - start;
                        }
                    } else {
                        errors.computeIfAbsent(error, e -> new LongAdder()).increment();
                    }
                }
            }));
        }
        Thread.sleep(Duration.ofSeconds(warmup));
        if (seconds == 0) {
            stop.set(true);
            for (Thread t : lanes) {
                t.join(Duration.ofSeconds(30));
            }
            System.out.printf("warm-up: %d s of cycles, %d in flight%n", warmup, o.inFlight);
            return;
        }
        long selfCpu0 = selfCpuMillis();
        long servedCpu0 = served.cpuTicks();
        long t0 = System.nanoTime();
        measuring.set(true);
        Thread.sleep(Duration.ofSeconds(seconds));
        measuring.set(false);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long done = cycles.sum();
        long servedCpu = served.cpuTicks() - servedCpu0;
        long selfCpu = selfCpuMillis() - selfCpu0;
        stop.set(true);
        for (Thread t : lanes) {
            t.join(Duration.ofSeconds(30));
        }
        long[] all = latencies.stream().flatMapToLong(a -> Arrays.stream(a).filter(v -> v > 0)).sorted().toArray();
        System.out.printf("%n== cycle: dial -> Connected (IPCP up) -> hangUp -> handle invalid, %d in flight, %d s warm-up%n",
                o.inFlight, warmup);
        System.out.printf("cycles: %d in %.1f s = %.0f cycles/s%s%n", done, elapsed, done / elapsed,
                errors.isEmpty() ? "" : ", failed " + new TreeMap<>(errors));
        if (all.length > 0) {
            System.out.printf("cycle time: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", pct(all, 0.50), pct(all, 0.99),
                    all[all.length - 1] / 1e6);
        }
        System.out.printf("CPU per 1,000 cycles: serving process %.2f s, dialing process %.2f s (of %d cores x %.1f s)%n",
                servedCpu / 100.0 / Math.max(1, done) * 1000, selfCpu / 1000.0 / Math.max(1, done) * 1000,
                Runtime.getRuntime().availableProcessors(), elapsed);
        System.out.printf("threads: dialing process %d (platform), serving process %d%n",
                ManagementFactory.getThreadMXBean().getThreadCount(), served.threads());
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
    }

    /** One full cycle; 0, or the RAS error of a dial that did not reach Connected. */
    private int oneCycle() {
        try {
            Dial d = new Dial(() -> { });
            long h = manager.dial(request, d);
            int error = d.settled.get(2, TimeUnit.MINUTES);
            CompletableFuture<Void> gone = manager.completion(h);
            manager.hangUp(h);
            gone.get(2, TimeUnit.MINUTES);
            return error;
        } catch (Exception e) {
            return -1;
        }
    }
}
