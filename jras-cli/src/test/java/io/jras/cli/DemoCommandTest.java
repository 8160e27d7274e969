package io.jras.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code jras demo} tells the whole story for real: a daemon process on a private socket, a PPP
 * dial through it, and a second process that lists, hangs up and sees error 6. Nothing is left.
 */
class DemoCommandTest {

    @Test
    void theDemoDialsThroughADaemonAndASecondProcessHangsUpUntilTheHandleIsInvalid() throws Exception {
        List<Path> before = demoDirs();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));

        int status = cmd.execute("demo");

        String text = out.toString();
        assertThat(status).as(text + "\n" + err).isZero();
        assertThat(text).contains("OpenPort (0)", "Authenticate (5)", "Authenticated (14)", "Projected (18)",
                        "Connected (8192)", "local 192.0.2.2, remote 192.0.2.1, DNS 192.0.2.53, 192.0.2.54",
                        "| Hanging up 0x", "| Error 6: The handle is invalid.",
                        "received LCP Terminate-Request")
                .doesNotContain("wonderland");
        // The second process listed the connection by handle and entry.
        assertThat(text).containsPattern("\\| 0x[0-9a-f]+ +Demo +tcp:127\\.0\\.0\\.1:\\d+ +Connected");
        // ... and the session the daemon's answering server took, as jras serve's sessions are listed.
        assertThat(text).containsPattern("\\| 0x[0-9a-f]+ +jras-demo +tcp:127\\.0\\.0\\.1:\\d+ +Connected, incoming from alice");
        // After the hang-up neither end is left.
        assertThat(text).contains("| No connections");
        // Nothing left behind: no new private directory, no daemon on it.
        assertThat(demoDirs()).isEqualTo(before);
    }

    private static List<Path> demoDirs() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("jras-demo-")).sorted().toList();
        }
    }
}
