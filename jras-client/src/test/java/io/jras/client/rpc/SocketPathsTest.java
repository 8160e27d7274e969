package io.jras.client.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SocketPathsTest {

    @Test
    void anExplicitSocketWinsThenJrasSocketThenTheRuntimeDirThenTmp() {
        Map<String, String> env = Map.of("JRAS_SOCKET", "/srv/j.sock", "XDG_RUNTIME_DIR", "/run/user/1000");
        assertThat(SocketPaths.resolve(Path.of("/x/y.sock"), env, 1000)).isEqualTo(Path.of("/x/y.sock"));
        assertThat(SocketPaths.resolve(null, env, 1000)).isEqualTo(Path.of("/srv/j.sock"));
        assertThat(SocketPaths.resolve(null, Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), 1000))
                .isEqualTo(Path.of("/run/user/1000/jras/jras.sock"));
        assertThat(SocketPaths.resolve(null, Map.of("JRAS_SOCKET", " "), 1000)).isEqualTo(Path.of("/tmp/jras-1000/jras.sock"));
    }

    @Test
    void theLockAndTheLogLiveNextToTheSocket() {
        Path s = Path.of("/run/jras/jras.sock");
        assertThat(SocketPaths.lockFile(s)).isEqualTo(Path.of("/run/jras/jras.sock.lock"));
        assertThat(SocketPaths.logFile(s)).isEqualTo(Path.of("/run/jras/jras.sock.log"));
    }

    @Test
    void theCurrentUidIsTheOneTheJdkReportsToo() {
        assertThat((long) SocketPaths.currentUid()).isEqualTo(new com.sun.security.auth.module.UnixSystem().getUid());
    }
}
