package io.jras.cli;

import io.jras.client.ConnectionInfo;
import io.jras.client.Handles;
import io.jras.client.RasClientException;
import io.jras.client.RemoteAccess;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jras list [--json]}: the connections, failed ones and incoming ones ({@code jras serve}'s) included. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the connections: handle, entry or number, device, state.")
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DaemonOptions daemon;

    @Option(names = "--json", description = "Print one JSON array.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (RemoteAccess ras = daemon.connect()) {
            List<ConnectionInfo> all = ras.list();
            if (json) {
                out.println(Json.line(Json.array(all)));
            } else if (all.isEmpty()) {
                out.println("No connections");
            } else {
                out.printf("%-16s %-20s %-24s %s%n", "HANDLE", "ENTRY", "DEVICE", "STATE");
                for (ConnectionInfo c : all) {
                    String state = c.state() + (c.error() != 0 ? " (error " + c.error() + ")" : "")
                            + (c.teardownInProgress() ? ", hanging up" : "") + (c.shared() > 1 ? ", shared x" + c.shared() : "")
                            + (c.incoming() ? ", incoming from " + c.phoneNumber() : "");
                    out.printf("%-16s %-20s %-24s %s%n", Handles.format(c.handle()), c.entry(),
                            c.deviceName(), state);
                }
            }
            return Exit.OK;
        } catch (RasClientException e) {
            return Errors.report(spec, e, json);
        }
    }
}
