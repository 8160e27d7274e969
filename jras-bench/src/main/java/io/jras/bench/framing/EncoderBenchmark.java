package io.jras.bench.framing;

import io.jras.ppp.framing.FcsType;
import io.jras.ppp.framing.HdlcEncoder;
import io.jras.ppp.framing.TransmitConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding one 1500-octet frame of random payload with FCS-16. Scores are payload octets per
 * microsecond, that is MB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(Payload.SIZE)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncoderBenchmark {

    /** The transmit ACCM: none escaped (as after a usual negotiation) or all (the default). */
    @Param({"00000000", "ffffffff"})
    public String accm;

    private final HdlcEncoder encoder = new HdlcEncoder();
    private final byte[] payload = Payload.random();
    private final byte[] out = new byte[HdlcEncoder.maxEncodedSize(Payload.SIZE)];

    @Setup
    public void configure() {
        encoder.configure(new TransmitConfig(Integer.parseUnsignedInt(accm, 16), true, true,
                FcsType.FCS16));
    }

    @Benchmark
    public int encode() {
        return encoder.encode(0x0021, payload, 0, payload.length, false, out, 0);
    }
}
