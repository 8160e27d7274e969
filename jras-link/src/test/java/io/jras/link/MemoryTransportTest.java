package io.jras.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryTransportTest {

    @Test
    void whatOneEndWritesTheOtherReadsInOrder() throws IOException {
        MemoryTransport.Pair line = MemoryTransport.pair();
        line.near().output().write("hello ".getBytes(StandardCharsets.US_ASCII));
        line.near().output().write("far end".getBytes(StandardCharsets.US_ASCII));
        line.far().output().write(new byte[] {0x7e, (byte) 0xff, 0x00, 0x7d});

        assertThat(Reads.untilText(line.far().input(), "far end")).isEqualTo("hello far end");
        assertThat(Reads.exactly(line.near().input(), 4)).containsExactly(0x7e, 0xff, 0x00, 0x7d);
    }

    @Test
    void aLineCarriesMoreThanItsBufferWhenTheReaderKeepsUp() throws Exception {
        MemoryTransport.Pair line = MemoryTransport.pair();
        byte[] big = new byte[1_000_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                line.near().output().write(big);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        assertThat(Reads.exactly(line.far().input(), big.length)).isEqualTo(big);
        writer.get(5, TimeUnit.SECONDS);
    }

    @Test
    void closingOneEndEndsTheOthersInputAfterWhatWasSent() throws IOException {
        MemoryTransport.Pair line = MemoryTransport.pair();
        line.near().output().write(new byte[] {1, 2, 3});
        line.near().close();
        assertThat(Reads.toEnd(line.far().input())).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> line.far().output().write(9)).isInstanceOf(IOException.class);
    }

    @Test
    void closingAnEndUnblocksItsOwnPendingRead() throws Exception {
        MemoryTransport.Pair line = MemoryTransport.pair();
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            try {
                return line.near().input().read();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(50); // let the read block; the assertion does not depend on it
        line.near().close();
        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(-1);
    }

    @Test
    void aTimedReadReturnsZeroWhenNothingArrivesInTime() throws IOException {
        MemoryTransport.Pair line = MemoryTransport.pair();
        byte[] buffer = new byte[8];
        assertThat(line.near().input().read(buffer, 0, 8, Duration.ofMillis(20))).isZero();
        line.far().output().write(42);
        assertThat(line.near().input().read(buffer, 0, 8, Duration.ZERO)).isEqualTo(1);
        assertThat(buffer[0]).isEqualTo((byte) 42);
    }

    @Test
    void anInterruptedReadThrowsAndKeepsTheFlag() throws Exception {
        MemoryTransport.Pair line = MemoryTransport.pair();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                line.near().input().read();
                outcome.complete(null);
            } catch (IOException e) {
                outcome.complete(Thread.currentThread().isInterrupted() ? e : new AssertionError("flag lost"));
            }
        });
        Thread.sleep(50);
        reader.interrupt();
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedIOException.class);
    }

    @Test
    void dtrIsAFlagTheTestCanRead() {
        MemoryTransport end = MemoryTransport.pair().near();
        assertThat(end.hasDtr()).isTrue();
        assertThat(end.dtr()).isTrue();
        end.setDtr(false);
        assertThat(end.dtr()).isFalse();
        assertThat(end.deviceType()).isEqualTo("memory");
    }
}
