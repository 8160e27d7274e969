package io.jras.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code jras} command. Only argument handling and printing live in this module.
 *
 * <p>The command table is the {@code subcommands} list below: a subcommand is a picocli
 * {@code @Command} class (with a {@code description}), registered by adding it there.
 */
@Command(
        name = "jras",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Remote Access Service for the JVM: dial, watch and hang up PPP connections.",
        subcommands = {
            // the command table, in the order `jras --help` lists it
            HelpCommand.class,
            DialCommand.class,
            HangupCommand.class,
            ListCommand.class,
            StatusCommand.class,
            WatchCommand.class,
            EntryCommand.class,
            DemoCommand.class,
            ModemSimCommand.class,
            DaemonCommand.class,
            ServeCommand.class,
        })
public final class Main implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** {@code jras} without a subcommand: a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status (0 ok, 2 usage error). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The whole command tree; tests drive it with their own output writers. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    /** {@code jras --version}: the jras version, then the Java runtime and the OS. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "jras " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
            };
        }
    }

    /** The project version, from the build (a filtered resource). */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }
}
