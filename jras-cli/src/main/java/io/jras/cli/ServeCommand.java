package io.jras.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jras.client.RasClientException;
import io.jras.client.RemoteAccess;
import io.jras.client.rpc.DaemonRemoteAccess;
import io.jras.core.iface.InterfacePolicy;
import io.jras.server.ServeRequest;
import io.jras.server.ServerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jras serve}: the answering server, in the foreground as far as the user can tell. The server
 * itself runs in the daemon (autostarted as for the other commands), so its sessions are the
 * manager's incoming connections: {@code jras list} shows them, {@code jras hangup} ends one. This
 * command checks its options, asks the daemon to start the server ({@code serverStart}), prints
 * its log lines (one per session start and end, docs/server.md) until SIGTERM, SIGINT or an
 * interrupt, then asks the daemon to stop it: every session gets LCP Terminate before the command
 * returns. If this process dies without that (SIGKILL), the daemon sees its connection end and
 * stops the server all the same. {@code --detach} leaves it running; {@code --stop ID} stops one.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Answer PPP calls over TCP and on modem lines (the answering side, like RRAS): authenticate callers against a"
                + " pppd-format users file or a RADIUS server, hand out addresses from a pool and DNS. Runs until SIGTERM or Ctrl-C,"
                + " then terminates every session. Prints one line per session start and end. The server runs in the"
                + " jras daemon: `jras list` shows its sessions, `jras hangup` ends one. See docs/server.md.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DaemonOptions daemon;

    @Option(names = "--listen", paramLabel = "tcp:HOST:PORT|modem:...",
            description = "Where to accept PPP, e.g. tcp:0.0.0.0:7000; or a modem line to answer calls on (RING, ATA),"
                    + " one at a time: modem:tcp:HOST:PORT or modem:/dev/ttyS0[@BAUD] (repeatable).")
    List<String> listen = new ArrayList<>();

    @Option(names = "--modem-init", paramLabel = "AT...",
            description = "Modem init commands, each answered OK, in order (repeatable; default: ATZ, ATE0V1S0=0).")
    List<String> modemInit = new ArrayList<>();

    @Option(names = "--rings", paramLabel = "N",
            description = "Answer a modem call at this RING (default: 1).")
    Integer rings;

    @Option(names = "--pool", paramLabel = "FIRST-LAST",
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

    @Option(names = "--radius", paramLabel = "HOST:PORT",
            description = "Authenticate callers with this RADIUS server (RFC 2865; PAP, CHAP, MS-CHAPv2) instead of"
                    + " --users, and send it accounting Start/Stop (RFC 2866). Needs --radius-secret-file.")
    String radius;

    @Option(names = "--radius-secret-file", paramLabel = "FILE",
            description = "The RADIUS shared secret: the first line of FILE (never printed).")
    Path radiusSecretFile;

    @Option(names = "--radius-acct-port", paramLabel = "PORT",
            description = "The RADIUS accounting port (default: the --radius port + 1).")
    Integer radiusAcctPort;

    @Option(names = "--interfaces", description = "Give each session a network interface on the daemon's host (jras%%d,"
            + " a TUN device, as pppd's ppp0; the daemon needs root or CAP_NET_ADMIN). Default: $JRAS_INTERFACES, else off.")
    boolean interfaces;

    @Option(names = "--netns", paramLabel = "NAME",
            description = "Create the sessions' interfaces in this network namespace (ip netns name or path; default: $JRAS_NETNS).")
    String netns;

    @Option(names = "--detach", description = "Start the server in the daemon, print its id and return; it runs until"
            + " `jras serve --stop ID` or the daemon stops.")
    boolean detach;

    @Option(names = "--stop", paramLabel = "ID", description = "Stop the detached server ID (every session gets LCP Terminate).")
    Long stop;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Consumer<String> log = line -> {
            synchronized (out) {
                out.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + line);
                out.flush();
            }
        };
        ServeRequest request = stop == null ? request() : null;
        try (RemoteAccess ras = daemon.connect()) {
            if (!(ras instanceof DaemonRemoteAccess d)) {
                throw new IllegalStateException("jras serve needs the jras daemon");
            }
            if (stop != null) {
                d.stopServer(stop);
                out.println("Stopped server " + stop);
                return Exit.OK;
            }
            return detach ? startDetached(d, request, out) : follow(d, request, log);
        } catch (RasClientException e) {
            return Errors.report(spec, e, false);
        }
    }

    /** Starts the server and prints its id and addresses. */
    private int startDetached(DaemonRemoteAccess d, ServeRequest request, PrintWriter out) throws RasClientException {
        JsonNode r = d.startServer(request, true, line -> { });
        out.println("Server " + r.path("server").asLong() + " listening on " + addresses(r));
        return Exit.OK;
    }

    /**
     * Starts the server and prints its log until a signal (then stops it and waits for that), until
     * it is stopped from elsewhere, or until the daemon goes away.
     */
    private int follow(DaemonRemoteAccess d, ServeRequest request, Consumer<String> log) throws RasClientException {
        JsonNode r = d.startServer(request, false, log);
        long server = r.path("server").asLong();
        log.accept("server " + server + " runs in the jras daemon at " + d.socket() + " (jras list shows its sessions)");
        CompletableFuture<String> stoppedElsewhere = d.serverStopped(server);
        // Counted down by the hook once it has stopped the server, or when the server or the daemon
        // went away before any signal; never both, so the command cannot end under a running hook.
        CountDownLatch over = new CountDownLatch(1);
        AtomicBoolean signalled = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            signalled.set(true);
            if (!d.lost().isDone() && !stoppedElsewhere.isDone()) {
                int n = sessions(d, server);
                log.accept("stopping: terminating " + n + (n == 1 ? " session" : " sessions"));
                try {
                    d.stopServer(server);
                    log.accept("stopped");
                } catch (RasClientException e) {
                    log.accept("stop: " + e.describe());
                }
            }
            over.countDown();
        }, "jras-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Runnable gone = () -> {
            if (!signalled.get()) {
                over.countDown();
            }
        };
        d.lost().thenRun(gone);
        stoppedElsewhere.thenRun(gone);
        try {
            over.await();
        } catch (InterruptedException e) {
            // Interrupted rather than signalled: stop here, the same way.
            Runtime.getRuntime().removeShutdownHook(hook);
            hook.run();
            return Exit.OK;
        }
        if (signalled.get()) {
            return Exit.OK; // the hook has done the work; the JVM is on its way out
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // A signal came just now: the hook finds the server gone and returns.
        }
        if (stoppedElsewhere.isDone()) {
            log.accept("stopped: " + stoppedElsewhere.join());
            return Exit.OK;
        }
        spec.commandLine().getErr().println("jras serve: the jras daemon at " + d.socket()
                + " went away; the server stopped with it");
        return Exit.RAS_ERROR;
    }

    private static int sessions(DaemonRemoteAccess d, long server) {
        try {
            for (JsonNode s : d.servers()) {
                if (s.path("server").asLong() == server) {
                    return s.path("sessions").asInt();
                }
            }
        } catch (RasClientException e) {
            // Only for the log line.
        }
        return 0;
    }

    private static String addresses(JsonNode r) {
        List<String> out = new ArrayList<>();
        r.path("listen").forEach(a -> out.add(a.asText()));
        return String.join(", ", out);
    }

    /** {@code --interfaces}, else this command's JRAS_INTERFACES (the daemon's environment is not the caller's). */
    private boolean interfacesWanted() {
        return interfaces || InterfacePolicy.fromEnvironment(System.getenv(), InterfacePolicy.OFF).enabled();
    }

    /** The options as the daemon gets them, checked here first (usage errors are ours to report). */
    private ServeRequest request() {
        if (listen.isEmpty() || pool == null) {
            throw new ParameterException(spec.commandLine(), "Missing required options: --listen and --pool"
                    + " (or --stop ID)");
        }
        ServeRequest r = new ServeRequest(listen, pool, users == null ? null : users.toAbsolutePath().toString(), auth,
                dns, localAddress, name, maxSessions, negotiationTimeout, rate, burst, trace, radius,
                radiusSecretFile == null ? null : radiusSecretFile.toAbsolutePath().toString(), radiusAcctPort,
                modemInit, rings, interfacesWanted(), netns != null ? netns : System.getenv(InterfacePolicy.NETNS_ENV));
        try {
            // The daemon reads the users file and the RADIUS secret again; this only checks they are sound.
            ServerConfig config = r.config();
            r.radius(config);
            r.answerConfig();
            r.directory(config, line -> { });
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return r;
    }
}
