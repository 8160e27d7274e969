package io.jras.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.ppp.AuthProtocol;
import io.jras.ppp.LinkFailure;
import io.jras.ppp.PppConfig;
import io.jras.ppp.PppEngine;
import io.jras.server.pool.AddressRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Clients that misbehave must not hurt the others. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RobustnessTest {

    static ServerConfig config(ServerLimits limits) {
        return ServerFixture.config().withAuth(List.of(AuthProtocol.MSCHAP_V2)).withLimits(limits);
    }

    @Test
    void garbageAndStalledClientsAreClosedWhileAGoodClientConnects() throws Exception {
        ServerLimits limits = ServerLimits.DEFAULTS.withConnectRate(1000, 1000)
                .withNegotiationTimeout(Duration.ofMillis(1500)).withHangUpGrace(Duration.ofSeconds(1));
        try (ServerFixture f = new ServerFixture(config(limits), ServerFixture.users(ServerFixture.USERS));
             Socket garbage = new Socket(f.address().getAddress(), f.address().getPort());
             Socket silent = new Socket(f.address().getAddress(), f.address().getPort());
             Socket halfway = new Socket(f.address().getAddress(), f.address().getPort())) {
            Thread spewer = Thread.ofVirtual().start(() -> spew(garbage));
            // halfway: one real LCP Configure-Request, then nothing more
            PppEngine client = new PppEngine(PppConfig.client("alice", "wonderland"));
            client.open(System.nanoTime());
            halfway.getOutputStream().write(client.pollTransmit());

            try (Dialer good = Dialer.dial(f.address(), "alice", "wonderland")) {
                assertThat(good.awaitIpcp().projection().authenticatedWith()).isEqualTo(AuthProtocol.MSCHAP_V2);
                SessionInfo started = f.awaitStarted();
                assertThat(started.user()).isEqualTo("alice");

                List<ServerFixture.Ended> ends = List.of(f.awaitEnded(), f.awaitEnded(), f.awaitEnded());
                assertThat(ends).allMatch(e -> !e.session().started());
                assertThat(ends).extracting(e -> e.end().reason()).containsExactlyInAnyOrder(
                        "sent more than 65536 octets before the network came up",
                        "negotiation timeout: the network was not up within 1.5 s",
                        "negotiation timeout: the network was not up within 1.5 s");
                spewer.join(Dialer.WITHIN);
                assertThat(spewer.isAlive()).as("the garbage line was cut").isFalse();

                assertThat(good.isDown()).isFalse();
                assertThat(f.server.sessions()).extracting(SessionInfo::id).containsExactly(started.id());
                assertThat(f.server.addressesAvailable()).isEqualTo(9);
            }
        }
    }

    /** Random bytes, flags and escapes included, as fast as the line takes them, until it is cut. */
    static void spew(Socket s) {
        SplittableRandom random = new SplittableRandom(42);
        byte[] chunk = new byte[4096];
        try {
            OutputStream out = s.getOutputStream();
            while (true) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        } catch (IOException expected) {
            // the server cut the line
        }
    }

    @Test
    void aBurstOfConnectsFromOneSourceHitsTheRateLimitWhileAnEstablishedSessionStaysUp() throws Exception {
        ServerLimits limits = ServerLimits.DEFAULTS.withConnectRate(2, 10)
                .withNegotiationTimeout(Duration.ofSeconds(2)).withHangUpGrace(Duration.ofSeconds(1));
        ServerConfig c = config(limits);
        // room for every connect the rate lets through, however slow the machine
        c = new ServerConfig(c.listen(), AddressRange.parse("10.0.0.10-10.0.0.250"), 0,
                c.primaryDns(), c.secondaryDns(), c.auth(), c.name(), c.limits(), c.trace());
        try (ServerFixture f = new ServerFixture(c, ServerFixture.users(ServerFixture.USERS));
             Dialer established = Dialer.dial(f.address(), "bob", "the builder")) {
            established.awaitIpcp();
            SessionInfo bob = f.awaitStarted();

            int burst = 500;
            AtomicInteger reached = new AtomicInteger();
            List<Thread> callers = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                callers.add(Thread.ofVirtual().start(() -> connectAndWaitForTheEnd(f.address(), reached)));
            }
            for (Thread t : callers) {
                t.join(Dialer.WITHIN);
            }
            assertThat(reached.get()).as("every connect reached the server").isEqualTo(burst);
            // the burst allowance minus bob's connect went through, and what the rate refilled meanwhile
            // (2/s: a couple on a fast machine); everything else was refused
            assertThat(f.refused).allMatch(r -> r == Refusal.RATE_LIMITED);
            long refused = f.refused.size();
            assertThat(refused).isBetween((long) burst - 30, (long) burst - 9);
            assertThat(f.events().stream().filter(l -> l.contains("too many connections")).count())
                    .as("a flood is summarized, not logged line by line").isLessThanOrEqualTo(2);

            // the admitted ones never negotiate: the timeout ends them, and bob stays
            for (int i = 0; i < burst - refused; i++) {
                assertThat(f.awaitEnded().end().reason()).startsWith("negotiation timeout");
            }
            assertThat(established.isDown()).isFalse();
            assertThat(f.server.sessions()).extracting(SessionInfo::id).containsExactly(bob.id());
            assertThat(f.server.hangUp(bob.id(), "done")).isTrue();
            assertThat(established.awaitDown()).isEqualTo(new LinkFailure.RemoteTerminated("done"));
        }
    }

    /** Opens a connection, sends nothing, and reads until the server closes or resets it; counts it if it got through. */
    static void connectAndWaitForTheEnd(InetSocketAddress server, AtomicInteger reached) {
        boolean counted = false;
        try (Socket s = new Socket(server.getAddress(), server.getPort())) {
            reached.incrementAndGet();
            counted = true;
            s.setSoTimeout((int) Dialer.WITHIN.toMillis());
            InputStream in = s.getInputStream();
            byte[] buf = new byte[512];
            while (in.read(buf) >= 0) {
                // the server's LCP, for the admitted ones
            }
        } catch (java.net.SocketException e) {
            // Reset: refused. The reset may beat the connect call's return, which then throws it.
            if (!counted && e.getMessage() != null && e.getMessage().contains("reset")) {
                reached.incrementAndGet();
            }
        } catch (IOException e) {
            // counted as not reached
        }
    }
}
