package io.jras.core.testkit;

import io.jras.core.Device;
import io.jras.core.session.PppSession;
import io.jras.link.RasException;
import io.jras.link.Transport;
import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.ppp.PppConfig;
import io.jras.ppp.PppEngine;
import io.jras.ppp.PppEvent;
import io.jras.ppp.ipcp.IpcpConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A device whose far end is a real jras engine in the authenticator role on a loopback socket:
 * each open() makes a fresh line and a fresh answering peer. Knobs: the peer's behaviour, failures
 * of the first opens, and gates that hold open() or connect() until released (to hang up mid-dial).
 */
public final class LoopbackPeerDevice implements Device {

    public enum Peer {
        /** Answers and authenticates with CHAP-MD5, alice/wonderland. */
        NORMAL,
        /** Accepts the line and never says a word (a dead peer). */
        SILENT,
        /** Comes up, then drops the line without a word after {@link #dropAfter}. */
        DROPS,
        /** Comes up, then sends LCP Terminate-Request after {@link #dropAfter}. */
        TERMINATES,
        /** Drops the line as soon as its own link reaches the phase {@link #dropInPhase}. */
        DROPS_IN_PHASE
    }

    private volatile io.jras.ppp.Phase dropInPhase = io.jras.ppp.Phase.ESTABLISH;

    public LoopbackPeerDevice dropInPhase(io.jras.ppp.Phase phase) {
        dropInPhase = phase;
        return this;
    }

    private final Peer peer;
    private volatile Duration dropAfter = Duration.ofMillis(200);
    private final AtomicInteger failOpens = new AtomicInteger();
    private volatile int failOpenCode;
    private volatile CountDownLatch openGate;
    private volatile CountDownLatch connectGate;
    private final CountDownLatch openEntered = new CountDownLatch(1);
    private final CountDownLatch connectEntered = new CountDownLatch(1);
    public final AtomicInteger opens = new AtomicInteger();
    public final List<PppSession> peers = new CopyOnWriteArrayList<>();
    public final List<String> peerTrace = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    public LoopbackPeerDevice(Peer peer) {
        this.peer = peer;
    }

    public LoopbackPeerDevice failFirstOpens(int n, int rasError) {
        failOpens.set(n);
        failOpenCode = rasError;
        return this;
    }

    public LoopbackPeerDevice dropAfter(Duration d) {
        dropAfter = d;
        return this;
    }

    /** open() blocks until {@link #releaseOpen()}. */
    public LoopbackPeerDevice holdOpen() {
        openGate = new CountDownLatch(1);
        return this;
    }

    /** connect() blocks until {@link #releaseConnect()}. */
    public LoopbackPeerDevice holdConnect() {
        connectGate = new CountDownLatch(1);
        return this;
    }

    public void releaseOpen() {
        openGate.countDown();
    }

    public void releaseConnect() {
        connectGate.countDown();
    }

    public boolean awaitOpenEntered(Duration d) throws InterruptedException {
        return openEntered.await(d.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public boolean awaitConnectEntered(Duration d) throws InterruptedException {
        return connectEntered.await(d.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public String type() {
        return "tcp";
    }

    @Override
    public String name() {
        return "loopback-peer";
    }

    @Override
    public Transport open(Duration timeout) throws RasException {
        opens.incrementAndGet();
        openEntered.countDown();
        CountDownLatch gate = openGate;
        if (gate != null) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RasException(633, "interrupted");
            }
        }
        if (failOpens.getAndDecrement() > 0) {
            throw new RasException(failOpenCode, "scripted failure");
        }
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Socket ours = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            Socket theirs = listener.accept();
            ours.setTcpNoDelay(true);
            theirs.setTcpNoDelay(true);
            startPeer(theirs);
            return new SocketTransport(ours, name());
        } catch (IOException e) {
            throw new RasException(633, e.getMessage());
        }
    }

    @Override
    public OptionalLong connect(Transport port, List<String> numbers, Consumer<String> progress) throws RasException {
        connectEntered.countDown();
        CountDownLatch gate = connectGate;
        if (gate != null) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RasException(679, "interrupted");
            }
        }
        return OptionalLong.of(115200);
    }

    private void startPeer(Socket s) throws IOException {
        if (peer == Peer.SILENT) {
            // Reads and discards until the line closes.
            Thread.ofVirtual().start(() -> {
                try (s; InputStream in = s.getInputStream()) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException ignored) {
                    // the line closed
                }
            });
            return;
        }
        PppConfig config = PppConfig.authenticator(List.of(AuthProtocol.CHAP_MD5),
                        name -> Optional.ofNullable(Map.of("alice", "wonderland").get(name)),
                        IpcpConfig.server(Ipv4.parse("192.0.2.1"), Ipv4.parse("192.0.2.2"),
                                Ipv4.parse("192.0.2.53"), Ipv4.parse("192.0.2.54")))
                .withTrace(peerTrace::add);
        PppSession[] self = new PppSession[1];
        self[0] = new PppSession("peer", new PppEngine(config), s.getInputStream(), s.getOutputStream(), s, event -> {
            if (peer == Peer.DROPS_IN_PHASE && event instanceof PppEvent.PhaseChanged pc && pc.to() == dropInPhase) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing is the point
                }
            } else if (event instanceof PppEvent.NetworkUp up && up.ncp().equals(io.jras.ppp.Protocol.IPCP)
                    && (peer == Peer.DROPS || peer == Peer.TERMINATES)) {
                Thread.ofVirtual().start(() -> {
                    try {
                        Thread.sleep(dropAfter);
                        if (peer == Peer.DROPS) {
                            s.close();
                        } else {
                            self[0].close("Administrative shutdown");
                        }
                    } catch (Exception ignored) {
                        // the test ends either way
                    }
                });
            } else if (event instanceof PppEvent.DatagramReceived d) {
                self[0].send(d.protocol(), d.packet());
            }
        });
        peers.add(self[0]);
        self[0].start();
    }
}
