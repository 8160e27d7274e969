package io.jras.cli;

import io.jras.client.DialOptions;
import io.jras.client.Handles;
import io.jras.client.RasClientException;
import io.jras.client.RemoteAccess;
import io.jras.client.Status;
import io.jras.client.rpc.DaemonRemoteAccess;
import io.jras.core.phonebook.Phonebook;
import io.jras.core.phonebook.PhonebookEntry;
import io.jras.core.phonebook.AuthPolicy;
import io.jras.server.ServeRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jras demo}: the RAS contract across processes, on loopback, with nothing to set up. A
 * daemon starts on a private socket and, as {@code jras serve} would have it, runs an answering
 * server on 127.0.0.1; this process dials that server through the same daemon and shows the
 * states; a second process that never had the handle lists both ends (the dialed connection and
 * the answered session), hangs the dialed one up and polls its status until ERROR_INVALID_HANDLE
 * (6). Everything it started is stopped and its private directory removed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Show the whole story on loopback: daemon, dial, states, list and hang-up from another process.")
final class DemoCommand implements Callable<Integer> {

    private static final Duration STEP = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Option(names = "--trace", description = "Also print the answering side's PPP packets, pppd-style.")
    boolean trace;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        out.println("jras demo: a PPP connection owned by the jras daemon, from dial to ERROR_INVALID_HANDLE.");
        Path dir = Files.createTempDirectory("jras-demo-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        List<String> serverLog = new CopyOnWriteArrayList<>();
        DaemonRemoteAccess ras = null;
        try {
            Path socket = dir.resolve("jras.sock");
            Path phonebook = dir.resolve("rasphone.pbk");
            Path users = dir.resolve("chap-secrets");
            say("setup", "a private directory " + dir + " holds the daemon's socket, a phonebook and a users file");
            Files.writeString(users, "# client  server  secret      addresses\nalice     *       wonderland  *\n");
            Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));

            say("daemon", "starting the jras daemon on the private socket; we talk to it over JSON-RPC");
            ras = (DaemonRemoteAccess) RemoteAccess.connect(socket);
            long daemonPid = ras.ping().path("pid").asLong();

            int port = freePort();
            ras.startServer(new ServeRequest(List.of("tcp:127.0.0.1:" + port), "192.0.2.2-192.0.2.9",
                    users.toString(), "mschapv2", "192.0.2.53,192.0.2.54", "192.0.2.1", "jras-demo", null, null, null,
                    null, trace, null, null, null, null, null, false, null), false, serverLog::add);
            say("serve", "the daemon also answers calls, as `jras serve` asks it to: 127.0.0.1:" + port
                    + ", MS-CHAPv2 against a pppd-style users file, addresses from 192.0.2.2-192.0.2.9");
            Phonebook.load(phonebook).add(PhonebookEntry.create("Demo", "tcp:127.0.0.1:" + port)
                    .withAuth(AuthPolicy.parse("mschapv2")));
            say("setup", "phonebook entry \"Demo\" -> tcp:127.0.0.1:" + port + " (a Windows rasphone.pbk file)");

            long handle = dial(ras, phonebook);
            if (handle == 0) {
                return Exit.RAS_ERROR;
            }
            say("dial", "this process now lets go of the handle; the connection belongs to the daemon");

