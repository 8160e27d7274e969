package io.jras.bench.memory;

import io.jras.core.ConnectionManager;
import io.jras.core.Device;
import io.jras.core.DialRequest;
import io.jras.core.ManagerConfig;
import io.jras.core.RasConnState;
import io.jras.core.session.PppSession;
import io.jras.link.MemoryTransport;
import io.jras.link.Transport;
import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.ppp.PppConfig;
import io.jras.ppp.PppEngine;
import io.jras.ppp.ipcp.IpcpConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Memory of idle connections in one manager: N connections are dialed over in-memory lines to N
 * answering jras engines in the same JVM (CHAP-MD5, IPCP, IPV6CP), left idle once all are
 * Connected, and measured: retained heap (after GC), RSS, and platform threads.
 *
 * <pre>  java -Xmx4g -cp jras-bench/target/benchmarks.jar io.jras.bench.memory.ConnectionFootprint [N]</pre>
 */
public final class ConnectionFootprint {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        PeerSide peers = new PeerSide();
        ConnectionManager manager = new ConnectionManager(ManagerConfig.DEFAULT);
        long heapBefore = EngineFootprint.usedAfterGc();
        long rssBefore = rssKiB();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long t0 = System.nanoTime();
        CountDownLatch connected = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            manager.dial(DialRequest.of("E" + i, peers, "alice", "wonderland").withOwner(-1, false), (h, s, e) -> {
                if (s == RasConnState.CONNECTED) {
                    connected.countDown();
                }
            });
        }
        if (!connected.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException(connected.getCount() + " connections did not connect");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long heapAfter = EngineFootprint.usedAfterGc();
        long rssAfter = rssKiB();
        int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
        long perBoth = (heapAfter - heapBefore) / n;
        System.out.printf("connections=%d connected_in_s=%.1f (%.0f dials/s, both ends in one JVM)%n", n, seconds, n / seconds);
        System.out.printf("heap: %d bytes per connection, both ends included (manager side + its in-process peer)%n", perBoth);
        System.out.printf("rss: %d KiB per connection, both ends included (%d MiB total growth)%n",
                (rssAfter - rssBefore) / n, (rssAfter - rssBefore) / 1024);
        System.out.printf("platform threads: %d before, %d with %d connections%n", threadsBefore, threadsAfter, n);
        manager.close();
        System.exit(0);
    }

    /** The answering side: a fresh in-memory line and authenticator engine per open(). */
    static final class PeerSide implements Device {
        @Override
        public String type() {
            return "memory";
        }

        @Override
        public String name() {
            return "memory";
        }

        @Override
        public Transport open(Duration timeout) {
            // 4 KiB per direction: a real line buffers in the kernel, not in the heap.
            MemoryTransport.Pair pair = MemoryTransport.pair("memory", 4096);
            PppConfig config = PppConfig.authenticator(List.of(AuthProtocol.CHAP_MD5),
                    name -> Optional.ofNullable(Map.of("alice", "wonderland").get(name)),
                    IpcpConfig.server(Ipv4.parse("10.0.0.1"), Ipv4.parse("10.0.0.2"), 0, 0));
            new PppSession("peer", new PppEngine(config), pair.far().input(), pair.far().output(), pair.far(), e -> { })
                    .start();
            return pair.near();
        }
    }

    static long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
