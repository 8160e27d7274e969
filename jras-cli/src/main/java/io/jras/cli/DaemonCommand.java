package io.jras.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jras daemon [--socket PATH] [--system]}: the connection manager in the foreground, serving
 * JSON-RPC on a Unix socket until SIGTERM (which hangs every connection up properly). One log line
 * per connection event goes to stderr, never a secret. The work is jras-daemon's; this only parses.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = "Run the connection manager in the foreground, serving clients on a Unix socket; logs to stderr.")
final class DaemonCommand implements Callable<Integer> {

    @Option(names = "--socket", paramLabel = "PATH",
            description = "The socket (default: $JRAS_SOCKET, else $XDG_RUNTIME_DIR/jras/jras.sock, "
                    + "else /tmp/jras-<uid>/jras.sock; with --system: /run/jras/jras.sock).")
    Path socket;

    @Option(names = "--system",
            description = "The system service: a socket every local user may reach (0666); "
                    + "each request is checked against the caller's uid.")
    boolean system;

    @Override
    public Integer call() {
        return io.jras.daemon.Main.serve(socket, system, System.err);
    }
}
