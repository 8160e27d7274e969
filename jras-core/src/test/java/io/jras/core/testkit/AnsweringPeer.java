package io.jras.core.testkit;

import io.jras.core.session.PppSession;
import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.ppp.PppConfig;
import io.jras.ppp.PppEngine;
import io.jras.ppp.ipcp.IpcpConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A jras engine answering PPP on a loopback TCP port (CHAP-MD5, alice/wonderland), one session per connection. */
public final class AnsweringPeer implements AutoCloseable {

    private final ServerSocket listener;
    public final List<String> trace = new CopyOnWriteArrayList<>();
    public final List<PppSession> sessions = new CopyOnWriteArrayList<>();

    public AnsweringPeer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("answering-peer").start(this::acceptLoop);
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                s.setTcpNoDelay(true);
                PppConfig config = PppConfig.authenticator(List.of(AuthProtocol.CHAP_MD5),
                                name -> Optional.ofNullable(Map.of("alice", "wonderland").get(name)),
                                IpcpConfig.server(Ipv4.parse("192.0.2.1"), Ipv4.parse("192.0.2.2"),
                                        Ipv4.parse("192.0.2.53"), Ipv4.parse("192.0.2.54")))
                        .withTrace(trace::add);
                PppSession session = new PppSession("answer", new PppEngine(config), s.getInputStream(),
                        s.getOutputStream(), s, e -> { });
                sessions.add(session);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sessions.forEach(s -> s.close("test over"));
    }
}
