package io.jras.cli;

import io.jras.core.RasConnState;
import io.jras.core.session.PppSession;
import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.ppp.PppConfig;
import io.jras.ppp.PppEngine;
import io.jras.ppp.PppEvent;
import io.jras.ppp.Phase;
import io.jras.ppp.Projection;
import io.jras.ppp.Protocol;
import io.jras.ppp.ipcp.IpcpConfig;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jras demo}: a whole PPP call on loopback with nothing to set up. An answering peer (the
 * jras engine as authenticator) listens on 127.0.0.1; a client dials it, authenticates with
 * MS-CHAPv2, gets an address and DNS, passes a datagram, and hangs up with LCP Terminate. Each step
 * prints one line; nothing is left running and no file is written.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Dial an embedded PPP peer on loopback and show every step (no setup needed).")
final class DemoCommand implements Callable<Integer> {

    private static final long STEP_TIMEOUT_SECONDS = 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--trace", description = "Also print every PPP packet, pppd-style.")
    boolean trace;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println("jras demo: one PPP connection on loopback, from dial to hang-up.");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = listener.getLocalPort();
            out.printf("[peer]   an answering PPP peer (the jras engine as authenticator) listens on 127.0.0.1:%d%n", port);
            out.println("[peer]   it requires MS-CHAPv2 of user \"alice\", assigns 192.0.2.2, hands out DNS 192.0.2.53 and .54");

            CompletableFuture<PppSession> server = CompletableFuture.supplyAsync(() -> answer(listener, out));

            out.println("[dial]   " + RasConnState.OPEN_PORT + "      opening a TCP line to the peer");
            Socket line = new Socket(InetAddress.getLoopbackAddress(), port);
            line.setTcpNoDelay(true);
            out.println("[dial]   " + RasConnState.PORT_OPENED + "    the line is up");
            out.println("[dial]   " + RasConnState.CONNECT_DEVICE + ", " + RasConnState.DEVICE_CONNECTED + ", "
                    + RasConnState.ALL_DEVICES_CONNECTED + "  (a TCP line has no modem to dial)");

            CompletableFuture<Projection> projected = new CompletableFuture<>();
            CompletableFuture<PppEvent.DatagramReceived> echoed = new CompletableFuture<>();
            PppConfig clientConfig = PppConfig.client("alice", "wonderland").withTrace(tracer(out, "dial"));
            PppSession client = new PppSession("demo-client", new PppEngine(clientConfig), line.getInputStream(),
                    line.getOutputStream(), line, event -> {
                        switch (event) {
                            case PppEvent.LinkEstablished e -> out.printf(
                                    "[dial]   LCP opened: our MRU %d, the peer's MRU %d, it asks us to authenticate with %s%n",
                                    e.ours().mru(), e.his().mru(), e.his().auth() == null ? "nothing" : e.his().auth().displayName());
                            case PppEvent.PhaseChanged p when p.to() == Phase.AUTHENTICATE ->
                                    out.println("[dial]   " + RasConnState.AUTHENTICATE + "   proving who we are (the password never crosses the line)");
                            case PppEvent.Authenticated a -> out.println("[dial]   " + RasConnState.AUTHENTICATED
                                    + " " + a.protocol().displayName() + " accepted, and the peer proved it knows the secret too");
                            case PppEvent.NetworkUp up when up.ncp().equals(Protocol.IPCP) -> projected.complete(up.projection());
                            case PppEvent.DatagramReceived d -> echoed.complete(d);
                            default -> { }
                        }
                    }).start();

            Projection p = projected.get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            out.printf("[dial]   %s      IPCP: local %s, remote %s, DNS %s, %s%n", RasConnState.PROJECTED,
                    p.localAddressText(), p.remoteAddressText(), Ipv4.format(p.primaryDns()), Ipv4.format(p.secondaryDns()));
            out.println("[dial]   " + RasConnState.CONNECTED + "   the connection is up");

            PppSession answering = server.get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            byte[] datagram = sampleDatagram(p);
            client.send(Protocol.IPV4, datagram);
            PppEvent.DatagramReceived back = echoed.get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            out.printf("[data]   a %d-byte IPv4 datagram went to the peer and came back over PPP%n", back.packet().length);

            out.println("[hangup] asking for an orderly hang-up: LCP Terminate-Request \"User request\"");
            client.close("User request");
            PppEvent.LinkDown down = client.done().get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            out.println("[dial]   " + RasConnState.DISCONNECTED + " " + down.failure().message());
            PppEvent.LinkDown serverDown = answering.done().get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            out.println("[peer]   its session ended: " + serverDown.failure().message());
            out.println("Done: both ends are closed; nothing is left running.");
            return 0;
        } catch (java.util.concurrent.TimeoutException e) {
            spec.commandLine().getErr().println("jras demo: a step did not finish within " + STEP_TIMEOUT_SECONDS + " s");
            return 1;
        }
    }

    /** The answering side: accepts one line, authenticates the caller, echoes datagrams back. */
    private PppSession answer(ServerSocket listener, PrintWriter out) {
        try {
            Socket line = listener.accept();
            line.setTcpNoDelay(true);
            PppConfig config = PppConfig.authenticator(List.of(AuthProtocol.MSCHAP_V2),
                            name -> Optional.ofNullable(Map.of("alice", "wonderland").get(name)),
                            IpcpConfig.server(Ipv4.parse("192.0.2.1"), Ipv4.parse("192.0.2.2"),
                                    Ipv4.parse("192.0.2.53"), Ipv4.parse("192.0.2.54")))
                    .withLocalName("jras-demo").withTrace(tracer(out, "peer"));
            PppSession[] self = new PppSession[1];
            self[0] = new PppSession("demo-peer", new PppEngine(config), line.getInputStream(), line.getOutputStream(),
                    line, event -> {
                        if (event instanceof PppEvent.Authenticated a) {
                            out.println("[peer]   \"" + a.peerName() + "\" authenticated with " + a.protocol().displayName());
                        } else if (event instanceof PppEvent.DatagramReceived d && self[0] != null) {
                            self[0].send(d.protocol(), d.packet());
                        }
                    });
            return self[0].start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private java.util.function.Consumer<String> tracer(PrintWriter out, String who) {
        if (!trace) {
            return line -> { };
        }
        String prefix = String.format("  %-6s ", who);
        return line -> out.println(prefix + line);
    }

    /** A minimal IPv4 header (20 bytes) plus 8 bytes of payload, from our address to the peer's. */
    private static byte[] sampleDatagram(Projection p) {
        byte[] d = new byte[28];
        d[0] = 0x45;
        d[3] = 28;
        d[8] = 64;
        d[9] = (byte) 253; // RFC 3692 experimental protocol number
        for (int i = 0; i < 4; i++) {
            d[12 + i] = (byte) (p.localAddress() >>> (24 - 8 * i));
            d[16 + i] = (byte) (p.remoteAddress() >>> (24 - 8 * i));
        }
        System.arraycopy("jras-ok!".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, d, 20, 8);
        return d;
    }
}
