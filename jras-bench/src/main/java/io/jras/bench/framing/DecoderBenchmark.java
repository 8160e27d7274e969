package io.jras.bench.framing;

import io.jras.ppp.framing.FcsType;
import io.jras.ppp.framing.FrameHandler;
import io.jras.ppp.framing.HdlcDecoder;
import io.jras.ppp.framing.HdlcEncoder;
import io.jras.ppp.framing.ReceiveConfig;
import io.jras.ppp.framing.TransmitConfig;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding one 1500-octet frame of random payload sent with ACCM 0 and FCS-16: unescaping, the
 * FCS check and the hand-off. Scores are payload octets per microsecond, that is MB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(Payload.SIZE)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecoderBenchmark {

    private final HdlcDecoder decoder = new HdlcDecoder();
    private byte[] line;

    @Setup
    public void encodeOneFrame() {
        HdlcEncoder encoder = new HdlcEncoder();
        encoder.configure(new TransmitConfig(0, true, true, FcsType.FCS16));
        byte[] payload = Payload.random();
        byte[] out = new byte[HdlcEncoder.maxEncodedSize(payload.length)];
        line = Arrays.copyOf(out, encoder.encode(0x0021, payload, 0, payload.length, false, out, 0));
        decoder.configure(new ReceiveConfig(0, 1500, FcsType.FCS16));
    }

    @Benchmark
    public void decode(Blackhole bh) {
        FrameHandler handler = (protocol, info, off, len) -> bh.consume(len);
        decoder.feed(line, 0, line.length, handler);
    }

    /** A benchmark that drops its frames measures nothing: fail loudly instead. */
    @TearDown
    public void checkEveryFrameWasGood() {
        var s = decoder.statistics();
        if (s.crcErrors() + s.framingErrors() + s.bufferOverrunErrors() != 0
                || s.framesReceived() == 0) {
            throw new IllegalStateException("decoder benchmark dropped frames: " + s);
        }
    }
}
