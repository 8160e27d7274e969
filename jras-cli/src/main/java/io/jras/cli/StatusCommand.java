package io.jras.cli;

import io.jras.client.Handles;
import io.jras.client.Projection;
import io.jras.client.RasClientException;
import io.jras.client.RemoteAccess;
import io.jras.client.Statistics;
import io.jras.client.Status;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jras status ENTRY | --handle H [--json]}: state, error, device, projection, statistics. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show a connection's state, error, device, projection and statistics.")
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DaemonOptions daemon;

    @Mixin
    Target target;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!target.given()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give ENTRY or --handle H");
        }
        try (RemoteAccess ras = daemon.connect()) {
            long handle = target.resolve(ras).getLast();
            Status s = ras.status(handle);
            if (json) {
                out.println(Json.line(Json.of(s)));
            } else {
                print(out, s);
            }
            return Exit.OK;
        } catch (RasClientException e) {
            return Errors.report(spec, e, json);
        }
    }

    static void print(PrintWriter out, Status s) {
        out.printf("%s  (handle %s)%n", s.entry(), Handles.format(s.handle()));
        out.printf("  state       %s (%d)%s%n", s.state(), s.stateCode(), s.teardownInProgress() ? ", hanging up" : "");
        out.printf("  device      %s %s%s%n", s.deviceType(), s.deviceName(),
                s.phoneNumber().isEmpty() ? "" : ", number " + s.phoneNumber());
        if (s.error() != 0) {
            out.printf("  error       %d: %s%n", s.error(), s.errorText());
        }
        if (!s.pppCause().isEmpty()) {
            out.printf("  cause       %s%n", s.pppCause());
        }
        Projection p = s.projection();
        if (p != null) {
            out.printf("  ipv4        local %s, remote %s%s%n", p.localAddress(), p.remoteAddress(),
                    p.dns().isEmpty() ? "" : ", dns " + String.join(", ", p.dns()));
            if (!p.localInterfaceId().isEmpty()) {
                out.printf("  ipv6        local %s, remote %s%n", p.localInterfaceId(), p.remoteInterfaceId());
            }
            out.printf("  lcp         mru %d, peer mru %d%s%s%s%n", p.mru(), p.peerMru(), p.pfc() ? ", pfc" : "",
                    p.acfc() ? ", acfc" : "", p.authProtocol().isEmpty() ? "" : ", auth " + p.authProtocol());
        }
        io.jras.client.InterfaceStatus i = s.netInterface();
        if (i != null && !i.state().equals("disabled")) {
            out.printf("  interface   %s%s%n", i.name().isEmpty() ? "none" : i.name() + " " + i.state(),
                    i.reason().isEmpty() ? "" : " (" + i.reason() + ")");
        }
        Statistics st = s.statistics();
        if (st != null) {
            out.printf("  statistics  %d bytes out, %d in; %d frames out, %d in; errors: crc %d, timeout %d,"
                            + " framing %d, overrun %d%s%n",
                    st.bytesXmited(), st.bytesRcved(), st.framesXmited(), st.framesRcved(), st.crcErr(),
                    st.timeoutErr(), st.framingErr(), st.bufferOverrunErr(),
                    st.bps() > 0 ? "; " + st.bps() + " bps" : "");
            if (st.connectDurationMillis() > 0) {
                long sec = st.connectDurationMillis() / 1000;
                out.printf("  connected   %02d:%02d:%02d%n", sec / 3600, (sec / 60) % 60, sec % 60);
            }
        }
    }
}
