package io.jras.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.core.ConnectionManager;
import io.jras.core.DialRequest;
import io.jras.core.LinkDevices;
import io.jras.core.ManagerConfig;
import io.jras.core.RasConnState;
import io.jras.link.RasException;
import io.jras.ppp.testkit.peers.PeerProcess;
import io.jras.ppp.testkit.peers.RealPeers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subprocess as the line: the manager runs {@code slirp ppp} itself and speaks PPP over the
 * child's terminal (slirp insists on a tty, so the device is {@code exec+pty:}).
 */
@RealPeers
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ExecSlirpIT {

    @TempDir
    Path home;

    @Test
    void theManagerDialsSlirpRunAsAChildOnAPty() throws Exception {
        // Debian's 64-bit slirp needs the select() fix the harness also uses (see the peers README).
        Path fix = home.resolve("select-fix.so");
        Path source = PeerProcess.peersDir().resolve("slirp-select-fix.c");
        Process cc = new ProcessBuilder("cc", "-shared", "-fPIC", "-O2", "-o", fix.toString(), source.toString(), "-ldl")
                .redirectErrorStream(true).start();
        String ccOut = new String(cc.getInputStream().readAllBytes());
        assertThat(cc.waitFor()).as(ccOut).isZero();
        String command = "env HOME=" + home + " LD_PRELOAD=" + fix
                + " slirp ppp nozeros \"host addr 127.0.0.1\" \"dns 127.0.0.1\"";
        try (ConnectionManager manager = new ConnectionManager(ManagerConfig.DEFAULT)) {
            long h = manager.dial(DialRequest.of("Slirp", LinkDevices.forSpec("exec+pty:" + command), "alice", "x"), null);
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (state(manager, h) != RasConnState.CONNECTED) {
                if (System.nanoTime() > end || state(manager, h) == RasConnState.DISCONNECTED) {
                    throw new AssertionError("not connected: " + manager.status(h));
                }
                Thread.sleep(20);
            }
            assertThat(manager.status(h).projection().localAddressText()).isEqualTo("10.0.2.15");
            assertThat(manager.status(h).deviceType()).isEqualTo("exec");
            manager.hangUp(h);
            manager.completion(h).get(30, TimeUnit.SECONDS);
        }
        // The child is gone with the line: no slirp of ours is left running.
        Process ps = new ProcessBuilder("pgrep", "-f", fix.toString()).start();
        assertThat(new String(ps.getInputStream().readAllBytes()).trim()).isEmpty();
        Files.deleteIfExists(fix);
    }

    private static RasConnState state(ConnectionManager m, long h) {
        try {
            return m.status(h).state();
        } catch (RasException e) {
            return null;
        }
    }
}
