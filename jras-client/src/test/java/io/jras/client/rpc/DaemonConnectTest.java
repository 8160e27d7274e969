package io.jras.client.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.client.RasClientException;
import io.jras.client.RemoteAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code RemoteAccess.connect} when no daemon answers. jras-daemon is not on this module's class
 * path, so autostart cannot happen here and must say so (jras-daemon's tests start real ones).
 */
class DaemonConnectTest {

    @Test
    void withNoDaemonAndNoneToStartItFailsAtOnceWith711() throws Exception {
        Path dir = Files.createTempDirectory("jras-none");
        try {
            assertThat(Autostart.available()).isFalse();
            assertThatThrownBy(() -> RemoteAccess.connect(dir.resolve("jras.sock")))
                    .isInstanceOfSatisfying(RasClientException.class, e -> {
                        assertThat(e.code()).isEqualTo(711);
                        assertThat(e.getMessage()).contains(dir.resolve("jras.sock").toString(), "io.jras.daemon.Main");
                    });
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void theDaemonIsStartedDetachedWithThisJvmAndClassPath() {
        List<String> cmd = Autostart.command(Path.of("/run/user/1000/jras/jras.sock"));
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            assertThat(cmd.getFirst()).isEqualTo("/usr/bin/setsid");
        }
        assertThat(cmd).contains(ProcessHandle.current().info().command().orElseThrow(), "-cp");
        assertThat(cmd.get(cmd.indexOf("-cp") + 1).split(java.io.File.pathSeparator))
                .allSatisfy(entry -> assertThat(Path.of(entry).isAbsolute()).isTrue());
        assertThat(cmd.subList(cmd.size() - 3, cmd.size()))
                .containsExactly("io.jras.daemon.Main", "--socket", "/run/user/1000/jras/jras.sock");
    }
}