            say("B", "a second process, which never had the handle, lists the connections: jras list");
            say("B", "both ends are there: the call we dialed, and the session the daemon answered (user alice)");
            second(socket, "list");
            say("B", "it hangs up the connection it found (returns at once): jras hangup --handle "
                    + Handles.format(handle) + " --no-wait");
            second(socket, "hangup", "--handle", Handles.format(handle), "--no-wait");
            say("B", "and polls its status until the handle is invalid: jras status --handle " + Handles.format(handle));
            long end = System.nanoTime() + STEP.toNanos();
            while (true) {
                int code = second(socket, "status", "--handle", Handles.format(handle));
                if (code != 0 || System.nanoTime() > end) {
                    break;
                }
            }
            end = System.nanoTime() + STEP.toNanos();
            while (serverLog.stream().noneMatch(l -> l.contains(" ended")) && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            boolean terminated = serverLog.stream().anyMatch(l -> l.contains(" ended") && l.contains("User request"));
            say("serve", terminated ? "the answering side received LCP Terminate-Request \"User request\" and acknowledged it"
                    : "the answering side saw the line close");
            serverLog.forEach(l -> {
                if (trace || l.contains(" started") || l.contains(" ended")) {
                    out.println("         | " + l);
                }
            });
            say("B", "both ends are gone from the manager: jras list");
            second(socket, "list");
            ras.shutdownDaemon();
            ProcessHandle.of(daemonPid).ifPresent(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).join());
            say("daemon", "stopped (it would have hung up any connection left with LCP Terminate)");
            return Exit.OK;
        } catch (RasClientException e) {
            spec.commandLine().getErr().println(e.describe());
            return Exit.RAS_ERROR;
        } finally {
            if (ras != null) {
                ras.close();
            }
            deleteTree(dir);
            out.println("Done: the private directory is removed and nothing is left running.");
        }
    }

    /** Dials through the daemon and shows each state as it arrives; returns the handle, or 0 on failure. */
    private long dial(RemoteAccess ras, Path phonebook) throws RasClientException, InterruptedException {
        BlockingQueue<String[]> states = new LinkedBlockingQueue<>();
        say("dial", "Connecting to Demo... (dial returns the handle at once; states follow)");
        long handle = ras.dial(DialOptions.entry("Demo").withPhonebook(phonebook.toString())
                        .withCredentials("alice", "wonderland"),
                (h, state, code, error) -> states.add(new String[] {state, String.valueOf(code), String.valueOf(error)}));
        say("dial", "handle " + Handles.format(handle));
        while (true) {
            String[] s = states.poll(STEP.toSeconds(), TimeUnit.SECONDS);
            if (s == null) {
                spec.commandLine().getErr().println("jras demo: no state change within " + STEP.toSeconds() + " s");
                return 0;
            }
            int code = Integer.parseInt(s[1]);
            String explain = switch (code) {
                case 0 -> "the daemon opens the port";
                case 1 -> "the TCP line is up";
                case 2, 3, 4 -> "(a TCP line has no modem to dial)";
                case 5 -> "LCP, then MS-CHAPv2: the password never crosses the line";
                case 12 -> "the peer accepted our response";
                case 14 -> "and proved it knows the secret too";
                case 18 -> "IPCP gave us an address and DNS";
                default -> "";
            };
            say("dial", String.format("%-26s %s", s[0] + " (" + code + ")", explain));
            if (code == 0x2000) {
                Status st = ras.status(handle);
                say("dial", "local " + st.projection().localAddress() + ", remote " + st.projection().remoteAddress()
                        + ", DNS " + String.join(", ", st.projection().dns()));
                return handle;
            }
            if (code == 0x2001) {
                Status st = ras.status(handle);
                spec.commandLine().getErr().println("Error " + st.error() + ": " + st.errorText());
                ras.hangUp(handle, true);
                return 0;
            }
        }
    }

    /** Runs {@code jras ARGS --socket S} as another process and shows its output; returns its exit code. */
    private int second(Path socket, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "io.jras.cli.Main"));
        command.addAll(List.of(args));
        command.addAll(List.of("--socket", socket.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        output.lines().forEach(l -> out.println("         | " + l));
        out.flush();
        return code;
    }

    /** A free port on 127.0.0.1 for the answering server (the daemon binds it a moment later). */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void say(String who, String what) {
        out.printf("[%s]%s %s%n", who, " ".repeat(Math.max(1, 7 - who.length())), what);
        out.flush();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a temp directory
                }
            });
        } catch (IOException ignored) {
            // already gone
        }
    }
}
