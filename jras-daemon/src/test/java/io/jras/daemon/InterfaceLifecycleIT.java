package io.jras.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.client.DialOptions;
import io.jras.client.InterfaceStatus;
import io.jras.client.Status;
import io.jras.client.rpc.DaemonRemoteAccess;
import io.jras.core.iface.InterfacePolicy;
import io.jras.daemon.testkit.DaemonProcesses;
import io.jras.daemon.testkit.Jvm;
import io.jras.daemon.testkit.PeerServer;
import io.jras.daemon.testkit.TestResolver;
import io.jras.net.testkit.TestNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A daemon process with host interfaces on (JRAS_INTERFACES=on, in a test namespace through
 * JRAS_NETNS): the client API and the wire show the interface, and SIGTERM hangs the connection up
 * properly and removes the interface.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InterfaceLifecycleIT {

    @Test
    void statusShowsTheInterfaceAndSigtermRemovesIt() throws Exception {
        Path dir = Files.createTempDirectory("jrasif");
        Path socket = dir.resolve("jras.sock");
        try (TestNamespace ns = TestNamespace.create(); PeerServer peer = new PeerServer()) {
            ProcessBuilder pb = new ProcessBuilder(Jvm.command(Main.class.getName(), "--socket", socket.toString()));
            pb.environment().put(Main.RESOLVER_ENV, TestResolver.class.getName());
            pb.environment().put(InterfacePolicy.ENV, "on");
            pb.environment().put(InterfacePolicy.NETNS_ENV, ns.name());
            Jvm.Started daemon = Jvm.start(pb, dir, "daemon");
            try (DaemonRemoteAccess ras = DaemonProcesses.await(socket)) {
                CountDownLatch up = new CountDownLatch(1);
                long h = ras.dial(DialOptions.entry("Office").withDevice(peer.device())
                        .withCredentials(PeerServer.USER, PeerServer.PASSWORD), (handle, state, code, error) -> {
                            if (code == 0x2000) {
                                up.countDown();
                            }
                        });
                assertThat(up.await(20, TimeUnit.SECONDS)).isTrue();
                // Decoded from the daemon's JSON ("interface": {name, state, reason}).
                Status s = ras.status(h);
                assertThat(s.netInterface()).isEqualTo(new InterfaceStatus("jras0", "up", ""));
                assertThat(ns.ip("addr", "show", "dev", "jras0")).contains("inet 192.0.2.2 peer 192.0.2.1/32");
            }
            daemon.process().destroy(); // SIGTERM
            assertThat(daemon.await(Duration.ofSeconds(30))).isEqualTo(143);
            assertThat(peer.trace).anyMatch(l -> l.startsWith("rcvd [LCP TermReq"));
            assertThat(ns.tryIp("link", "show", "jras0").exit()).isNotZero();
            assertThat(daemon.stderr()).contains("jras0 up").doesNotContain(PeerServer.PASSWORD);
        } finally {
            DaemonProcesses.shutDown(socket);
            DaemonProcesses.delete(dir);
        }
    }
}
