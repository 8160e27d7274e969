package io.jras.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real hook processes: what they are given, and how their ends are reported. */
class HookRunnerTest {

    @TempDir
    Path dir;

    final List<String> log = new CopyOnWriteArrayList<>();
    final HookRunner runner = new HookRunner(Duration.ofSeconds(20), 4096, log::add);

    @Test
    void theHookSeesExactlyPppdsArgumentsAndEnvironmentAndNothingInherited() throws Exception {
        Path out = dir.resolve("out");
        Path hook = Scripts.recorder(dir, "ip-up", out);
        HookInvocation inv = HookInvocation.of(HookScript.IP_UP, HookInvocationTest.FACTS, null);

        HookResult r = runner.run(HookScript.IP_UP, hook, inv);

        assertThat(r.outcome()).isEqualTo(HookResult.Outcome.EXITED);
        assertThat(r.ok()).isTrue();
        assertThat(Scripts.args(out)).containsExactly("ppp7", "serial:/dev/ttyS0@57600", "57600", "10.0.0.2", "10.0.0.1", "Office");
        Map<String, String> env = Scripts.env(out);
        assertThat(env).isEqualTo(inv.environment());
        assertThat(env).doesNotContainKeys("PATH", "HOME", "JAVA_HOME", "USER");
        assertThat(log).contains("hook ip-up: recorded ip-up");
    }

    @Test
    void anEmptyIpparamIsStillTheSixthArgument() throws Exception {
        Path out = dir.resolve("out");
        Path hook = Scripts.write(dir, "ip-up", "echo $# > " + out);
        LinkFacts f = LinkFacts.of("ppp0", "tcp:127.0.0.1:7001", 0).withIpv4("10.0.0.2", "10.0.0.1");

        runner.run(HookScript.IP_UP, hook, HookInvocation.of(HookScript.IP_UP, f, null));

        assertThat(Files.readString(out).strip()).isEqualTo("6");
    }

    @Test
    void aFailingHookIsReportedWithItsExitStatusAndOutput() throws Exception {
        Path hook = Scripts.write(dir, "ip-up", "echo 'route add failed' >&2\nexit 3");

        HookResult r = runner.run(HookScript.IP_UP, hook, HookInvocation.of(HookScript.IP_UP, HookInvocationTest.FACTS, null));

        assertThat(r.outcome()).isEqualTo(HookResult.Outcome.EXITED);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.ok()).isFalse();
        assertThat(r.reason()).isEqualTo("failed: exit status 3");
        assertThat(r.output()).isEqualTo("route add failed\n");
        assertThat(log).contains("hook ip-up (" + hook + "): failed: exit status 3", "hook ip-up: route add failed");
    }

    @Test
    void aHookPastItsTimeoutIsKilledWithItsChildrenAndGrandchildren() throws Exception {
        Path pids = dir.resolve("pids");
        Path hook = Scripts.write(dir, "ip-up",
                "/bin/sleep 300 &\necho $! > " + pids + "\n"
                        + "/bin/sh -c '/bin/sleep 300 & echo $! >> " + pids + "; wait' &\n"
                        + "echo started\nwait");
        HookRunner quick = new HookRunner(Duration.ofMillis(400), 4096, log::add);

        HookResult r = quick.run(HookScript.IP_UP, hook, HookInvocation.of(HookScript.IP_UP, HookInvocationTest.FACTS, null));

        assertThat(r.outcome()).isEqualTo(HookResult.Outcome.TIMED_OUT);
        assertThat(r.ok()).isFalse();
        assertThat(r.reason()).startsWith("timed out after 400 ms");
        assertThat(r.took()).isLessThan(Duration.ofSeconds(10));
        assertThat(r.output()).isEqualTo("started\n");
        List<Long> children = Files.readAllLines(pids).stream().map(String::strip).map(Long::parseLong).toList();
        assertThat(children).hasSize(2);
        for (long pid : children) {
            awaitGone(pid);
        }
        assertThat(log).anyMatch(l -> l.contains("timed out"));
    }

    @Test
    void aHookWithoutTheExecuteBitIsReportedNotRun() throws Exception {
        Path hook = Scripts.write(dir, "ip-up", "exit 0");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rw-r--r--"));

        HookResult r = runner.run(HookScript.IP_UP, hook, HookInvocation.of(HookScript.IP_UP, HookInvocationTest.FACTS, null));

        assertThat(r.outcome()).isEqualTo(HookResult.Outcome.NOT_RUN);
        assertThat(r.reason()).contains("no execute permission");
        assertThat(r.ok()).isFalse();
        assertThat(log).anyMatch(l -> l.contains("no execute permission"));
    }

    @Test
    void aHookOthersCanWriteIsRefused() throws Exception {
        Path marker = dir.resolve("ran");
        Path hook = Scripts.write(dir, "ip-up", "touch " + marker);
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxrwxrwx"));

        HookResult r = runner.run(HookScript.IP_UP, hook, HookInvocation.of(HookScript.IP_UP, HookInvocationTest.FACTS, null));

        assertThat(r.outcome()).isEqualTo(HookResult.Outcome.NOT_RUN);
        assertThat(r.reason()).contains("writable by group or others");
        assertThat(marker).doesNotExist();
    }

    @Test
    void anAbsentHookIsNoErrorAndNotLogged() {
        HookResult r = runner.run(HookScript.IP_UP, dir.resolve("ip-up"),
                HookInvocation.of(HookScript.IP_UP, HookInvocationTest.FACTS, null));

        assertThat(r.outcome()).isEqualTo(HookResult.Outcome.ABSENT);
        assertThat(r.ok()).isTrue();
        assertThat(log).isEmpty();
    }

    @Test
    void aHookThatCannotStartIsReported() throws Exception {
        Path hook = dir.resolve("ip-up");
        Files.writeString(hook, "#!/no/such/interpreter\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));

        HookResult r = runner.run(HookScript.IP_UP, hook, HookInvocation.of(HookScript.IP_UP, HookInvocationTest.FACTS, null));

        assertThat(r.outcome()).isEqualTo(HookResult.Outcome.FAILED_TO_START);
        assertThat(r.reason()).startsWith("could not be started");
    }

    @Test
    void outputIsCappedButTheHookIsNotBlockedByIt() throws Exception {
        Path hook = Scripts.write(dir, "ip-up", "i=0\nwhile [ $i -lt 2000 ]; do echo 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'; i=$((i+1)); done\nexit 0");

        HookResult r = runner.run(HookScript.IP_UP, hook, HookInvocation.of(HookScript.IP_UP, HookInvocationTest.FACTS, null));

        assertThat(r.outcome()).isEqualTo(HookResult.Outcome.EXITED);
        assertThat(r.exitCode()).isZero();
        assertThat(r.output()).hasSize(4096);
        assertThat(r.truncated()).isTrue();
        assertThat(log).contains("hook ip-up: (output beyond 4096 bytes dropped)");
    }

    /** SIGKILL is delivered at once, but the kernel tears a process down asynchronously. */
    private static void awaitGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (Scripts.running(pid) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Scripts.running(pid)).as("process %d still runs", pid).isFalse();
    }
}
