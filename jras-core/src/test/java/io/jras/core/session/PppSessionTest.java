package io.jras.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.link.MemoryTransport;
import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.ppp.PppConfig;
import io.jras.ppp.PppEngine;
import io.jras.ppp.PppEvent;
import io.jras.ppp.Protocol;
import io.jras.ppp.LinkFailure;
import io.jras.ppp.fsm.FsmConfig;
import io.jras.ppp.framing.HdlcDecoder;
import io.jras.ppp.ipcp.IpcpConfig;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PppSession over in-memory lines: the reader parks on one octet and then takes what has arrived,
 * so both a stream that reports its available octets and one that never does must carry the link
 * and its datagrams whole, in order. Engine deadlines come from the timer thread all sessions share.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PppSessionTest {

    /** One end: its session, when IPCP came up, and the datagrams it received. */
    private record End(PppSession session, CompletableFuture<Void> ipcpUp, BlockingQueue<byte[]> datagrams) {
        static End start(String name, PppConfig config, InputStream in, MemoryTransport line) throws Exception {
            CompletableFuture<Void> up = new CompletableFuture<>();
            BlockingQueue<byte[]> datagrams = new LinkedBlockingQueue<>();
            PppSession s = new PppSession(name, new PppEngine(config), in, line.output(), line, e -> {
                switch (e) {
                    case PppEvent.NetworkUp n when n.ncp().equals(Protocol.IPCP) -> up.complete(null);
                    case PppEvent.DatagramReceived d -> datagrams.add(d.packet());
                    default -> { }
                }
            });
            return new End(s.start(), up, datagrams);
        }
    }

    private static PppConfig authenticator() {
        return PppConfig.authenticator(List.of(AuthProtocol.CHAP_MD5),
                name -> name.equals("alice") ? Optional.of("wonderland") : Optional.empty(),
                IpcpConfig.server(Ipv4.parse("10.0.0.1"), Ipv4.parse("10.0.0.2"), 0, 0));
    }

    /** A stream whose available() is always 0, as InputStream's own is. */
    private static InputStream withoutAvailable(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int available() {
                return 0;
            }
        };
    }

    private static byte[] datagram(int size, long seed) {
        byte[] d = new byte[size];
        new Random(seed).nextBytes(d);
        d[0] = 0x45; // an IPv4 header's first octet, for the looks
        return d;
    }

    private static void carriesTenDatagramsEachWay(InputStream clientIn, InputStream serverIn, MemoryTransport.Pair pair)
            throws Exception {
        End client = End.start("client", PppConfig.client("alice", "wonderland"), clientIn, pair.near());
        End server = End.start("server", authenticator(), serverIn, pair.far());
        client.ipcpUp().get(10, TimeUnit.SECONDS);
        server.ipcpUp().get(10, TimeUnit.SECONDS);

        // Ten 1,400-octet datagrams queued at once: more than one reader chunk (4 KiB) may wait on the line.
        for (int i = 0; i < 10; i++) {
            client.session().send(Protocol.IPV4, datagram(1400, i));
            server.session().send(Protocol.IPV4, datagram(1400, 100 + i));
        }
        for (int i = 0; i < 10; i++) {
            assertThat(server.datagrams().poll(10, TimeUnit.SECONDS)).as("datagram %d to the server", i)
                    .isEqualTo(datagram(1400, i));
            assertThat(client.datagrams().poll(10, TimeUnit.SECONDS)).as("datagram %d to the client", i)
                    .isEqualTo(datagram(1400, 100 + i));
        }

        client.session().close("done");
        PppEvent.LinkDown down = client.session().done().get(10, TimeUnit.SECONDS);
        assertThat(down.failure()).isNotNull();
        server.session().done().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aStreamThatReportsAvailableOctetsCarriesTheLinkAndItsDatagrams() throws Exception {
        MemoryTransport.Pair pair = MemoryTransport.pair("memory", 64 * 1024);
        carriesTenDatagramsEachWay(pair.near().input(), pair.far().input(), pair);
    }

    @Test
    void aStreamThatNeverReportsAvailableOctetsStillCarriesThemOneOctetAtATime() throws Exception {
        MemoryTransport.Pair pair = MemoryTransport.pair("memory", 64 * 1024);
        carriesTenDatagramsEachWay(withoutAvailable(pair.near().input()), withoutAvailable(pair.far().input()), pair);
    }

    @Test
    void anUnansweredSessionRetransmitsOnTheSharedTimerAndGivesUp() throws Exception {
        MemoryTransport.Pair pair = MemoryTransport.pair("memory", 64 * 1024);
        // Restart timer 20 ms, Max-Configure 3: RFC 1661 §4.6, three Configure-Requests, then 718.
        PppConfig config = PppConfig.client("alice", "wonderland").withFsm(new FsmConfig(Duration.ofMillis(20), 2, 3, 5));
        AtomicInteger configureRequests = new AtomicInteger();
        Thread.ofVirtual().start(() -> {
            // The silent peer: reads and counts LCP Configure-Requests, never answers.
            HdlcDecoder decoder = new HdlcDecoder();
            byte[] buf = new byte[512];
            try {
                for (int n; (n = pair.far().input().read(buf)) > 0; ) {
                    decoder.feed(buf, 0, n, (protocol, info, off, len) -> {
                        if (protocol == 0xc021 && len > 0 && info[off] == 1) {
                            configureRequests.incrementAndGet();
                        }
                    });
                }
            } catch (IOException e) {
                // the line closed
            }
        });
        PppSession session = End.start("client", config, pair.near().input(), pair.near()).session();
        PppEvent.LinkDown down = session.done().get(10, TimeUnit.SECONDS);
        assertThat(down.failure()).isInstanceOf(LinkFailure.NegotiationTimeout.class);
        assertThat(down.failure().rasError()).isEqualTo(718);
        assertThat(configureRequests.get()).isEqualTo(3);
    }

    @Test
    void aCloseQueuedBeforeStartComesAfterTheOpen() throws Exception {
        MemoryTransport.Pair pair = MemoryTransport.pair("memory", 64 * 1024);
        // The peer never acks: two Terminate-Requests 20 ms apart (RFC 1661 §4.6 Max-Terminate), then Closed.
        PppConfig config = PppConfig.client("alice", "wonderland").withFsm(new FsmConfig(Duration.ofMillis(20), 2, 3, 5));
        PppSession session = new PppSession("early", new PppEngine(config),
                pair.near().input(), pair.near().output(), pair.near(), e -> { });
        session.close("changed my mind");
        session.start();
        PppEvent.LinkDown down = session.done().get(10, TimeUnit.SECONDS);
        assertThat(down.failure()).isEqualTo(new LinkFailure.LocalClose("changed my mind"));
    }
}
