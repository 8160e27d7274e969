package io.jras.link.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.link.MemoryTransport;
import io.jras.link.Reads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An answered call over an in-memory line: its stream ends on close and on the modem's NO CARRIER. */
class AnsweredCallTest {

    private final MemoryTransport.Pair pair = MemoryTransport.pair("modem");

    /** A call as the answerer hands it over: the line in its data phase, after CONNECT. */
    private AnsweredCall call() throws IOException {
        ModemLine line = ModemLine.over(pair.near());
        line.mode(ModemLine.Mode.DATA);
        return new AnsweredCall(line, "modem:tcp:127.0.0.1:5001");
    }

    private void modemSends(String text) throws IOException {
        pair.far().output().write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void dataPassesBothWaysAndTheCallNamesItsLine() throws IOException {
        AnsweredCall call = call();
        modemSends("~\u00ff\u0003frame~");
        assertThat(new String(Reads.exactly(call.input(), 9), StandardCharsets.ISO_8859_1)).isEqualTo("~\u00ff\u0003frame~");
        call.output().write("reply".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(Reads.exactly(pair.far().input(), 5), StandardCharsets.US_ASCII)).isEqualTo("reply");
        assertThat(call.deviceType()).isEqualTo("modem");
        assertThat(call.deviceName()).isEqualTo("modem:tcp:127.0.0.1:5001");
    }

    @Test
    void theModemsNoCarrierEndsTheStreamEvenWhenItComesInPieces() throws IOException {
        AnsweredCall call = call();
        modemSends("~frame~\r\nNO CAR");
        byte[] first = new byte[64];
        int n = call.input().read(first, 0, 64, Duration.ofSeconds(5));
        assertThat(call.carrierLost()).isFalse();
        modemSends("RIER\r\n");
        assertThat(new String(first, 0, n, StandardCharsets.US_ASCII) + Reads.untilText(call.input(), "RIER\r"))
                .startsWith("~frame~\r\nNO CARRIER\r");
        assertThat(call.carrierLost()).isTrue();
        assertThat(call.input().read(first, 0, 64, Duration.ofSeconds(5))).isEqualTo(-1);
        assertThat(call.ended()).isFalse(); // the handler closes it; the modem line stays open for the hang-up
    }

    @Test
    void closingEndsAPendingReadWithinASliceAndLaterWritesFail() throws Exception {
        AnsweredCall call = call();
        Thread closer = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException ignored) {
                // close at once then
            }
            call.close();
        });
        long start = System.nanoTime();
        assertThat(call.input().read()).isEqualTo(-1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        closer.join();
        assertThatThrownBy(() -> call.output().write(1)).isInstanceOf(IOException.class).hasMessageContaining("has ended");
        // the modem line itself is still open
        modemSends("OK\r\n");
        assertThat(pair.near().input().available()).isPositive();
    }
}
