package io.jras.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Without CAP_NET_ADMIN a connection still comes up, without an interface, and its status says
 * why. The dial runs in a child JVM whose capability bounding set lacks CAP_NET_ADMIN (setpriv, when
 * we are root as in CI; an ordinary user lacks it anyway), so the check is the real one.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class UnprivilegedInterfaceTest {

    @Test
    void withoutCapNetAdminTheConnectionComesUpWithoutAnInterfaceAndSaysWhy() throws Exception {
        List<String> cmd = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("setpriv", "--bounding-set=-net_admin", "--inh-caps=-net_admin", "--"));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                UnprivilegedDial.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("state=Connected").contains("local=192.0.2.2")
                .contains("interface.state=unavailable").contains("interface.name=\n")
                .containsPattern("interface.reason=.*lacks CAP_NET_ADMIN");
    }
}
