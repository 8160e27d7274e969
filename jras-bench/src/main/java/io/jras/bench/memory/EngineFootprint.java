package io.jras.bench.memory;

import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.ppp.Phase;
import io.jras.ppp.PppConfig;
import io.jras.ppp.PppEngine;
import io.jras.ppp.ipcp.IpcpConfig;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Heap bytes of one idle PppEngine: N client/authenticator pairs are negotiated in memory to the
 * Network phase (CHAP-MD5, IPCP, IPV6CP), then left idle; the retained heap is measured after GC and
 * divided by the number of engines.
 *
 * <pre>  java -cp jras-bench/target/benchmarks.jar io.jras.bench.memory.EngineFootprint [PAIRS]</pre>
 */
public final class EngineFootprint {

    public static void main(String[] args) {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        long before = usedAfterGc();
        List<PppEngine> engines = new ArrayList<>(2 * pairs);
        for (int i = 0; i < pairs; i++) {
            PppEngine client = new PppEngine(PppConfig.client("alice", "wonderland").withRandom(new SplittableRandom(i)));
            PppEngine server = new PppEngine(PppConfig.authenticator(List.of(AuthProtocol.CHAP_MD5),
                            name -> Optional.ofNullable(Map.of("alice", "wonderland").get(name)),
                            IpcpConfig.server(Ipv4.parse("10.0.0.1"), Ipv4.parse("10.0.0.2") + i, 0, 0))
                    .withRandom(new SplittableRandom(~i)));
            negotiate(client, server);
            if (client.phase() != Phase.NETWORK || server.phase() != Phase.NETWORK) {
                throw new IllegalStateException("pair " + i + " did not reach the Network phase");
            }
            engines.add(client);
            engines.add(server);
        }
        long after = usedAfterGc();
        long perEngine = (after - before) / engines.size();
        System.out.printf("engines=%d retained_heap_bytes=%d per_engine_bytes=%d%n", engines.size(), after - before, perEngine);
        System.out.printf("10,000 idle engines need about %.1f MiB of heap%n", perEngine * 10_000 / 1048576.0);
        // Keep the engines reachable until after the measurement.
        if (engines.get(engines.size() - 1).isFinished()) {
            System.out.println("unexpected");
        }
    }

    /** Pumps bytes between the two until both are quiet (no timer needs to fire on a clean link). */
    static void negotiate(PppEngine a, PppEngine b) {
        long now = 0;
        a.open(now);
        b.open(now);
        boolean moved = true;
        while (moved) {
            moved = false;
            for (byte[] f; (f = a.pollTransmit()) != null; ) {
                b.receive(f, now);
                moved = true;
            }
            for (byte[] f; (f = b.pollTransmit()) != null; ) {
                a.receive(f, now);
                moved = true;
            }
            while (a.pollEvent() != null) {
                moved = true;
            }
            while (b.pollEvent() != null) {
                moved = true;
            }
        }
    }

    static long usedAfterGc() {
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
