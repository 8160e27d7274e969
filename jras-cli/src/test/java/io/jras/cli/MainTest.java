package io.jras.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int jras(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void versionNamesJrasAndTheRuntime() {
        assertThat(jras("--version")).isZero();
        assertThat(out.toString()).startsWith("jras 0.").contains("Java " + System.getProperty("java.version"));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void helpShowsUsageAndTheCommands() {
        assertThat(jras("--help")).isZero();
        assertThat(out.toString()).contains("Usage: jras", "--version", "Commands:", "help");
    }

    @Test
    void noSubcommandIsAUsageError() {
        assertThat(jras()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required subcommand", "Usage: jras");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unknownArgumentsAreUsageErrors() {
        assertThat(jras("--frobnicate")).isEqualTo(2);
        assertThat(jras("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void everyCommandInTheTableDescribesItself() {
        CommandLine root = Main.commandLine();
        assertThat(root.getSubcommands()).isNotEmpty();
        root.getSubcommands().forEach((name, sub) ->
                assertThat(sub.getCommandSpec().usageMessage().description()).as(name).isNotEmpty());
    }
}
