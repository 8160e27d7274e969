package io.jras.bench.framing;

import io.jras.ppp.framing.Fcs16;
import io.jras.ppp.framing.Fcs32;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The frame check sequences alone over 1500 random octets: FCS-16 (slicing-by-8, the same loop
 * as the C baseline) and FCS-32 (java.util.zip.CRC32). Scores are octets per microsecond, MB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(Payload.SIZE)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FcsBenchmark {

    private final byte[] payload = Payload.random();

    @Benchmark
    public int fcs16() {
        return Fcs16.update(Fcs16.INIT, payload, 0, payload.length);
    }

    @Benchmark
    public int fcs32() {
        return Fcs32.update(Fcs32.INIT, payload, 0, payload.length);
    }
}
