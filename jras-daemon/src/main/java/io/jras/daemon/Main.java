package io.jras.daemon;

import io.jras.client.rpc.SocketPaths;
import io.jras.core.DialResolver;
import io.jras.core.PhonebookDialResolver;
import io.jras.core.iface.InterfacePolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code java -cp ... io.jras.daemon.Main [--socket PATH] [--system]}: runs a daemon in the
 * foreground until SIGTERM (or the {@code shutdown} method), logging to stderr. What clients start
 * when none answers, and what {@code jras daemon} runs.
 *
 * <p>Exit status: 0 when it stopped, or when another daemon already serves the socket (the loser
 * of a start race); 1 when it could not start; 2 on a usage error.
 */
public final class Main {

    /**
     * Names a {@link DialResolver} class (public, no-arg constructor) to use instead of the
     * phonebook's: for tests and embedders that dial devices of their own.
     */
    public static final String RESOLVER_ENV = "JRAS_DIAL_RESOLVER";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.err));
    }

    static int run(String[] args, PrintStream err) {
        Path socket = null;
        boolean system = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--socket" -> {
                    if (++i == args.length) {
                        return usage(err, "--socket needs a path");
                    }
                    socket = Path.of(args[i]);
                }
                case "--system" -> system = true;
                case "-h", "--help" -> {
                    err.println(USAGE);
                    return 0;
                }
                default -> {
                    return usage(err, "unknown argument: " + args[i]);
                }
            }
        }
        return serve(socket, system, err);
    }

    private static final String USAGE = """
            usage: io.jras.daemon.Main [--socket PATH] [--system]
              --socket PATH  the socket (default: $JRAS_SOCKET, else $XDG_RUNTIME_DIR/jras/jras.sock,
                             else /tmp/jras-<uid>/jras.sock; with --system: /run/jras/jras.sock)
              --system       the system service: a socket for every local user (mode 0666)""";

    private static int usage(PrintStream err, String why) {
        err.println("jras daemon: " + why);
        err.println(USAGE);
        return 2;
    }

    /**
     * Runs a daemon in the foreground until it stops; SIGTERM stops it properly (every connection
     * hung up, the socket removed).
     *
     * @param socket null: {@code --system}'s /run/jras/jras.sock, else the per-user default
     */
    public static int serve(Path socket, boolean system, PrintStream err) {
        Path path = socket != null ? socket : system ? SocketPaths.SYSTEM : SocketPaths.resolve(null);
        DialResolver resolver;
        try {
            resolver = resolver(System.getenv());
        } catch (ReflectiveOperationException | ClassCastException e) {
            err.println("jras daemon: cannot use the dial resolver named by " + RESOLVER_ENV + ": " + e);
            return 1;
        }
        DaemonConfig config = (system ? DaemonConfig.forSystem(path) : DaemonConfig.forUser(path))
                .withLog(DaemonLog.to(err));
        // Host interfaces: on for the system service (root, as pppd), off for a per-user daemon;
        // JRAS_INTERFACES=on|off overrides.
        try {
            InterfacePolicy interfaces = InterfacePolicy.fromEnvironment(System.getenv(),
                    system ? InterfacePolicy.ON : InterfacePolicy.OFF);
            if (interfaces.enabled()) {
                // pppd's ip-up/ip-down and the entries' DNS (docs/network.md); detecting DNS also
                // puts back a resolv.conf that a killed daemon left changed.
                DaemonLog log = config.log();
                interfaces = interfaces.withScripts(io.jras.core.net.NetConfig.detect(null, system, log::line));
            }
            config = config.withManager(config.manager().withInterfaces(interfaces));
        } catch (IllegalArgumentException e) {
            err.println("jras daemon: " + e.getMessage());
            return 2;
        }
        JrasDaemon daemon;
        try {
            daemon = JrasDaemon.start(config, resolver);
        } catch (DaemonAlreadyRunningException e) {
            err.println("jras daemon: " + e.getMessage() + "; this one exits");
            return 0;
        } catch (IOException e) {
            err.println("jras daemon: cannot serve " + path + ": " + e.getMessage());
            return 1;
        }
        Thread hook = new Thread(daemon::close, "jras-sigterm");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            daemon.awaitTermination();
        } catch (InterruptedException e) {
            daemon.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (SIGTERM): the hook has done the work.
        }
        return 0;
    }

    static DialResolver resolver(Map<String, String> env) throws ReflectiveOperationException {
        String name = env.get(RESOLVER_ENV);
        if (name == null || name.isBlank()) {
            return PhonebookDialResolver.standard();
        }
        return (DialResolver) Class.forName(name.strip()).getConstructor().newInstance();
    }
}
