package io.jras.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.core.ConnectionManager;
import io.jras.core.ConnectionStatus;
import io.jras.core.DialRequest;
import io.jras.core.LinkDevices;
import io.jras.core.ManagerConfig;
import io.jras.core.RasConnState;
import io.jras.link.DeviceSpec;
import io.jras.link.RasError;
import io.jras.link.RasException;
import io.jras.link.modem.AnswerConfig;
import io.jras.link.modem.sim.Destination;
import io.jras.link.modem.sim.ModemEmulator;
import io.jras.ppp.AuthProtocol;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * End to end through the modem emulator's exchange: jras's connection manager dials an entry with
 * the device {@code modem:tcp:...} (one emulated modem), calling the number of the line the
 * AnswerServer watches (another emulated modem); the server answers RING with ATA and runs PPP on
 * the call. All over real TCP on 127.0.0.1.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ModemAnswerServerTest {

    private static final String NUMBER = "5550100";
    private static final InetSocketAddress ANY = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final List<String> modemLog = new CopyOnWriteArrayList<>();
    private final ConnectionManager manager = new ConnectionManager(ManagerConfig.DEFAULT.withTick(Duration.ofMillis(50)));
    private ModemEmulator emulator;
    private ServerFixture server;
    private DeviceSpec.Modem answeringLine;

    @BeforeEach
    void startEmulator() throws Exception {
        emulator = new ModemEmulator(Map.<String, Destination>of(), Map.of(NUMBER, ANY), ANY,
                ModemEmulator.Options.DEFAULTS.withRingInterval(Duration.ofMillis(200)).withGuardTime(Duration.ofMillis(300)),
                modemLog::add);
        emulator.start();
        answeringLine = new DeviceSpec.Modem(new DeviceSpec.Tcp("127.0.0.1", emulator.lineAddress(NUMBER).getPort()));
    }

    @AfterEach
    void stopAll() {
        manager.close();
        if (server != null) {
            server.close();
        }
        emulator.close();
    }

    private void serve(List<AuthProtocol> auth) throws Exception {
        server = new ServerFixture(ServerFixture.config().withAuth(auth), ServerFixture.users(ServerFixture.USERS),
                s -> s.addModemLine(answeringLine, AnswerConfig.DEFAULTS.withGuardTime(Duration.ofMillis(300))));
        awaitWaiting(1);
    }

    private long dial(String user, String password) throws RasException {
        return dial("Dial-in", user, password);
    }

    /** A new entry name for a second connection at once (dialing a connected entry gives its handle, as RasDial does). */
    private long dial(String entry, String user, String password) throws RasException {
        return manager.dial(DialRequest.of(entry, LinkDevices.forSpec("modem:tcp:127.0.0.1:" + emulator.port()), user, password)
                .withPhoneNumbers(List.of(NUMBER)), null);
    }

    @ParameterizedTest
    @EnumSource(value = AuthProtocol.class, names = {"PAP", "CHAP_MD5"})
    void aCallIsAnsweredAuthenticatedAndGivenAPoolAddressAndTheLineThenWaitsForTheNext(AuthProtocol protocol) throws Exception {
        serve(List.of(protocol));
        long h = dial("alice", "wonderland");
        await("Connected", () -> state(h) == RasConnState.CONNECTED);
        ConnectionStatus status = manager.status(h);
        assertThat(status.projection().localAddressText()).isEqualTo("192.0.2.10");
        assertThat(status.projection().authenticatedWith()).isEqualTo(protocol);

        SessionInfo s = server.awaitStarted();
        assertThat(s.deviceType()).isEqualTo("modem");
        assertThat(s.device()).isEqualTo(answeringLine.toString());
        assertThat(s.peer()).isNull();
        assertThat(s.user()).isEqualTo("alice");
        assertThat(s.authProtocol()).isEqualTo(protocol);
        assertThat(s.addressText()).isEqualTo("192.0.2.10");
        assertThat(server.events()).contains("session 1 started: " + answeringLine + " user \"alice\" ("
                + protocol.displayName() + ") address 192.0.2.10");

        // the caller hangs up: the session ends, the answering modem is hung up and waits again
        manager.hangUp(h);
        manager.completion(h).get(30, TimeUnit.SECONDS);
        ServerFixture.Ended ended = server.awaitEnded();
        assertThat(ended.session().device()).isEqualTo(answeringLine.toString());
        awaitWaiting(2);
        assertThat(server.server.addressesAvailable()).isEqualTo(10);
        assertThat(server.logText()).doesNotContain("wonderland");
    }

    @Test
    void aHangUpFromTheServerEndsTheCallerAndASecondCallWorksWhileAThirdIsBusy() throws Exception {
        serve(List.of(AuthProtocol.CHAP_MD5));
        long first = dial("alice", "wonderland");
        await("Connected", () -> state(first) == RasConnState.CONNECTED);
        SessionInfo s1 = server.awaitStarted();

        // one session at a time per line: another caller hears BUSY (676)
        long busy = dial("Second line", "bob", "the builder");
        await("Disconnected", () -> state(busy) == RasConnState.DISCONNECTED);
        assertThat(manager.status(busy).error()).isEqualTo(RasError.LINE_BUSY);
        manager.hangUp(busy);

        assertThat(server.server.hangUp(s1.id(), "administrator hang-up")).isTrue();
        await("the caller Disconnected", () -> state(first) == RasConnState.DISCONNECTED);
        assertThat(server.awaitEnded().end().reason()).isEqualTo("administrator hang-up");
        manager.hangUp(first);
        awaitWaiting(2);

        long second = dial("bob", "the builder");
        await("Connected again", () -> state(second) == RasConnState.CONNECTED);
        SessionInfo s2 = server.awaitStarted();
        assertThat(s2.user()).isEqualTo("bob");
        assertThat(s2.id()).isEqualTo(2);
        manager.hangUp(second);
        manager.completion(second).get(30, TimeUnit.SECONDS);
        server.awaitEnded();
        awaitWaiting(3);
    }

    @Test
    void aWrongPasswordIs691AndTheLineGoesBackToWaiting() throws Exception {
        serve(List.of(AuthProtocol.CHAP_MD5));
        long h = dial("alice", "not the password");
        await("Disconnected", () -> state(h) == RasConnState.DISCONNECTED);
        assertThat(manager.status(h).error()).isEqualTo(RasError.AUTHENTICATION_FAILURE);
        manager.hangUp(h);
        server.awaitEnded();
        awaitWaiting(2);
        assertThat(server.logText()).doesNotContain("not the password");
    }

    @Test
    void stoppingTheServerHangsUpTheCallAndStopsAnswering() throws Exception {
        serve(List.of(AuthProtocol.CHAP_MD5));
        long h = dial("alice", "wonderland");
        await("Connected", () -> state(h) == RasConnState.CONNECTED);
        server.awaitStarted();
        server.server.stop();
        await("Disconnected", () -> state(h) == RasConnState.DISCONNECTED);
        assertThat(server.awaitEnded().end().reason()).isEqualTo("server stopping");
        // nobody answers the line now
        long next = manager.dial(DialRequest.of("Dial-in", LinkDevices.forSpec("modem:tcp:127.0.0.1:" + emulator.port()),
                "alice", "wonderland").withPhoneNumbers(List.of(NUMBER)), null);
        await("Disconnected", () -> state(next) == RasConnState.DISCONNECTED || modemLog.stream().anyMatch(
                l -> l.contains("ringing line " + NUMBER + " (no DTE attached to it)")));
        manager.hangUp(next);
    }

    @Test
    void aCallTheServerHasNoRoomForIsAnsweredToldWhyAndHungUp() throws Exception {
        server = new ServerFixture(ServerFixture.config().withAuth(List.of(AuthProtocol.CHAP_MD5))
                .withLimits(ServerFixture.config().limits().withMaxSessions(1)),
                ServerFixture.users(ServerFixture.USERS),
                s -> s.addModemLine(answeringLine, AnswerConfig.DEFAULTS.withGuardTime(Duration.ofMillis(300))));
        awaitWaiting(1);
        // a TCP caller takes the one session there is
        try (Dialer tcp = Dialer.dial(server.address(), "bob", "the builder")) {
            tcp.awaitIpcp();
            server.awaitStarted();
            long h = dial("alice", "wonderland");
            await("Disconnected", () -> state(h) == RasConnState.DISCONNECTED);
            assertThat(manager.status(h).error()).isIn(RasError.PPP_LCP_TERMINATED, RasError.PPP_REMOTE_TERMINATED,
                    RasError.REMOTE_DISCONNECTION, RasError.DISCONNECTION);
            assertThat(server.events()).contains("refused a call on " + answeringLine + ": server full (1 session)");
            manager.hangUp(h);
            awaitWaiting(2);
        }
    }

    private RasConnState state(long h) {
        try {
            return manager.status(h).state();
        } catch (RasException e) {
            return null;
        }
    }

    private void awaitWaiting(int times) {
        String line = answeringLine + ": waiting for a call";
        await(times + "x '" + line + "'", () -> server.log.stream().filter(line::equals).count() >= times);
    }

    /** Waits for a state of the system under test (not a protocol timer), within the test limit. */
    private void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + Dialer.WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("no " + what + " within " + Dialer.WITHIN + "\nserver:\n" + server.logText()
                        + "\nmodems:\n" + String.join("\n", modemLog));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
