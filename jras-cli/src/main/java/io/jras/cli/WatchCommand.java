package io.jras.cli;

import io.jras.client.Event;
import io.jras.client.Handles;
import io.jras.client.RasClientException;
import io.jras.client.RemoteAccess;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jras watch [--json] [--since SEQ]}: the event stream, one line per event, until interrupted. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Print the event stream of every connection, one line per event (resumable with --since).")
final class WatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DaemonOptions daemon;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Option(names = "--since", paramLabel = "SEQ", description = "Start at this sequence number (default: only new events).")
    Long since;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (RemoteAccess ras = daemon.connect()) {
            CountDownLatch forever = new CountDownLatch(1);
            long from = since == null ? Long.MAX_VALUE : since;
            try (AutoCloseable sub = ras.watch(from, e -> print(out, e))) {
                forever.await();
            } catch (Exception e) {
                if (e instanceof InterruptedException ie) {
                    throw ie;
                }
            }
            return Exit.OK;
        } catch (RasClientException e) {
            return Errors.report(spec, e, json);
        }
    }

    private void print(PrintWriter out, Event e) {
        synchronized (out) {
            if (json) {
                out.println(Json.line(Json.of(e)));
            } else {
                out.printf("%d %s %s %-12s %s%s%s%n", e.seq(), e.at(), Handles.format(e.handle()), e.entry(),
                        e.kind().equals("state") ? e.state() + " (" + e.stateCode() + ")" : e.kind(),
                        e.error() != 0 ? " error " + e.error() : "",
                        e.detail().isEmpty() ? "" : " - " + e.detail());
            }
            out.flush();
        }
    }
}
