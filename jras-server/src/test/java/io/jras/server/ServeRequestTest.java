package io.jras.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.server.users.UserDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jras serve's options as text, read the one way both the CLI and the daemon read them. */
class ServeRequestTest {

    @TempDir
    Path dir;

    static ServeRequest of(List<String> listen, String users, String auth, String dns) {
        return new ServeRequest(listen, "192.0.2.10-192.0.2.19", users, auth, dns, null, null, null, null, null, null, false, null, null, null, null, null, false, null);
    }

    @Test
    void nullsAreTheDefaultsOfJrasServe() {
        ServerConfig c = of(List.of("tcp:127.0.0.1:7000"), null, "none", null).config();
        assertThat(c.listen().getFirst().getPort()).isEqualTo(7000);
        assertThat(c.localAddress()).isEqualTo(Ipv4.parse("192.0.2.9"));
        assertThat(c.name()).isEqualTo(ServerConfig.DEFAULT_NAME);
        assertThat(c.limits()).isEqualTo(ServerLimits.DEFAULTS);
        assertThat(of(List.of("tcp:127.0.0.1:7000"), null, null, null).config().auth())
                .isEqualTo(List.of(AuthProtocol.MSCHAP_V2, AuthProtocol.CHAP_MD5));
        ServerConfig tuned = new ServeRequest(List.of("tcp:127.0.0.1:7000"), "192.0.2.10-192.0.2.19", null, "none",
                "192.0.2.53,192.0.2.54", "192.0.2.1", "lab", 5, 9L, 0.0, 3, true, null, null, null, null, null, false, null).config();
        assertThat(tuned.primaryDns()).isEqualTo(Ipv4.parse("192.0.2.53"));
        assertThat(tuned.secondaryDns()).isEqualTo(Ipv4.parse("192.0.2.54"));
        assertThat(tuned.localAddress()).isEqualTo(Ipv4.parse("192.0.2.1"));
        assertThat(tuned.limits().maxSessions()).isEqualTo(5);
        assertThat(tuned.limits().negotiationTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(tuned.trace()).isTrue();
    }

    @Test
    void badOptionsSayWhichInTheirOwnTerms() {
        assertThatThrownBy(() -> of(List.of("serial:/dev/ttyS0"), null, "none", null).config())
                .hasMessageContaining("--listen takes tcp:HOST:PORT");
        assertThatThrownBy(() -> of(List.of(), null, "none", null).config()).hasMessageContaining("--listen is required");
        assertThatThrownBy(() -> of(List.of("tcp:127.0.0.1:7000"), null, "none", "1.1.1.1,2.2.2.2,3.3.3.3").config())
                .hasMessageContaining("--dns takes at most two");
        assertThatThrownBy(() -> new ServeRequest(List.of("tcp:127.0.0.1:7000"), null, null, "none", null, null, null,
                null, null, null, null, false, null, null, null, null, null, false, null).config()).hasMessageContaining("--pool is required");
    }

    @Test
    void theUsersFileIsNeededWithAuthenticationAndRefusedWithout() throws Exception {
        ServeRequest none = of(List.of("tcp:127.0.0.1:7000"), null, "none", null);
        assertThat(none.directory(none.config(), line -> { })).isSameAs(UserDirectory.NONE);
        ServeRequest noFile = of(List.of("tcp:127.0.0.1:7000"), null, "chap", null);
        assertThatThrownBy(() -> noFile.directory(noFile.config(), line -> { })).hasMessageContaining("needs --users");
        Path users = Files.writeString(dir.resolve("chap-secrets"), "alice * \"s3cret-x\" *\nbroken \"line\n");
        ServeRequest broken = of(List.of("tcp:127.0.0.1:7000"), users.toString(), "chap", null);
        assertThatThrownBy(() -> broken.directory(broken.config(), line -> { }))
                .hasMessageStartingWith("--users: ").hasMessageNotContaining("s3cret-x");
        ServeRequest extra = of(List.of("tcp:127.0.0.1:7000"), users.toString(), "none", null);
        assertThatThrownBy(() -> extra.directory(extra.config(), line -> { })).hasMessageContaining("no use with --auth none");
    }
}
