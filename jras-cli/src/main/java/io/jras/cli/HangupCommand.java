package io.jras.cli;

import io.jras.client.ConnectionInfo;
import io.jras.client.Handles;
import io.jras.client.RasClientException;
import io.jras.client.RemoteAccess;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jras hangup ENTRY | --handle H | --all [--no-wait]}: returns once the handle is invalid
 * (the teardown has ended), unless --no-wait.
 */
@Command(name = "hangup", mixinStandardHelpOptions = true,
        description = "Hang up a connection (any state, mid-dial too); waits until its handle is invalid unless --no-wait.")
final class HangupCommand implements Callable<Integer> {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Mixin
    DaemonOptions daemon;

    @Mixin
    Target target;

    @Option(names = "--all", description = "Hang up every connection you may see.")
    boolean all;

    @Option(names = "--no-wait", description = "Return as soon as the hang-up has started.")
    boolean noWait;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (!all && !target.given()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give ENTRY, --handle H or --all");
        }
        try (RemoteAccess ras = daemon.connect()) {
            List<Long> handles = all ? ras.list().stream().map(ConnectionInfo::handle).toList() : target.resolve(ras);
            if (handles.isEmpty()) {
                out.println("No connections");
                return Exit.OK;
            }
            for (long h : handles) {
                // A named entry or handle hangs up only this caller's reference; --all closes them whatever the count.
                ras.hangUp(h, all);
            }
            if (noWait) {
                handles.forEach(h -> out.println("Hanging up " + Handles.format(h)));
                return Exit.OK;
            }
            for (long h : handles) {
                if (!ras.awaitInvalid(h, WAIT)) {
                    spec.commandLine().getErr().println("jras hangup: " + Handles.format(h)
                            + " is still being torn down after " + WAIT.toSeconds() + " s");
                    return Exit.RAS_ERROR;
                }
                out.println("Disconnected " + Handles.format(h) + "; the handle is no longer valid.");
            }
            out.println("Command completed successfully.");
            return Exit.OK;
        } catch (RasClientException e) {
            return Errors.report(spec, e, false);
        }
    }
}
