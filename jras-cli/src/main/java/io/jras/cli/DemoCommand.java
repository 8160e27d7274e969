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
import io.jras.core.session.PppSession;
import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.ppp.PppConfig;
import io.jras.ppp.PppEngine;
import io.jras.ppp.ipcp.IpcpConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * daemon starts on a private socket; an answering PPP peer (the jras engine as authenticator)
 * listens on 127.0.0.1; this process dials it through the daemon and shows the states; a second
 * process that never had the handle lists the connection, hangs it up and polls its status until
 * ERROR_INVALID_HANDLE (6). Everything it started is stopped and its private directory removed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Show the whole story on loopback: daemon, dial, states, list and hang-up from another process.")
final class DemoCommand implements Callable<Integer> {

    private static final Duration STEP = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Option(names = "--trace", description = "Also print the peer's PPP packets, pppd-style.")
    boolean trace;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        out.println("jras demo: a PPP connection owned by the jras daemon, from dial to ERROR_INVALID_HANDLE.");
        Path dir = Files.createTempDirectory("jras-demo-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        List<String> peerTrace = new CopyOnWriteArrayList<>();
        DaemonRemoteAccess ras = null;
        try (ServerSocket listener = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            Path socket = dir.resolve("jras.sock");
            Path phonebook = dir.resolve("rasphone.pbk");
            say("setup", "a private directory " + dir + " holds the daemon's socket and a phonebook");
            Thread.ofVirtual().start(() -> answer(listener, peerTrace));
            say("peer", "an answering PPP peer (the jras engine as authenticator) listens on 127.0.0.1:"
                    + listener.getLocalPort() + "; it wants MS-CHAPv2 from \"alice\"");
            Phonebook.load(phonebook).add(PhonebookEntry.create("Demo", "tcp:127.0.0.1:" + listener.getLocalPort())
                    .withAuth(AuthPolicy.parse("mschapv2")));
            say("setup", "phonebook entry \"Demo\" -> tcp:127.0.0.1:" + listener.getLocalPort() + " (a Windows rasphone.pbk file)");

            say("daemon", "starting the jras daemon on the private socket; we talk to it over JSON-RPC");
            ras = (DaemonRemoteAccess) RemoteAccess.connect(socket);
            long daemonPid = ras.ping().path("pid").asLong();

            long handle = dial(ras, phonebook);
            if (handle == 0) {
                return Exit.RAS_ERROR;
            }
            say("dial", "this process now lets go of the handle; the connection belongs to the daemon");

            say("B", "a second process, which never had the handle, lists the connections: jras list");
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
            boolean terminated = peerTrace.stream().anyMatch(l -> l.startsWith("rcvd [LCP TermReq"));
            say("peer", terminated ? "it received LCP Terminate-Request \"User request\" and acknowledged it"
                    : "it saw the line close");
            if (trace) {
                peerTrace.forEach(l -> out.println("         " + l));
            }
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

    /** The answering side: each accepted line gets an authenticator engine that echoes datagrams. */
    private static void answer(ServerSocket listener, List<String> trace) {
        while (!listener.isClosed()) {
            try {
                Socket line = listener.accept();
                line.setTcpNoDelay(true);
                PppConfig config = PppConfig.authenticator(List.of(AuthProtocol.MSCHAP_V2),
                                name -> Optional.ofNullable(Map.of("alice", "wonderland").get(name)),
                                IpcpConfig.server(Ipv4.parse("192.0.2.1"), Ipv4.parse("192.0.2.2"),
                                        Ipv4.parse("192.0.2.53"), Ipv4.parse("192.0.2.54")))
                        .withLocalName("jras-demo").withTrace(trace::add);
                new PppSession("demo-peer", new PppEngine(config), line.getInputStream(), line.getOutputStream(), line,
                        e -> { }).start();
            } catch (IOException e) {
                return;
            }
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
