package io.jras.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** systemd-resolved through a stand-in resolvectl: a real script that records how it was called. */
class ResolvedDnsTest {

    @TempDir
    Path dir;

    final List<String> log = new CopyOnWriteArrayList<>();

    Path calls;

    Path fakeResolvectl(int exitStatus) throws IOException {
        calls = dir.resolve("calls");
        return Scripts.write(dir, "resolvectl", "echo \"$*\" >> " + calls + "\n"
                + (exitStatus == 0 ? "exit 0" : "echo 'Failed to set DNS configuration: Link ppp0 not known' >&2\nexit " + exitStatus));
    }

    @Test
    void applySetsServersAndDomainsOnTheLinkAndRevertRevertsIt() throws Exception {
        ResolvedDns dns = new ResolvedDns(List.of(fakeResolvectl(0).toString()), log::add);

        dns.apply(new DnsSettings("ppp0", List.of("10.0.0.53", "10.0.0.54"), List.of("corp.example", "lab.example")));
        dns.revert("ppp0");

        assertThat(Files.readAllLines(calls)).containsExactly(
                "dns ppp0 10.0.0.53 10.0.0.54", "domain ppp0 corp.example lab.example", "revert ppp0");
    }

    @Test
    void withoutDomainsOnlyTheServers() throws Exception {
        ResolvedDns dns = new ResolvedDns(List.of(fakeResolvectl(0).toString()), log::add);

        dns.apply(new DnsSettings("ppp1", List.of("2001:db8::53"), List.of()));

        assertThat(Files.readAllLines(calls)).containsExactly("dns ppp1 2001:db8::53");
    }

    @Test
    void aFailingResolvectlIsAnErrorThatSaysWhy() throws Exception {
        ResolvedDns dns = new ResolvedDns(List.of(fakeResolvectl(1).toString()), log::add);

        assertThatThrownBy(() -> dns.apply(new DnsSettings("ppp0", List.of("10.0.0.53"), List.of())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("dns ppp0 10.0.0.53 failed with exit status 1")
                .hasMessageContaining("Link ppp0 not known");
    }

    @Test
    void resolvedIsDetectedByItsRunDirectoryOrAWorkingResolvectlStatus() throws Exception {
        Path missingRunDir = dir.resolve("no-such-run-dir");
        Path ok = fakeResolvectl(0);
        Path conf = dir.resolve("resolv.conf");

        assertThat(DnsConfigurators.detect(missingRunDir, List.of(ok.toString()), conf, log::add)).isInstanceOf(ResolvedDns.class);
        assertThat(Files.readAllLines(calls)).containsExactly("status");

        Path failing = fakeResolvectl(1);
        assertThat(DnsConfigurators.detect(missingRunDir, List.of(failing.toString()), conf, log::add))
                .isInstanceOf(ResolvConfDns.class);
        assertThat(DnsConfigurators.detect(missingRunDir, List.of(dir.resolve("absent").toString()), conf, log::add))
                .isInstanceOf(ResolvConfDns.class);
        assertThat(DnsConfigurators.detect(dir, List.of(failing.toString()), conf, log::add)).isInstanceOf(ResolvedDns.class);
    }
}
