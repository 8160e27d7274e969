package io.jras.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.core.testkit.AnsweringPeer;
import io.jras.link.RasException;
import io.jras.link.modem.sim.ModemEmulator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The manager dials through the Hayes modem emulator over TCP: every result code becomes its RAS
 * error, alternates are tried in order, a connected call carries PPP to a real answering engine,
 * and hang-up goes +++ / ATH.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ModemDialTest {

    private final ConnectionManager manager = new ConnectionManager(ManagerConfig.DEFAULT.withTick(Duration.ofMillis(50)));
    private AnsweringPeer peer;
    private ModemEmulator modem;

    @BeforeEach
    void start() throws IOException {
        peer = new AnsweringPeer();
        modem = new ModemEmulator(ModemEmulator.parseMap(List.of(
                "5551234=tcp:127.0.0.1:" + peer.port(),
                "5550001=BUSY", "5550002=NO CARRIER", "5550003=NO ANSWER", "5550004=NO DIALTONE")),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ModemEmulator.Options.DEFAULTS.withDialDelay(Duration.ofMillis(20)).withGuardTime(Duration.ofMillis(300)),
                line -> { });
        modem.start();
    }

    @AfterEach
    void stop() throws IOException {
        manager.close();
        modem.close();
        peer.close();
    }

    private DialRequest request(String... numbers) throws RasException {
        return DialRequest.of("Modem", LinkDevices.forSpec("modem:tcp:127.0.0.1:" + modem.port()), "alice", "wonderland")
                .withPhoneNumbers(List.of(numbers));
    }

    private RasConnState state(long h) {
        try {
            return manager.status(h).state();
        } catch (RasException e) {
            return null;
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"5550001, 676", "5550002, 679", "5550003, 678", "5550004, 680", "5559999, 679"})
    void eachModemResultBecomesItsRasError(String number, int rasError) throws Exception {
        long h = manager.dial(request(number), null);
        ConnectionManagerTest.await("Disconnected", () -> state(h) == RasConnState.DISCONNECTED);
        assertThat(manager.status(h).error()).isEqualTo(rasError);
        assertThat(manager.status(h).deviceType()).isEqualTo("modem");
    }

    @Test
    void aCallThroughTheModemCarriesPppAndHangsUpWithEscapeAndAth() throws Exception {
        long h = manager.dial(request("5551234"), null);
        ConnectionManagerTest.await("Connected", () -> state(h) == RasConnState.CONNECTED);
        ConnectionStatus s = manager.status(h);
        assertThat(s.statistics().bps()).isEqualTo(115200);
        assertThat(s.projection().localAddressText()).isEqualTo("192.0.2.2");
        manager.hangUp(h);
        manager.completion(h).get(30, TimeUnit.SECONDS);
        assertThat(peer.trace).anyMatch(l -> l.startsWith("rcvd [LCP TermReq"));
        assertThat(manager.events().since(0)).anyMatch(e -> e.kind().equals("device") && e.detail().contains("5551234"));
    }

    @Test
    void alternatesAreTriedInOrderUntilOneConnects() throws Exception {
        long h = manager.dial(request("5550001", "5550002", "5551234"), null);
        ConnectionManagerTest.await("Connected", () -> state(h) == RasConnState.CONNECTED);
        List<String> dialed = new ArrayList<>();
        manager.events().since(0).stream().filter(e -> e.kind().equals("device")).forEach(e -> dialed.add(e.detail()));
        assertThat(String.join("\n", dialed)).contains("5550001").contains("5550002").contains("5551234");
    }

    @Test
    void aModemThatSpewsGarbageIs652AndASilentOneIs660() throws Exception {
        try (ServerSocket garbage = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = garbage.accept(); OutputStream out = s.getOutputStream()) {
                    for (int i = 0; i < 2000; i++) {
                        out.write("\u0007#@!? WHAT\r\n".getBytes());
                        Thread.sleep(5);
                    }
                } catch (Exception ignored) {
                    // the dialer hung up
                }
            });
            List<Socket> held = new ArrayList<>();
            Thread.ofVirtual().start(() -> {
                try {
                    held.add(silent.accept());
                } catch (IOException ignored) {
                    // closed
                }
            });
            // Short chat steps, so the silent modem fails in seconds rather than 45.
            Duration step = Duration.ofSeconds(2);
            long g = manager.dial(DialRequest.of("Garbage", LinkDevices.forSpec("modem:tcp:127.0.0.1:" + garbage.getLocalPort(), step),
                    "alice", "x").withPhoneNumbers(List.of("1")), null);
            long s = manager.dial(DialRequest.of("Silent", LinkDevices.forSpec("modem:tcp:127.0.0.1:" + silent.getLocalPort(), step),
                    "alice", "x").withPhoneNumbers(List.of("1")), null);
            ConnectionManagerTest.await("both Disconnected",
                    () -> state(g) == RasConnState.DISCONNECTED && state(s) == RasConnState.DISCONNECTED);
            assertThat(manager.status(g).error()).isEqualTo(652);
            assertThat(manager.status(s).error()).isEqualTo(660);
        }
    }
}
