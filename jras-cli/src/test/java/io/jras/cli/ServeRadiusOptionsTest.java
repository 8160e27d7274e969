package io.jras.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code jras serve --radius ...}: argument errors are usage errors that never show the secret. */
class ServeRadiusOptionsTest {

    static final String SECRET = "s3cr3t-do-not-print";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int jras(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private int serve(String... more) {
        String[] base = {"serve", "--listen", "tcp:127.0.0.1:1", "--pool", "192.0.2.10-192.0.2.19"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return jras(all);
    }

    private Path secretFile(String content) throws Exception {
        Path f = dir.resolve("radius.secret");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void radiusNeedsASecretFile() {
        assertThat(serve("--radius", "127.0.0.1:1812")).isEqualTo(2);
        assertThat(err.toString()).contains("--radius needs --radius-secret-file FILE");
    }

    @Test
    void radiusAndUsersExcludeEachOther() throws Exception {
        assertThat(serve("--radius", "127.0.0.1:1812", "--radius-secret-file", secretFile(SECRET).toString(),
                "--users", dir.resolve("users").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--users and --radius exclude each other").doesNotContain(SECRET);
    }

    @Test
    void aBadPortIsAUsageErrorWithoutTheSecret() throws Exception {
        assertThat(serve("--radius", "127.0.0.1:99999", "--radius-secret-file", secretFile(SECRET + "\nmore").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("1-65535").doesNotContain(SECRET);
        assertThat(out.toString()).doesNotContain(SECRET);
    }

    @Test
    void aMissingOrEmptySecretFileIsNamedButNothingIsQuoted() throws Exception {
        assertThat(serve("--radius", "127.0.0.1:1812", "--radius-secret-file", dir.resolve("nope").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");
        assertThat(serve("--radius", "127.0.0.1:1812", "--radius-secret-file", secretFile("\n" + SECRET).toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("the first line is empty").doesNotContain(SECRET);
    }

    @Test
    void acctPortWithoutRadiusIsAUsageError() {
        assertThat(serve("--radius-acct-port", "1813", "--auth", "none")).isEqualTo(2);
        assertThat(err.toString()).contains("need --radius HOST:PORT");
    }
}
