package io.jras.link.modem.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.link.Reads;
import io.jras.link.TimedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emulator spoken to by hand, byte for byte, over real TCP. */
class EmulatorAtTest {

    private final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ModemEmulator emulator = new ModemEmulator(
            Map.of("555-0001", new Destination.Refusal("BUSY"), "5550002", new Destination.Refusal("NO ANSWER")),
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            ModemEmulator.Options.DEFAULTS.withDialDelay(Duration.ofMillis(50)), calls::add);

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private void connect() throws IOException {
        emulator.start();
        socket = new Socket(InetAddress.getLoopbackAddress(), emulator.port());
        socket.setSoTimeout((int) Reads.LIMIT.toMillis());
        in = TimedInputStream.of(socket.getInputStream(), "test-line");
        out = socket.getOutputStream();
    }

    /** Sends {@code text} and reads until {@code expected} has come; returns all that came. */
    private String chat(String text, String expected) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        return Reads.untilText(in, expected);
    }

    @AfterEach
    void closeAll() throws IOException {
        if (socket != null) {
            socket.close();
        }
        emulator.close();
    }

    @Test
    void atIsAnsweredOkAndEchoedByDefault() throws IOException {
        connect();
        assertThat(chat("AT\r", "OK\r\n")).isEqualTo("AT\r\r\nOK\r\n");
    }

    @Test
    void e0StopsTheEchoAndZBringsItBack() throws IOException {
        connect();
        chat("ATE0\r", "OK\r\n");
        assertThat(chat("AT\r", "OK\r\n")).isEqualTo("\r\nOK\r\n");
        assertThat(chat("ATZ\r", "OK\r\n")).isEqualTo("\r\nOK\r\n");
        assertThat(chat("AT\r", "OK\r\n")).isEqualTo("AT\r\r\nOK\r\n");
    }

    @Test
    void v0GivesNumericResultsAndQ1None() throws IOException {
        connect();
        chat("ATE0\r", "OK\r\n");
        assertThat(chat("ATV0\r", "0\r")).isEqualTo("0\r");
        assertThat(chat("ATJ\r", "4\r")).isEqualTo("4\r");
        assertThat(chat("ATDT5550001\r", "7\r")).isEqualTo("7\r");
        // Q1 silences its own line already; only ATQ0's result comes
        assertThat(chat("ATQ1\rAT\rATJ\rATQ0\r", "0\r")).isEqualTo("0\r");
    }

    @Test
    void everyBasicCommandIsAnsweredOk() throws IOException {
        connect();
        chat("ATE0\r", "OK\r\n");
        for (String command : List.of("ATZ", "ATE0V1", "ATQ0", "AT&F", "ATH", "ATH0", "ATL1M0X4", "AT&C1&D2&K3", "at e0 v1")) {
            assertThat(chat(command + "\r", "\r\n")).as(command).isEqualTo("\r\nOK\r\n");
            chat("ATE0\r", "OK\r\n");
        }
    }

    @Test
    void anUnknownCommandIsError() throws IOException {
        connect();
        assertThat(chat("ATJ7\r", "ERROR\r\n")).endsWith("\r\nERROR\r\n");
        assertThat(chat("ATE2\r", "ERROR\r\n")).endsWith("\r\nERROR\r\n");
    }

    @Test
    void aLineWithoutAtIsNoCommandAndTextBeforeAtIsSkipped() throws IOException {
        connect();
        chat("ATE0\r", "OK\r\n");
        assertThat(chat("hello\r+++ATH0\r", "OK\r\n")).isEqualTo("\r\nOK\r\n");
    }

    @Test
    void registersKeepTheirValues() throws IOException {
        connect();
        chat("ATE0\r", "OK\r\n");
        assertThat(chat("ATS0=5S0?\r", "OK\r\n")).isEqualTo("\r\n005\r\n\r\nOK\r\n");
        assertThat(chat("ATS12?\r", "OK\r\n")).isEqualTo("\r\n050\r\n\r\nOK\r\n");
    }

    @Test
    void aMappedConditionIsAnsweredAfterTheDelayAndLogged() throws IOException {
        connect();
        chat("ATE0\r", "OK\r\n");
        assertThat(chat("ATDT555 0001\r", "BUSY\r\n")).isEqualTo("\r\nBUSY\r\n");
        assertThat(chat("ATDP5550002\r", "NO ANSWER\r\n")).isEqualTo("\r\nNO ANSWER\r\n");
        assertThat(chat("ATD12345\r", "NO CARRIER\r\n")).isEqualTo("\r\nNO CARRIER\r\n");
        assertThat(calls).containsExactly(
                "line 1 (" + lineName() + "): ATDT555 0001 -> BUSY",
                "line 1 (" + lineName() + "): ATDP5550002 -> NO ANSWER",
                "line 1 (" + lineName() + "): ATD12345 -> NO CARRIER (no such number)");
    }

    @Test
    void aCharacterDuringTheDialAbortsIt() throws IOException {
        emulator.close();
        ModemEmulator slow = new ModemEmulator(Map.of("1", new Destination.Refusal("BUSY")),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ModemEmulator.Options.DEFAULTS.withDialDelay(Duration.ofSeconds(30)), calls::add);
        slow.start();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), slow.port())) {
            InputStream line = TimedInputStream.of(s.getInputStream(), "test-line");
            s.getOutputStream().write("ATE0\rATDT1\r".getBytes(StandardCharsets.US_ASCII));
            Reads.untilText(line, "OK\r\n");
            s.getOutputStream().write('\r');
            assertThat(Reads.untilText(line, "NO CARRIER\r\n")).isEqualTo("\r\nNO CARRIER\r\n");
        } finally {
            slow.close();
        }
    }

    @Test
    void atoAndAtaWithoutACallAreNoCarrier() throws IOException {
        connect();
        chat("ATE0\r", "OK\r\n");
        assertThat(chat("ATO\r", "CARRIER\r\n")).isEqualTo("\r\nNO CARRIER\r\n");
        assertThat(chat("ATA\r", "CARRIER\r\n")).isEqualTo("\r\nNO CARRIER\r\n");
    }

    @Test
    void severalLinesAreServedAtOnce() throws IOException {
        connect();
        try (Socket second = new Socket(InetAddress.getLoopbackAddress(), emulator.port())) {
            second.getOutputStream().write("ATE0\r".getBytes(StandardCharsets.US_ASCII));
            out.write("ATE0\r".getBytes(StandardCharsets.US_ASCII));
            assertThat(Reads.untilText(TimedInputStream.of(second.getInputStream(), "second"), "OK\r\n")).isEqualTo("ATE0\r\r\nOK\r\n");
            assertThat(Reads.untilText(in, "OK\r\n")).isEqualTo("ATE0\r\r\nOK\r\n");
        }
    }

    @Test
    void closingTheEmulatorClosesItsLines() throws IOException {
        connect();
        chat("AT\r", "OK\r\n");
        emulator.close();
        assertThat(Reads.toEnd(in)).isEmpty();
    }

    @Test
    void mappingsAreParsedFromTheirText() {
        assertThat(ModemEmulator.parseMap(List.of("5551234=tcp:127.0.0.1:7001", "5550000=busy", "5550001=NO DIAL TONE")))
                .containsExactly(
                        Map.entry("5551234", new Destination.Remote(new io.jras.link.DeviceSpec.Tcp("127.0.0.1", 7001))),
                        Map.entry("5550000", new Destination.Refusal("BUSY")),
                        Map.entry("5550001", new Destination.Refusal("NO DIALTONE")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModemEmulator.parseMap(List.of("5551234")))
                .hasMessageContaining("NUMBER=tcp:HOST:PORT");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModemEmulator.parseMap(List.of("1=ringing")))
                .hasMessageContaining("not 'ringing'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModemEmulator.parseMap(List.of("abc=BUSY")))
                .hasMessageContaining("not a phone number");
    }

    private String lineName() {
        return "127.0.0.1:" + socket.getLocalPort();
    }
}
