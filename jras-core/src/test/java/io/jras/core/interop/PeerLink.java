package io.jras.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.core.session.PppSession;
import io.jras.ppp.PppConfig;
import io.jras.ppp.PppEngine;
import io.jras.ppp.PppEvent;
import io.jras.ppp.Protocol;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Our engine on one TCP connection to (or from) a real peer, with its events and trace kept for asserts. */
final class PeerLink implements AutoCloseable {

    final List<PppEvent> events = new CopyOnWriteArrayList<>();
    final List<String> trace = Collections.synchronizedList(new ArrayList<>());
    final PppSession session;
    private final Socket socket;

    PeerLink(Socket socket, PppConfig config) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        PppEngine engine = new PppEngine(config.withTrace(trace::add));
        this.session = new PppSession("it", engine, socket.getInputStream(), socket.getOutputStream(), socket,
                events::add).start();
    }

    static PeerLink dial(int port, PppConfig config) throws IOException {
        return new PeerLink(new Socket("127.0.0.1", port), config);
    }

    /** Waits for IPCP to open and returns its event. */
    PppEvent.NetworkUp awaitIpcp(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (PppEvent e : events) {
                if (e instanceof PppEvent.NetworkUp up && up.ncp().equals(Protocol.IPCP)) {
                    return up;
                }
                if (e instanceof PppEvent.LinkDown down) {
                    throw new AssertionError("link went down before IPCP opened: " + down.failure() + "\n" + trace());
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("IPCP did not open within " + timeout + "\n" + trace());
    }

    PppEvent.LinkDown awaitDown(Duration timeout) throws Exception {
        try {
            return session.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the link did not go down within " + timeout + "\n" + trace());
        }
    }

    String trace() {
        synchronized (trace) {
            return String.join("\n", trace);
        }
    }

    void assertTraceHas(String regex) {
        synchronized (trace) {
            assertThat(trace).as(trace()).anyMatch(l -> l.matches(regex));
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
