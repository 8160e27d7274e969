package io.jras.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.core.ConnectionManager;
import io.jras.core.DialRequest;
import io.jras.core.LinkDevices;
import io.jras.core.ManagerConfig;
import io.jras.core.iface.InterfacePolicy;
import io.jras.core.iface.InterfaceStatus;
import io.jras.net.testkit.TestNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A jras client dials the answering server with host interfaces on both sides, each in its own
 * network namespace: the client's in one, the server session's in the other. IP between the two
 * namespaces then runs only through the PPP link: ping, and a TCP transfer checked by digest.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ServeInterfacesIT {

    @Test
    void pingAndTcpBetweenTwoNamespacesGoThroughTheClientAndServerInterfaces() throws Exception {
        Path dir = Files.createTempDirectory("jrasserve");
        Path file = dir.resolve("2mb.bin");
        byte[] data = new byte[2 * 1024 * 1024];
        new Random(7).nextBytes(data);
        Files.write(file, data);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        try (TestNamespace clientNs = TestNamespace.create(); TestNamespace serverNs = TestNamespace.create();
             ServerFixture server = new ServerFixture(ServerFixture.config().withAuth(ServerConfig.DEFAULT_AUTH)
                     .withInterfaces(InterfacePolicy.ON.withNamespace(serverNs.name())),
                     ServerFixture.users(ServerFixture.USERS));
             ConnectionManager manager = new ConnectionManager(ManagerConfig.DEFAULT.withInterfaces(
                     InterfacePolicy.ON.withNamespace(clientNs.name())))) {
            long h = manager.dialAndWait(DialRequest.of("Serve", LinkDevices.forSpec("tcp:127.0.0.1:"
                    + server.address().getPort()), "alice", "wonderland"), Duration.ofSeconds(30));
            String local = manager.status(h).projection().localAddressText();
            String remote = manager.status(h).projection().remoteAddressText();
            assertThat(local).isEqualTo("192.0.2.10");
            assertThat(remote).isEqualTo("192.0.2.9");
            assertThat(manager.status(h).netInterface()).isEqualTo(new InterfaceStatus("jras0", InterfaceStatus.UP, ""));
            assertThat(clientNs.ip("addr", "show", "dev", "jras0")).contains("inet 192.0.2.10 peer 192.0.2.9/32");
            // The server session's interface: its own address local, the caller's as the peer.
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (serverNs.tryIp("addr", "show", "dev", "jras0").exit() != 0 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(serverNs.ip("addr", "show", "dev", "jras0")).contains("inet 192.0.2.9 peer 192.0.2.10/32");
            assertThat(server.log).anyMatch(l -> l.contains("interface jras0 up"));

            TestNamespace.Result ping = clientNs.exec(20, "ping", "-c", "3", "-i", "0.2", "-W", "2", remote);
            assertThat(ping.exit()).as(ping.output()).isZero();

            Process listener = serverNs.start("socat", "-u", "OPEN:" + file,
                    "TCP-LISTEN:5002,bind=" + remote + ",reuseaddr");
            try {
                TestNamespace.Result get = clientNs.exec(60, "sh", "-c",
                        "socat -u TCP:" + remote + ":5002,retry=40,interval=0.1 - | sha256sum");
                assertThat(get.exit()).as(get.output()).isZero();
                assertThat(get.output()).startsWith(digest);
            } finally {
                listener.destroy();
            }

            manager.hangUp(h);
            manager.completion(h).get(30, TimeUnit.SECONDS);
            assertThat(clientNs.tryIp("link", "show", "jras0").exit()).isNotZero();
            end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (serverNs.tryIp("link", "show", "jras0").exit() == 0 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(serverNs.tryIp("link", "show", "jras0").exit()).isNotZero();
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
