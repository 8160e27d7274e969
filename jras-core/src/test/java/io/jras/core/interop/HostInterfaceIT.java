package io.jras.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.core.ConnectionManager;
import io.jras.core.ConnectionStatus;
import io.jras.core.DialRequest;
import io.jras.core.LinkDevices;
import io.jras.core.ManagerConfig;
import io.jras.core.RasConnState;
import io.jras.core.iface.InterfaceEvent;
import io.jras.core.iface.InterfaceHooks;
import io.jras.core.iface.InterfacePolicy;
import io.jras.core.iface.InterfaceStatus;
import io.jras.link.RasException;
import io.jras.net.Ipv4Prefix;
import io.jras.net.RouteSpec;
import io.jras.net.testkit.TestNamespace;
import io.jras.ppp.ipv6cp.Ipv6cp;
import io.jras.ppp.testkit.peers.PeerProcess;
import io.jras.ppp.testkit.peers.PeerProcess.Auth;
import io.jras.ppp.testkit.peers.RealPeers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A jras connection as a real network link of the host: the manager dials pppd 2.4.9 in
 * user-mode-linux over TCP, and its TUN interface lives in a network namespace the test creates
 * (and removes, also on failure), where ping and TCP run through the link to the UML guest.
 */
@RealPeers
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class HostInterfaceIT {

    static final Duration WITHIN = Duration.ofSeconds(40);
    static final int TRANSFER_BYTES = 10 * 1024 * 1024;

    private static RasConnState state(ConnectionManager m, long h) {
        try {
            return m.status(h).state();
        } catch (RasException e) {
            return null;
        }
    }

    static void awaitConnected(ConnectionManager m, long h) throws Exception {
        long end = System.nanoTime() + WITHIN.toNanos();
        while (state(m, h) != RasConnState.CONNECTED) {
            if (System.nanoTime() > end || state(m, h) == RasConnState.DISCONNECTED) {
                throw new AssertionError("not connected: " + m.status(h));
            }
            Thread.sleep(20);
        }
    }

    @Test
    void pingThroughTheInterfaceReachesPppdInUmlAndHangUpRemovesIt() throws Exception {
        List<InterfaceEvent> ups = new CopyOnWriteArrayList<>();
        List<InterfaceEvent> downs = new CopyOnWriteArrayList<>();
        InterfaceHooks hooks = new InterfaceHooks() {
            @Override
            public void interfaceUp(InterfaceEvent e) {
                ups.add(e);
            }

            @Override
            public void interfaceDown(InterfaceEvent e) {
                downs.add(e);
            }
        };
        try (TestNamespace ns = TestNamespace.create();
             PeerProcess pppd = PeerProcess.pppdServer(Auth.CHAP, Map.of());
             ConnectionManager manager = new ConnectionManager(ManagerConfig.DEFAULT.withInterfaces(
                     InterfacePolicy.ON.withNamespace(ns.name()).withHooks(hooks)))) {
            long h = manager.dial(DialRequest.of("Lab", LinkDevices.forSpec("tcp:127.0.0.1:" + pppd.port()),
                    "alice", "wonderland"), null);
            awaitConnected(manager, h);
            ConnectionStatus s = manager.status(h);
            assertThat(s.netInterface()).isEqualTo(new InterfaceStatus("jras0", InterfaceStatus.UP, ""));
            assertThat(ns.ip("addr", "show", "dev", "jras0")).contains("inet 192.0.2.2 peer 192.0.2.1/32")
                    .contains("mtu 1500").contains(",UP");
            assertThat(ups).singleElement().satisfies(e -> {
                assertThat(e.interfaceName()).isEqualTo("jras0");
                assertThat(e.localAddress()).isEqualTo("192.0.2.2");
                assertThat(e.remoteAddress()).isEqualTo("192.0.2.1");
                assertThat(e.dns()).containsExactly("192.0.2.53", "192.0.2.54");
            });
            long framesBefore = s.statistics().framesRcved();

            TestNamespace.Result ping = ns.exec(30, "ping", "-c", "3", "-i", "0.3", "-W", "3", "192.0.2.1");
            assertThat(ping.exit()).as(ping.output()).isZero();
            assertThat(ping.output()).contains("3 received");
            // The forwarded echo replies are counted in the connection's statistics.
            assertThat(manager.status(h).statistics().framesRcved()).isGreaterThanOrEqualTo(framesBefore + 3);

            // IPV6CP opens just after IPCP: then fe80::<our Interface-Identifier>/64, and IPv6 (0x0057) both ways.
            long end = System.nanoTime() + WITHIN.toNanos();
            while (manager.status(h).projection().localInterfaceId() == 0 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            var p = manager.status(h).projection();
            assertThat(p.localInterfaceId()).as("IPV6CP opened").isNotZero();
            String peerLinkLocal = "fe80::" + Ipv6cp.format(p.remoteInterfaceId());
            // Compared as addresses: ip prints fe80::f91:..., Ipv6cp.format fe80::0f91:...
            java.net.InetAddress wanted = java.net.InetAddress.getByName("fe80::" + Ipv6cp.format(p.localInterfaceId()));
            end = System.nanoTime() + WITHIN.toNanos();
            while (!linkLocals(ns).contains(wanted) && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(linkLocals(ns)).containsExactly(wanted);
            TestNamespace.Result ping6 = ns.exec(30, "ping", "-6", "-c", "2", "-i", "0.3", "-W", "3",
                    peerLinkLocal + "%jras0");
            assertThat(ping6.exit()).as(ping6.output()).isZero();

            manager.hangUp(h);
            manager.completion(h).get(30, TimeUnit.SECONDS);
            assertThat(ns.tryIp("link", "show", "jras0").exit()).isNotZero();
            assertThat(downs).hasSize(1);
        }
    }

    /**
     * pppd's ip-up / ip-down with its arguments and environment, and the entry's DNS (JrasApplyDns=1,
     * resolv.conf strategy on a test file): applied before ip-up, reverted before ip-down.
     */
    @Test
    void ipUpAndIpDownRunAsPppdRunsThemAndTheEntrysDnsComesAndGoes(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path hooks = Files.createDirectory(dir.resolve("hooks"));
        Path trail = dir.resolve("trail");
        Path resolv = dir.resolve("resolv.conf");
        Files.writeString(resolv, "nameserver 198.51.100.1\n");
        script(hooks, "ip-up", "echo \"up $1 $4 $5 $IFNAME $IPLOCAL $IPREMOTE $DNS1 $DNS2 $LINKNAME"
                + " $(/bin/grep -c 192.0.2.53 " + resolv + ")\" >> " + trail);
        script(hooks, "ip-down", "echo \"down $1 $4 $5 $BYTES_SENT $BYTES_RCVD"
                + " $(/bin/grep -c 192.0.2.53 " + resolv + ")\" >> " + trail);
        List<String> log = new CopyOnWriteArrayList<>();
        var scripts = new io.jras.core.net.NetConfig(dir.resolve("unused"), new io.jras.core.net.HookRunner(log::add),
                new io.jras.core.net.ResolvConfDns(resolv, log::add), log::add);
        Path pbk = dir.resolve("rasphone.pbk");
        try (TestNamespace ns = TestNamespace.create();
             PeerProcess pppd = PeerProcess.pppdServer(Auth.CHAP, Map.of());
             ConnectionManager manager = new ConnectionManager(ManagerConfig.DEFAULT.withInterfaces(
                     InterfacePolicy.ON.withNamespace(ns.name()).withScripts(scripts)))) {
            io.jras.core.phonebook.Phonebook.load(pbk).add(io.jras.core.phonebook.PhonebookEntry
                    .create("Lab", "tcp:127.0.0.1:" + pppd.port())
                    .withValue("JrasApplyDns", "1").withValue("JrasHookDir", hooks.toString()));
            DialRequest request = io.jras.core.PhonebookDialResolver.standard()
                    .resolve("Lab", pbk.toString(), null, null, "alice", "wonderland", 0, false);
            long h = manager.dial(request, null);
            awaitConnected(manager, h);

            assertThat(awaitLine(trail, "up ")).isEqualTo(
                    "up jras0 192.0.2.2 192.0.2.1 jras0 192.0.2.2 192.0.2.1 192.0.2.53 192.0.2.54 Lab 1");
            assertThat(Files.readString(resolv)).contains("nameserver 192.0.2.53").contains("nameserver 198.51.100.1");

            manager.hangUp(h);
            manager.completion(h).get(30, TimeUnit.SECONDS);
            String[] down = awaitLine(trail, "down ").split(" ");
            assertThat(down).startsWith("down", "jras0", "192.0.2.2", "192.0.2.1");
            assertThat(Long.parseLong(down[4])).as("BYTES_SENT").isPositive();
            assertThat(Long.parseLong(down[5])).as("BYTES_RCVD").isPositive();
            assertThat(down[6]).as("DNS reverted before ip-down").isEqualTo("0");
            assertThat(Files.readString(resolv)).isEqualTo("nameserver 198.51.100.1\n");
            assertThat(String.join("\n", log)).doesNotContain("wonderland");
        }
    }

    private static void script(Path dir, String name, String body) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String awaitLine(Path trail, String prefix) throws Exception {
        long end = System.nanoTime() + WITHIN.toNanos();
        while (System.nanoTime() < end) {
            if (Files.exists(trail)) {
                for (String l : Files.readAllLines(trail)) {
                    if (l.startsWith(prefix)) {
                        return l;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no line starting '" + prefix + "' in " + trail);
    }

    /** The /64 link-local addresses on jras0. */
    private static List<java.net.InetAddress> linkLocals(TestNamespace ns) throws Exception {
        var m = java.util.regex.Pattern.compile("inet6 (fe80:\\S+)/64").matcher(ns.ip("-6", "addr", "show", "dev", "jras0"));
        List<java.net.InetAddress> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(java.net.InetAddress.getByName(m.group(1)));
        }
        return out;
    }

    @Test
    void tenMegabytesOverTcpThroughTheLinkArriveIntact() throws Exception {
        Path dir = Path.of("target", "host-interface-it").toAbsolutePath();
        Files.createDirectories(dir);
        Path file = dir.resolve("10mb.bin");
        byte[] data = new byte[TRANSFER_BYTES];
        new Random(42).nextBytes(data);
        Files.write(file, data);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        // Inside UML, once pppd's IPCP is up: serve the file on 192.0.2.1:5001 (the guest sees the host's / read-only).
        String upCmd = "socat -u OPEN:" + file + " TCP-LISTEN:5001,bind=$4,reuseaddr >/dev/null 2>&1 &";
        try (TestNamespace ns = TestNamespace.create();
             PeerProcess pppd = PeerProcess.pppdServer(Auth.NONE, Map.of("LAB_UP_CMD", upCmd));
             ConnectionManager manager = new ConnectionManager(ManagerConfig.DEFAULT.withInterfaces(
                     InterfacePolicy.ON.withNamespace(ns.name())))) {
            long h = manager.dial(DialRequest.of("Lab", LinkDevices.forSpec("tcp:127.0.0.1:" + pppd.port()),
                    "alice", "wonderland"), null);
            awaitConnected(manager, h);
            long t0 = System.nanoTime();
            TestNamespace.Result get = ns.exec(180, "sh", "-c",
                    "socat -u TCP:192.0.2.1:5001,retry=40,interval=0.25 - | sha256sum");
            double linkSeconds = (System.nanoTime() - t0) / 1e9;
            assertThat(get.exit()).as(get.output()).isZero();
            assertThat(get.output()).startsWith(digest);
            assertThat(manager.status(h).statistics().bytesRcved()).isGreaterThan(TRANSFER_BYTES);

            double loopSeconds = loopbackTransfer(file, digest);
            String line = String.format("link-vs-loopback: %d bytes; through jras0 + PPP + pppd-in-UML %.2f s = %.2f MB/s;"
                            + " plain loopback TCP %.3f s = %.1f MB/s",
                    TRANSFER_BYTES, linkSeconds, TRANSFER_BYTES / linkSeconds / 1e6, loopSeconds,
                    TRANSFER_BYTES / loopSeconds / 1e6);
            System.out.println(line);
            Files.writeString(dir.resolve("transfer-rate.txt"), line + "\n");
            manager.hangUp(h);
            manager.completion(h).get(30, TimeUnit.SECONDS);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void throughSlirpAServiceOnTheHostIsReachedAs10_0_2_2() throws Exception {
        Path dir = Path.of("target", "host-interface-it").toAbsolutePath();
        Files.createDirectories(dir);
        Path file = dir.resolve("slirp-64k.bin");
        byte[] data = new byte[64 * 1024];
        new Random(3).nextBytes(data);
        Files.write(file, data);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // The service listens on the host's 127.0.0.1 only; slirp maps 10.0.2.2 to it.
        Process service = new ProcessBuilder("socat", "-u", "OPEN:" + file,
                "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr").redirectErrorStream(true).start();
        try (TestNamespace ns = TestNamespace.create();
             PeerProcess slirp = PeerProcess.slirp(Auth.NONE, Map.of());
             ConnectionManager manager = new ConnectionManager(ManagerConfig.DEFAULT.withInterfaces(
                     InterfacePolicy.ON.withNamespace(ns.name()).withRoutes(
                             new RouteSpec(false, List.of(Ipv4Prefix.parse("10.0.2.0/24"))))))) {
            long h = manager.dial(DialRequest.of("Slirp", LinkDevices.forSpec("tcp:127.0.0.1:" + slirp.port()),
                    "alice", "wonderland").withIpv6(false), null);
            awaitConnected(manager, h);
            assertThat(manager.status(h).projection().localAddressText()).isEqualTo("10.0.2.15");
            assertThat(ns.ip("route", "show")).contains("10.0.2.0/24 dev jras0");
            // Read exactly the file's length: slirp 1.0.17 does not pass on the service's FIN (the
            // connection stays ESTABLISHED), and it moves bulk data slowly (1 MB did not get through
            // in 60 s), so the slirp check is 64 KB; see docs/network-interface.md.
            TestNamespace.Result get = ns.exec(20, "bash", "-c", "exec 3<>/dev/tcp/10.0.2.2/" + port
                    + "; head -c " + data.length + " <&3 | sha256sum; ss -tn state all dst 10.0.2.2 >&2");
            System.out.println("slirp transfer: " + get.output());
            assertThat(get.exit()).as(get.output()).isZero();
            assertThat(get.output()).startsWith(digest);
            manager.hangUp(h);
            manager.completion(h).get(30, TimeUnit.SECONDS);
        } finally {
            service.destroy();
            service.waitFor(5, TimeUnit.SECONDS);
            Files.deleteIfExists(file);
        }
    }

    /** The same file through socat over 127.0.0.1 on the host, for comparison; returns seconds. */
    private static double loopbackTransfer(Path file, String digest) throws IOException, InterruptedException {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process server = new ProcessBuilder("socat", "-u", "OPEN:" + file,
                "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr").redirectErrorStream(true).start();
        try {
            long t0 = System.nanoTime();
            TestNamespace.Result r = TestNamespace.run(List.of("sh", "-c",
                    "socat -u TCP:127.0.0.1:" + port + ",retry=40,interval=0.05 - | sha256sum"), 60);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(r.output()).startsWith(digest);
            return seconds;
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
