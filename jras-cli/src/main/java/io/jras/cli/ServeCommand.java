package io.jras.cli;

import io.jras.link.DeviceSpec;
import io.jras.link.modem.AnswerConfig;
import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
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
        description = "Answer PPP calls over TCP and on modem lines (the answering side, like RRAS): authenticate callers against a"
                + " pppd-format users file, hand out addresses from a pool and DNS. Runs until SIGTERM or Ctrl-C,"
                + " then terminates every session. Prints one line per session start and end. See docs/server.md.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--listen", required = true, paramLabel = "tcp:HOST:PORT|modem:...",
            description = "Where to accept PPP, e.g. tcp:0.0.0.0:7000; or a modem line to answer calls on (RING, ATA),"
                    + " one at a time: modem:tcp:HOST:PORT or modem:/dev/ttyS0[@BAUD] (repeatable).")
    List<String> listen = new ArrayList<>();

    @Option(names = "--modem-init", paramLabel = "AT...",
            description = "Modem init commands, each answered OK, in order (repeatable; default: ATZ, ATE0V1S0=0).")
    List<String> modemInit = new ArrayList<>();

    @Option(names = "--rings", paramLabel = "N", defaultValue = "1",
            description = "Answer a modem call at this RING (default: ${DEFAULT-VALUE}).")
    int rings;

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
        for (DeviceSpec.Modem line : modemLines()) {
            try {
                server.addModemLine(line, answerConfig());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
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
                switch (DeviceSpec.parse(l)) {
                    case DeviceSpec.Tcp tcp -> addresses.add(new InetSocketAddress(tcp.host(), tcp.port()));
                    case DeviceSpec.Modem modem -> { } // see modemLines()
                    default -> throw new IllegalArgumentException(
                            "--listen takes tcp:HOST:PORT, modem:tcp:HOST:PORT or modem:PATH[@BAUD], not '" + l + "'");
                }
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

    private List<DeviceSpec.Modem> modemLines() {
        List<DeviceSpec.Modem> lines = new ArrayList<>();
        for (String l : listen) {
            if (DeviceSpec.parse(l) instanceof DeviceSpec.Modem modem) {
                lines.add(modem);
            }
        }
        return lines;
    }

    private AnswerConfig answerConfig() {
        try {
            AnswerConfig c = AnswerConfig.DEFAULTS.withRings(rings);
            return modemInit.isEmpty() ? c : c.withInitCommands(modemInit.toArray(String[]::new));
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
