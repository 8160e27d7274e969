package io.jras.cli;

import io.jras.link.DeviceSpec;
import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.core.iface.InterfacePolicy;
import io.jras.server.AnswerServer;
import io.jras.server.ServerConfig;
import io.jras.server.ServerLimits;
import io.jras.server.pool.AddressRange;
import io.jras.server.users.UserDirectory;
import io.jras.server.users.UsersFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jras serve}: the answering server in the foreground until SIGTERM, SIGINT or an interrupt;
 * then every session gets LCP Terminate before the command returns. One log line per session start
 * and end (docs/server.md).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Answer PPP calls over TCP (the answering side, like RRAS): authenticate callers against a"
                + " pppd-format users file, hand out addresses from a pool and DNS. Runs until SIGTERM or Ctrl-C,"
                + " then terminates every session. Prints one line per session start and end. See docs/server.md.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--listen", required = true, paramLabel = "tcp:HOST:PORT",
            description = "Where to accept PPP, e.g. tcp:0.0.0.0:7000 (repeatable).")
    List<String> listen = new ArrayList<>();

    @Option(names = "--pool", required = true, paramLabel = "FIRST-LAST",
            description = "The callers' addresses, e.g. 192.0.2.10-192.0.2.99.")
    String pool;

    @Option(names = "--users", paramLabel = "FILE",
            description = "Who may call: pppd's chap-secrets format (client server secret [addresses...]).")
    Path users;

    @Option(names = "--auth", paramLabel = "LIST", defaultValue = "mschapv2,chap",
            description = "What callers must authenticate with, in order of preference: pap, chap, mschapv2,"
                    + " or none (default: ${DEFAULT-VALUE}).")
    String auth;

    @Option(names = "--dns", paramLabel = "A[,B]", description = "DNS servers for callers that ask (RFC 1877).")
    String dns;

    @Option(names = "--local-address", paramLabel = "ADDRESS",
            description = "The server's own IPCP address (default: the address just before the pool).")
    String localAddress;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = ServerConfig.DEFAULT_NAME,
            description = "Our CHAP name, matched against the users file's server column (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--max-sessions", paramLabel = "N", description = "Sessions at once (default: 100).")
    Integer maxSessions;

    @Option(names = "--negotiation-timeout", paramLabel = "SECONDS",
            description = "Close a session whose network is not up by then (default: 30).")
    Long negotiationTimeout;

    @Option(names = "--rate", paramLabel = "PER_SECOND",
            description = "New connections per second per source address; 0 = no limit (default: 2).")
    Double rate;

    @Option(names = "--burst", paramLabel = "N", description = "New connections a source may open at once (default: 10).")
    Integer burst;

    @Option(names = "--trace", description = "Also print every PPP packet of every session, pppd-style.")
    boolean trace;

    @Option(names = "--interfaces", description = "Give each session a network interface on this host (jras%%d,"
            + " a TUN device, as pppd's ppp0; needs root or CAP_NET_ADMIN). Default: $JRAS_INTERFACES, else off.")
    boolean interfaces;

    @Option(names = "--netns", paramLabel = "NAME",
            description = "Create the sessions' interfaces in this network namespace (ip netns name or path; default: $JRAS_NETNS).")
    String netns;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Consumer<String> log = line -> {
            synchronized (out) {
                out.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + line);
                out.flush();
            }
        };
        ServerConfig config = config();
        UserDirectory directory = directory(config, log);
        AnswerServer server = new AnswerServer(config, directory, io.jras.server.SessionListener.NONE, log);
        try {
            server.start();
        } catch (IOException e) {
            spec.commandLine().getErr().println("jras serve: " + e.getMessage());
            return Exit.RAS_ERROR;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            int n = server.sessions().size();
            log.accept("stopping: terminating " + n + (n == 1 ? " session" : " sessions"));
            server.stop();
            log.accept("stopped");
            stopped.countDown();
        }, "jras-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Interrupted rather than signalled: stop here, the same way.
            Runtime.getRuntime().removeShutdownHook(hook);
            hook.run();
        }
        return Exit.OK;
    }

    private ServerConfig config() {
        try {
            List<InetSocketAddress> addresses = new ArrayList<>();
            for (String l : listen) {
                if (!(DeviceSpec.parse(l) instanceof DeviceSpec.Tcp tcp)) {
                    throw new IllegalArgumentException("--listen takes tcp:HOST:PORT, not '" + l + "'");
                }
                addresses.add(new InetSocketAddress(tcp.host(), tcp.port()));
            }
            ServerLimits d = ServerLimits.DEFAULTS;
            ServerLimits limits = d.withMaxSessions(maxSessions == null ? d.maxSessions() : maxSessions)
                    .withNegotiationTimeout(negotiationTimeout == null ? d.negotiationTimeout() : Duration.ofSeconds(negotiationTimeout))
                    .withConnectRate(rate == null ? d.connectsPerSecond() : rate, burst == null ? d.connectBurst() : burst);
            ServerConfig c = ServerConfig.of(addresses, AddressRange.parse(pool))
                    .withAuth(ServerConfig.parseAuth(auth)).withName(name).withLimits(limits).withTrace(trace);
            if (localAddress != null) {
                c = c.withLocalAddress(Ipv4.parse(localAddress));
            }
            InterfacePolicy ifaces = InterfacePolicy.fromEnvironment(System.getenv(), InterfacePolicy.OFF);
            if (interfaces) {
                ifaces = ifaces.withEnabled(true);
            }
            if (netns != null) {
                ifaces = ifaces.withNamespace(netns);
            }
            c = c.withInterfaces(ifaces);
            if (dns != null) {
                String[] d2 = dns.split(",", -1);
                if (d2.length > 2) {
                    throw new IllegalArgumentException("--dns takes at most two addresses");
                }
                c = c.withDns(Ipv4.parse(d2[0]), d2.length > 1 ? Ipv4.parse(d2[1]) : 0);
            }
            return c;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private UserDirectory directory(ServerConfig config, Consumer<String> log) {
        List<AuthProtocol> protocols = config.auth();
        if (protocols.isEmpty()) {
            if (users != null) {
                throw new ParameterException(spec.commandLine(), "--users has no use with --auth none");
            }
            return UserDirectory.NONE;
        }
        if (users == null) {
            throw new ParameterException(spec.commandLine(), "--auth " + auth + " needs --users FILE (or --auth none)");
        }
        try {
            return UsersFile.load(users, config.name(), UsersFile.DEFAULT_RECHECK, log);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--users: " + (e instanceof io.jras.server.users.UsersFileException
                    ? e.getMessage() : "cannot read " + users + ": " + e.getMessage()));
        }
    }
}
