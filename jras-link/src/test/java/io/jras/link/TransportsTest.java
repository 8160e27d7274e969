package io.jras.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.link.pty.Pty;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransportsTest {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void aTcpSpecOpensASocketToItsPeer() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Transport line = Transports.open(DeviceSpec.parse("tcp:127.0.0.1:" + peer.getLocalPort()), TIMEOUT);
                Socket far = peer.accept()) {
            assertThat(line).isInstanceOf(TcpTransport.class);
            assertThat(line.deviceType()).isEqualTo("tcp");
            assertThat(line.deviceName()).isEqualTo("127.0.0.1:" + peer.getLocalPort());
            line.output().write("hi".getBytes(StandardCharsets.US_ASCII));
            assertThat(far.getInputStream().readNBytes(2)).asString().isEqualTo("hi");
            far.getOutputStream().write('!');
            assertThat(line.input().read()).isEqualTo('!');
        }
    }

    @Test
    void anIpv6PeerIsReachedThroughItsBracketedSpec() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getByName("::1"));
                Transport line = Transports.open(DeviceSpec.parse("tcp:[::1]:" + peer.getLocalPort()), TIMEOUT)) {
            assertThat(line.deviceName()).isEqualTo("[::1]:" + peer.getLocalPort());
        }
    }

    @Test
    void aRefusedConnectionIs678WithThePeerInTheDetail() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> Transports.open(new DeviceSpec.Tcp("127.0.0.1", port), TIMEOUT))
                .isInstanceOfSatisfying(RasException.class, e -> {
                    assertThat(e.code()).isEqualTo(RasError.NO_ANSWER);
                    assertThat(e.getMessage()).startsWith("The remote computer did not respond. (127.0.0.1:" + port + ": ");
                });
    }

    @Test
    void anUnknownHostIs633() {
        assertThatThrownBy(() -> Transports.open(new DeviceSpec.Tcp("no-such-host.invalid", 7001), TIMEOUT))
                .isInstanceOfSatisfying(RasException.class, e -> {
                    assertThat(e.code()).isEqualTo(RasError.PORT_NOT_AVAILABLE);
                    assertThat(e.getMessage()).contains("unknown host no-such-host.invalid");
                });
    }

    @Test
    void aSerialSpecOpensThePort() throws Exception {
        try (Pty cable = Pty.open();
                Transport line = Transports.open(DeviceSpec.parse("serial:" + cable.slavePath() + "@9600"), TIMEOUT)) {
            assertThat(line).isInstanceOfSatisfying(SerialTransport.class, s -> assertThat(s.options()).isEqualTo(SerialTransport.Options.LINE));
        }
    }

    @Test
    void aModemSpecOpensOnlyItsLineWithModemSettingsAndSaysNothing() throws Exception {
        try (Pty cable = Pty.open();
                Transport line = Transports.open(DeviceSpec.parse("modem:" + cable.slavePath()), TIMEOUT)) {
            assertThat(line).isInstanceOfSatisfying(SerialTransport.class, s -> assertThat(s.options()).isEqualTo(SerialTransport.Options.MODEM));
            InputStream fromPort = cable.input();
            assertThat(((TimedInputStream) fromPort).read(new byte[1], 0, 1, Duration.ofMillis(100))).isZero();
        }
    }

    @Test
    void anExecSpecStartsTheCommand() throws Exception {
        try (Transport line = Transports.open(DeviceSpec.parse("exec:echo hello"), TIMEOUT)) {
            assertThat(line.deviceType()).isEqualTo("exec");
            assertThat(Reads.toEnd(line.input())).asString().isEqualTo("hello\n");
        }
    }
}
