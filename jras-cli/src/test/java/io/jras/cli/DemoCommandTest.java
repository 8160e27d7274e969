package io.jras.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code jras demo} runs a real PPP call over loopback TCP: both engines, real sockets, real time. */
class DemoCommandTest {

    @Test
    void theDemoDialsAuthenticatesProjectsAndHangsUp() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));

        int status = cmd.execute("demo", "--trace");

        assertThat(status).as(out + "\n" + err).isZero();
        assertThat(out.toString())
                .contains("OpenPort (0)", "Authenticate (5)", "Authenticated (14)", "Projected (18)",
                        "local 192.0.2.2, remote 192.0.2.1, DNS 192.0.2.53, 192.0.2.54",
                        "Connected (8192)", "Disconnected (8193)", "sent [LCP TermReq")
                .doesNotContain("wonderland");
    }
}
