package io.jras.link.modem.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Calls between emulated modems through the emulator's exchange, spoken by hand over real TCP:
 * RING, ATA, S0 auto-answer, BUSY, NO ANSWER and NO CARRIER in both directions.
 */
class ExchangeTest {

    private static final InetSocketAddress ANY = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ModemEmulator emulator = new ModemEmulator(Map.of("5550199", new Destination.Refusal("BUSY")),
            Map.of("555-0100", ANY, "5550101", ANY), ANY,
            ModemEmulator.Options.DEFAULTS.withDialDelay(Duration.ofMillis(50)).withRingInterval(Duration.ofMillis(200))
                    .withGuardTime(Duration.ofMillis(100)),
            log::add);

    /** One DTE: a TCP connection to a modem line. */
    private final class Dte {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Dte(InetSocketAddress where) throws IOException {
            socket = new Socket(where.getAddress(), where.getPort());
            sockets.add(socket);
            in = TimedInputStream.of(socket.getInputStream(), "test-dte");
            out = socket.getOutputStream();
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        String expect(String text) throws IOException {
            return Reads.untilText(in, text);
        }

        String chat(String command, String expected) throws IOException {
            send(command);
            return expect(expected);
        }

        /** Echo off, as every test starts. */
        Dte quiet() throws IOException {
            chat("ATE0\r", "OK\r\n");
            return this;
        }
    }

    private Dte caller() throws IOException {
        return new Dte(emulator.address()).quiet();
    }

    private Dte line(String number) throws IOException {
        return new Dte(emulator.lineAddress(number)).quiet();
    }

    @AfterEach
    void closeAll() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        emulator.close();
    }

    @Test
    void aCallRingsAndAtaConnectsBothSidesWithDataBothWays() throws IOException {
        emulator.start();
        Dte answering = line("5550100");
        Dte calling = caller();
        calling.send("ATDT555-0100\r");
        assertThat(answering.expect("RING\r\n")).isEqualTo("\r\nRING\r\n");
        answering.expect("RING\r\n"); // it goes on ringing
        assertThat(answering.chat("ATA\r", "CONNECT 115200\r\n")).endsWith("\r\nCONNECT 115200\r\n");
        assertThat(calling.expect("CONNECT 115200\r\n")).isEqualTo("\r\nCONNECT 115200\r\n");

        calling.send("hello from the caller");
        assertThat(answering.expect("caller")).isEqualTo("hello from the caller");
        answering.send("~}#\u00ffbinary\r\nAT\r");
        assertThat(calling.expect("AT\r")).isEqualTo("~}#\u00ffbinary\r\nAT\r");
        assertThat(log).anyMatch(l -> l.contains("ATDT555-0100 -> ringing line 5550100"))
                .anyMatch(l -> l.contains("(5550100 ") && l.contains("ATA -> CONNECT 115200 (call to 5550100)"))
                .anyMatch(l -> l.contains("ATDT555-0100 -> CONNECT 115200 to line 5550100"));
    }

    @Test
    void aHangUpOnTheAnsweringSideIsNoCarrierForTheCaller() throws IOException {
        emulator.start();
        Dte answering = line("5550100");
        Dte calling = caller();
        connect(calling, answering);

        pause(150); // the escape wants a guard time of silence before the +++ (S12 = 100 ms here)
        assertThat(answering.chat("+++", "OK\r\n")).isEqualTo("\r\nOK\r\n");
        answering.chat("ATH\r", "OK\r\n");
        // the + went on as data first, as on a real modem: only the silence after them made an escape
        assertThat(calling.expect("NO CARRIER\r\n")).isEqualTo("+++\r\nNO CARRIER\r\n");
        // both lines are back in command mode, and the line can be called again
        calling.chat("AT\r", "OK\r\n");
        connect(calling, answering);
    }

    @Test
    void theCallerHangingUpOrLeavingIsNoCarrierForTheAnsweringSide() throws IOException {
        emulator.start();
        Dte answering = line("5550100");
        Dte calling = caller();
        connect(calling, answering);
        pause(150);
        calling.chat("+++", "OK\r\n");
        calling.chat("ATH0\r", "OK\r\n");
        assertThat(answering.expect("NO CARRIER\r\n")).isEqualTo("+++\r\nNO CARRIER\r\n");

        Dte second = caller();
        connect(second, answering);
        second.socket.close(); // the DTE goes away: its modem hangs up (as when DTR drops)
        assertThat(answering.expect("NO CARRIER\r\n")).isEqualTo("\r\nNO CARRIER\r\n");
        answering.chat("AT\r", "OK\r\n");
    }

    @Test
    void s0AnswersByItselfAtTheNthRing() throws IOException {
        emulator.start();
        Dte answering = line("5550100");
        answering.chat("ATS0=2\r", "OK\r\n");
        Dte calling = caller();
        calling.send("ATD5550100\r");
        assertThat(answering.expect("CONNECT 115200\r\n")).isEqualTo("\r\nRING\r\n\r\nRING\r\n\r\nCONNECT 115200\r\n");
        calling.expect("CONNECT 115200\r\n");
        assertThat(log).anyMatch(l -> l.contains("S0 auto-answer -> CONNECT 115200"));
        // S1 counted the rings
        pause(150);
        answering.chat("+++", "OK\r\n");
        assertThat(answering.chat("ATS1?\r", "OK\r\n")).isEqualTo("\r\n002\r\n\r\nOK\r\n");
    }

