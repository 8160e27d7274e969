package io.jras.daemon.testkit;

import io.jras.core.session.PppSession;
import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.ppp.PppConfig;
import io.jras.ppp.PppEngine;
import io.jras.ppp.PppEvent;
import io.jras.ppp.ipcp.IpcpConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The far end for daemon tests: a TCP listener on 127.0.0.1 where each connection is answered by a
 * real jras PPP engine in the authenticator role (CHAP-MD5, alice/wonderland). It may live in
 * another process than the daemon that dials it: the daemon reaches it by the device spec
 * {@link #device()} through {@link TestResolver}. Its packet trace shows what the dialer sent.
 */
public final class PeerServer implements AutoCloseable {

    public static final String USER = "alice";
    public static final String PASSWORD = "wonderland";

    private final ServerSocket listener;
    public final List<String> trace = new CopyOnWriteArrayList<>();
    public final List<PppSession> sessions = new CopyOnWriteArrayList<>();

    public PeerServer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("peer-accept").start(this::acceptLoop);
    }

    /** "tcp:127.0.0.1:PORT", the device spec a dial names to reach this peer. */
    public String device() {
        return "tcp:127.0.0.1:" + listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                answer(listener.accept());
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        PppConfig config = PppConfig.authenticator(List.of(AuthProtocol.CHAP_MD5),
                        name -> Optional.ofNullable(Map.of(USER, PASSWORD).get(name)),
                        IpcpConfig.server(Ipv4.parse("192.0.2.1"), Ipv4.parse("192.0.2.2"),
                                Ipv4.parse("192.0.2.53"), Ipv4.parse("192.0.2.54")))
                .withTrace(trace::add);
        PppSession[] self = new PppSession[1];
        self[0] = new PppSession("peer", new PppEngine(config), s.getInputStream(), s.getOutputStream(), s, event -> {
            if (event instanceof PppEvent.DatagramReceived d) {
                self[0].send(d.protocol(), d.packet());
            }
        });
        sessions.add(self[0]);
        self[0].start();
    }

    /** True once the dialer sent an LCP Terminate-Request (it hung up properly). */
    public boolean sawTerminateRequest() {
        return trace.stream().anyMatch(l -> l.startsWith("rcvd [LCP TermReq"));
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (PppSession s : sessions) {
            s.close("test over");
        }
    }
}
