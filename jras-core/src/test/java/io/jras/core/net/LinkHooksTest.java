package io.jras.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.core.Device;
import io.jras.core.DialRequest;
import io.jras.link.Transport;
import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.ppp.Projection;
import io.jras.ppp.lcp.LcpOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The up/down order of one connection's hooks, with real scripts. */
class LinkHooksTest {

    static final String SECRET = "hunter2-Sesame";

    @TempDir
    Path dir;

    final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void ipDownWaitsForARunningIpUpAndGetsTheStatistics() throws Exception {
        Path trail = dir.resolve("trail");
        Path release = dir.resolve("release");
        Scripts.write(dir, "ip-up", "echo up-start >> " + trail + "\n"
                + "while [ ! -e " + release + " ]; do /bin/sleep 0.02; done\n"
                + "echo up-end >> " + trail);
        Scripts.write(dir, "ip-down", "echo \"down $CONNECT_TIME $BYTES_SENT $BYTES_RCVD\" >> " + trail);
        LinkHooks hooks = new LinkHooks(dir, new HookRunner(Duration.ofSeconds(20), 4096, log::add));
        LinkFacts facts = HookInvocationTest.FACTS;

        var up = hooks.ipUp(facts);
        awaitLine(trail, "up-start");
        var down = hooks.ipDown(facts, new LinkCounters(61, 1000, 2000));
        Thread.sleep(300); // room for a wrong ip-down to run now; a right one cannot until the release
        assertThat(down).isNotDone();
        assertThat(Files.readAllLines(trail)).containsExactly("up-start");

        Files.createFile(release);
        HookResult d = down.get(20, TimeUnit.SECONDS);

        assertThat(up).isDone();
        assertThat(d.outcome()).isEqualTo(HookResult.Outcome.EXITED);
        assertThat(Files.readAllLines(trail)).containsExactly("up-start", "up-end", "down 61 1000 2000");
    }

    @Test
    void ipDownRunsAfterAnIpUpThatTimedOut() throws Exception {
        Path trail = dir.resolve("trail");
        Scripts.write(dir, "ip-up", "echo up >> " + trail + "\nexec /bin/sleep 300");
        Scripts.write(dir, "ip-down", "echo down >> " + trail);
        LinkHooks hooks = new LinkHooks(dir, new HookRunner(Duration.ofMillis(300), 4096, log::add));

        var up = hooks.ipUp(HookInvocationTest.FACTS);
        HookResult d = hooks.ipDown(HookInvocationTest.FACTS, LinkCounters.ZERO).get(20, TimeUnit.SECONDS);

        assertThat(up.get().outcome()).isEqualTo(HookResult.Outcome.TIMED_OUT);
        assertThat(d.outcome()).isEqualTo(HookResult.Outcome.EXITED);
        assertThat(Files.readAllLines(trail)).containsExactly("up", "down");
    }

    @Test
    void ipDownIsNotRunWhenIpUpWasNotAndUpDownCanRepeat() throws Exception {
        Path trail = dir.resolve("trail");
        Scripts.write(dir, "ip-up", "echo up >> " + trail);
        Scripts.write(dir, "ip-down", "echo down >> " + trail);
        Scripts.write(dir, "ipv6-up", "echo up6 $4 >> " + trail);
        LinkHooks hooks = new LinkHooks(dir, new HookRunner(log::add));

        HookResult none = hooks.ipDown(HookInvocationTest.FACTS, LinkCounters.ZERO).get(20, TimeUnit.SECONDS);
        assertThat(none.outcome()).isEqualTo(HookResult.Outcome.NOT_RUN);
        assertThat(none.reason()).isEqualTo("not run: ip-up was not run");

        for (int i = 0; i < 2; i++) {
            hooks.ipUp(HookInvocationTest.FACTS).get(20, TimeUnit.SECONDS);
            hooks.ipDown(HookInvocationTest.FACTS, LinkCounters.ZERO).get(20, TimeUnit.SECONDS);
        }
        hooks.ipv6Up(HookInvocationTest.FACTS).get(20, TimeUnit.SECONDS);
        HookResult v6down = hooks.ipv6Down(HookInvocationTest.FACTS, LinkCounters.ZERO).get(20, TimeUnit.SECONDS);

        assertThat(v6down.outcome()).isEqualTo(HookResult.Outcome.ABSENT);
        assertThat(Files.readAllLines(trail)).containsExactly("up", "down", "up", "down", "up6 fe80::0001:0002:0003:0004");
    }

    @Test
    void thePasswordOfTheDialNeverReachesAHookNorTheLog() throws Exception {
        DialRequest request = DialRequest.of("Office", device(), "ann", SECRET);
        Projection p = new Projection(Ipv4.parse("10.1.1.2"), Ipv4.parse("10.1.1.1"), Ipv4.parse("192.0.2.53"), 0,
                0, 0, AuthProtocol.MSCHAP_V2, null, "", LcpOptions.DEFAULTS, LcpOptions.DEFAULTS);
        LinkFacts facts = LinkFacts.forConnection(request, "ppp3", p, 0, true);
        Path out = dir.resolve("out");
        Scripts.recorder(dir, "ip-up", out);
        // Also print everything to the captured output, which goes to the log.
        Scripts.write(dir, "ip-down", "echo \"$@\"\n/bin/cat /proc/$$/environ | /usr/bin/tr '\\0' '\\n'");
        LinkHooks hooks = new LinkHooks(dir, new HookRunner(log::add));

        HookResult up = hooks.ipUp(facts).get(20, TimeUnit.SECONDS);
        HookResult down = hooks.ipDown(facts, new LinkCounters(5, 6, 7)).get(20, TimeUnit.SECONDS);

        assertThat(Scripts.args(out)).containsExactly("ppp3", "tcp:127.0.0.1:7001", "0", "10.1.1.2", "10.1.1.1", "Office");
        assertThat(Scripts.env(out)).containsEntry("LINKNAME", "Office").containsEntry("USEPEERDNS", "1")
                .doesNotContainKey("PEERNAME");
        assertThat(down.output()).contains("IPLOCAL=10.1.1.2", "CONNECT_TIME=5");
        String everything = String.join("\n", log) + Files.readString(Path.of(out + ".args"))
                + Files.readString(Path.of(out + ".env")) + up + down + facts;
        assertThat(everything).doesNotContain(SECRET).doesNotContain("hunter2");
    }

    private static Device device() {
        return new Device() {
            @Override
            public String type() {
                return "tcp";
            }

            @Override
            public String name() {
                return "tcp:127.0.0.1:7001";
            }

            @Override
            public Transport open(Duration timeout) {
                throw new UnsupportedOperationException("not dialed in this test");
            }
        };
    }

    private static void awaitLine(Path file, String line) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readAllLines(file).contains(line)) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError(line + " never appeared in " + file);
    }
}
