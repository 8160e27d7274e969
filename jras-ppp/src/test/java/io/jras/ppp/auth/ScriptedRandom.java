package io.jras.ppp.auth;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A {@link RandomGenerator} that hands out scripted values: {@link #nextInt(int)} returns the
 * given integer, {@link #nextBytes(byte[])} the next scripted chunk (of exactly the asked length).
 * Anything else is a test bug.
 */
public final class ScriptedRandom implements RandomGenerator {
    private final int nextInt;
    private final Deque<byte[]> chunks;

    public ScriptedRandom(int nextInt, byte[]... chunks) {
        this.nextInt = nextInt;
        this.chunks = new ArrayDeque<>(List.of(chunks));
    }

    @Override
    public int nextInt(int bound) {
        return nextInt;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        byte[] chunk = chunks.poll();
        if (chunk == null || chunk.length != bytes.length) {
            throw new AssertionError("no scripted chunk of " + bytes.length + " octets");
        }
        System.arraycopy(chunk, 0, bytes, 0, bytes.length);
    }

    @Override
    public long nextLong() {
        throw new AssertionError("unscripted nextLong()");
    }
}
