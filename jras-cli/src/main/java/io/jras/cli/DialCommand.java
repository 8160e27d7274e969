package io.jras.cli;

import io.jras.client.DialOptions;
import io.jras.client.Handles;
import io.jras.client.RasClientException;
import io.jras.client.RemoteAccess;
import io.jras.client.Status;
import java.io.PrintWriter;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jras dial ENTRY [USER [PASSWORD|*]]}: rasdial's behaviour. Progress lines as the states
 * change; exit 0 once connected. On failure "Error NNN: text" on stderr and a non-zero exit — and
 * the handle stays, Disconnected with its error, until it is hung up.
 */
@Command(name = "dial", mixinStandardHelpOptions = true,
        description = "Dial a phonebook entry (rasdial-compatible); waits until connected unless --no-wait.")
final class DialCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DaemonOptions daemon;

    @Parameters(index = "0", paramLabel = "ENTRY", description = "The phonebook entry to dial.")
    String entry;

    @Parameters(index = "1", arity = "0..1", paramLabel = "USER", description = "User name (default: stored credentials).")
    String user;

    @Parameters(index = "2", arity = "0..1", paramLabel = "PASSWORD", description = "Password, or * to be asked without echo.")
    String password;

    @Option(names = "--phone", paramLabel = "N", description = "Dial this number instead of the entry's.")
    String phone;

    @Option(names = "--phonebook", paramLabel = "FILE", description = "The phonebook (default: $JRAS_PHONEBOOK, else per-user).")
    String phonebook;

    @Option(names = "--no-wait", description = "Return once the dial has started; print the handle.")
    boolean noWait;

    @Option(names = "--json", description = "Print the connection's status as one JSON object when done.")
    boolean json;

    @Option(names = "--all-users", description = "Let every user see and hang up this connection.")
    boolean allUsers;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        String pass = password;
        if ("*".equals(pass)) {
            java.io.Console console = System.console();
            if (console == null || !console.isTerminal()) {
                spec.commandLine().getErr().println("jras dial: '*' needs a terminal to ask for the password");
                return Exit.USAGE;
            }
            char[] typed = console.readPassword("Password for %s: ", user == null ? entry : user);
            pass = typed == null ? "" : new String(typed);
        }
        DialOptions options = new DialOptions(entry, phonebook, phone, null, user, pass, allUsers);
        BlockingQueue<int[]> states = new LinkedBlockingQueue<>();
        try (RemoteAccess ras = daemon.connect()) {
            if (!json) {
                out.println("Connecting to " + entry + "...");
            }
            long handle = ras.dial(options, (h, state, code, error) -> states.add(new int[] {code, error}));
            if (noWait) {
                if (json) {
                    out.println(Json.line(Json.of(ras.status(handle))));
                } else {
                    out.println("Dialing; handle " + Handles.format(handle));
                }
                return Exit.OK;
            }
            boolean saidVerifying = false;
            boolean saidRegistering = false;
            while (true) {
                int[] s = states.take();
                int code = s[0];
                if (!json && code == 5 && !saidVerifying) {
                    out.println("Verifying username and password...");
                    saidVerifying = true;
                } else if (!json && (code == 14 || code == 18) && !saidRegistering) {
                    out.println("Registering your computer on the network...");
                    saidRegistering = true;
                } else if (code == 0x2000) {
                    Status st = ras.status(handle);
                    if (json) {
                        out.println(Json.line(Json.of(st)));
                    } else {
                        out.println("Connected to " + entry + ".");
                        out.println("Command completed successfully.");
                    }
                    return Exit.OK;
                } else if (code == 0x2001) {
                    Status st = ras.status(handle);
                    if (json) {
                        out.println(Json.line(Json.of(st)));
                    }
                    spec.commandLine().getErr().println("Error " + st.error() + ": " + st.errorText());
                    if (!json) {
                        spec.commandLine().getErr().println("The connection stays, Disconnected, as handle "
                                + Handles.format(handle) + " until you run: jras hangup --handle " + Handles.format(handle));
                    }
                    return Exit.RAS_ERROR;
                }
            }
        } catch (RasClientException e) {
            return Errors.report(spec, e, json);
        }
    }
}
