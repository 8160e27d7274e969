package io.jras.server;

import io.jras.core.session.PppSession;
import io.jras.ppp.LinkFailure;
import io.jras.ppp.PppConfig;
import io.jras.ppp.PppEngine;
import io.jras.ppp.PppEvent;
import io.jras.ppp.Protocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** jras's own client engine dialing a server over loopback TCP, with its events and trace kept for asserts. */
final class Dialer implements AutoCloseable {

    static final Duration WITHIN = Duration.ofSeconds(20);

    final List<PppEvent> events = new CopyOnWriteArrayList<>();
    final List<String> trace = Collections.synchronizedList(new ArrayList<>());
    final CompletableFuture<PppEvent.NetworkUp> ipcp = new CompletableFuture<>();
    final PppSession session;
    private final Socket socket;

    private Dialer(InetSocketAddress server, PppConfig config) throws IOException {
        socket = new Socket(server.getAddress(), server.getPort());
        socket.setTcpNoDelay(true);
        session = new PppSession("dialer", new PppEngine(config.withTrace(trace::add)), socket.getInputStream(),
                socket.getOutputStream(), socket, this::onEvent).start();
    }

    static Dialer dial(InetSocketAddress server, String user, String password) throws IOException {
        return new Dialer(server, PppConfig.client(user, password));
    }

    private void onEvent(PppEvent e) {
        events.add(e);
        if (e instanceof PppEvent.NetworkUp up && up.ncp().equals(Protocol.IPCP)) {
            ipcp.complete(up);
        }
        if (e instanceof PppEvent.LinkDown down) {
            ipcp.completeExceptionally(new AssertionError("the link went down before IPCP opened: "
                    + down.failure().message() + "\n" + trace()));
        }
    }

    /** Waits for IPCP to open and returns its event. */
    PppEvent.NetworkUp awaitIpcp() throws Exception {
        try {
            return ipcp.get(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw (AssertionError) e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("IPCP did not open within " + WITHIN + "\n" + trace());
        }
    }

    LinkFailure awaitDown() throws Exception {
        try {
            return session.done().get(WITHIN.toMillis(), TimeUnit.MILLISECONDS).failure();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the link did not go down within " + WITHIN + "\n" + trace());
        }
    }

    boolean isDown() {
        return session.done().isDone();
    }

    String trace() {
        synchronized (trace) {
            return String.join("\n", trace);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