    @Test
    void aLineInACallDialingOrOffHookIsBusy() throws IOException {
        emulator.start();
        Dte answering = line("5550100");
        Dte calling = caller();
        connect(calling, answering);
        Dte third = caller();
        assertThat(third.chat("ATD5550100\r", "BUSY\r\n")).isEqualTo("\r\nBUSY\r\n");

        Dte other = line("5550101");
        other.chat("ATH1\r", "OK\r\n");
        assertThat(third.chat("ATD5550101\r", "BUSY\r\n")).isEqualTo("\r\nBUSY\r\n");
        other.chat("ATH0\r", "OK\r\n");
        third.send("ATD5550101\r");
        other.expect("RING\r\n");
        // calling one's own number: the line is off hook, dialing
        assertThat(other.chat("ATD5550101\r", "BUSY\r\n")).contains("BUSY");
        assertThat(log).anyMatch(l -> l.contains("-> BUSY (line 5550100 is busy)"));
    }

    @Test
    void aCallNobodyAnswersIsNoAnswerAfterS7AndAtaThenFindsNothing() throws IOException {
        emulator.start();
        Dte answering = line("5550100");
        Dte calling = caller();
        calling.chat("ATS7=1\r", "OK\r\n");
        long start = System.nanoTime();
        calling.send("ATD5550100\r");
        answering.expect("RING\r\n");
        assertThat(calling.expect("NO ANSWER\r\n")).isEqualTo("\r\nNO ANSWER\r\n");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(answering.chat("ATA\r", "NO CARRIER\r\n")).endsWith("\r\nNO CARRIER\r\n");
        assertThat(log).anyMatch(l -> l.contains("-> NO ANSWER (no answer within S7=1 s)"));
    }

    @Test
    void aLineWithNoDteAttachedRingsUnansweredAndADteDialingAbortsTheCall() throws IOException {
        emulator.start();
        Dte calling = caller();
        calling.chat("ATS7=1\r", "OK\r\n");
        assertThat(calling.chat("ATD5550101\r", "NO ANSWER\r\n")).isEqualTo("\r\nNO ANSWER\r\n");
        assertThat(log).anyMatch(l -> l.contains("ringing line 5550101 (no DTE attached to it)"));

        Dte answering = line("5550100");
        calling.chat("ATS7=30\r", "OK\r\n");
        calling.send("ATD5550100\r");
        answering.expect("RING\r\n");
        assertThat(calling.chat("\r", "NO CARRIER\r\n")).isEqualTo("\r\nNO CARRIER\r\n");
        assertThat(answering.chat("ATA\r", "NO CARRIER\r\n")).endsWith("\r\nNO CARRIER\r\n");
        // the line is free again
        calling.send("ATD5550100\r");
        answering.expect("RING\r\n");
    }

    @Test
    void aSecondDteOnALineIsTurnedAwayAndTheLineIsFreedWhenTheFirstLeaves() throws IOException {
        emulator.start();
        Dte first = line("5550100");
        Dte second = new Dte(emulator.lineAddress("5550100"));
        assertThat(Reads.toEnd(second.in)).isEmpty();
        assertThat(log).anyMatch(l -> l.contains("line 5550100: a DTE is attached already"));
        first.socket.close();
        Dte third = attachWhenFree("5550100");
        Dte calling = caller();
        calling.send("ATD5550100\r");
        third.expect("RING\r\n");
    }

    @Test
    void linesAreParsedAndMayNotAlsoBeMapped() {
        assertThat(ModemEmulator.parseLines(List.of("555-0100=tcp:127.0.0.1:5001")))
                .containsExactly(Map.entry("555-0100", new InetSocketAddress("127.0.0.1", 5001)));
        assertThatThrownBy(() -> ModemEmulator.parseLines(List.of("5550100=BUSY"))).hasMessageContaining("NUMBER=tcp:HOST:PORT");
        assertThatThrownBy(() -> new ModemEmulator(Map.of("5550100", new Destination.Refusal("BUSY")),
                Map.of("555-0100", ANY), ANY, ModemEmulator.Options.DEFAULTS, l -> { }))
                .hasMessageContaining("5550100 is a subscriber line");
        assertThatThrownBy(() -> ModemEmulator.Options.DEFAULTS.withCarrierWait(Duration.ofMillis(10)))
                .hasMessageContaining("S7");
    }

    /** Calls {@code answering} from {@code calling} and answers: both on line. */
    private static void connect(Dte calling, Dte answering) throws IOException {
        calling.send("ATD5550100\r");
        answering.expect("RING\r\n");
        answering.chat("ATA\r", "CONNECT 115200\r\n");
        calling.expect("CONNECT 115200\r\n");
    }

    /**
     * Attaches a DTE to the line as soon as the emulator has seen the last one go (it learns that
     * from its own read of the closed connection); an AT answered proves it is attached.
     */
    private Dte attachWhenFree(String number) throws IOException {
        long end = System.nanoTime() + Reads.LIMIT.toNanos();
        while (true) {
            Dte dte = new Dte(emulator.lineAddress(number));
            try {
                dte.chat("AT\r", "OK\r\n");
                return dte;
            } catch (AssertionError turnedAway) {
                if (System.nanoTime() > end) {
                    throw turnedAway;
                }
            }
        }
    }

    // Not a protocol timer of ours: the Hayes escape is defined by silence on the wire.
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
