package io.jras.ppp.auth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An {@link AuthOutput} that keeps what a side sent and reported, for tests to take in order. */
public final class RecordingOutput implements AuthOutput {

    /** A verdict reported by a side. */
    public sealed interface Verdict {
    }

    public record Succeeded(String peerName, String message) implements Verdict {
    }

    public record Failed(String message, boolean timedOut) implements Verdict {
    }

    private final Deque<byte[]> sent = new ArrayDeque<>();
    private final Deque<PeerProof> proofs = new ArrayDeque<>();
    private final List<byte[]> history = new ArrayList<>();
    private final Deque<Verdict> verdicts = new ArrayDeque<>();
    private final List<Verdict> verdictHistory = new ArrayList<>();

    @Override
    public void send(byte[] packet) {
        sent.add(packet.clone());
        history.add(packet.clone());
    }

    @Override
    public void succeeded(String peerName, String message) {
        verdicts.add(new Succeeded(peerName, message));
        verdictHistory.add(new Succeeded(peerName, message));
    }

    @Override
    public void failed(String message, boolean timedOut) {
        verdicts.add(new Failed(message, timedOut));
        verdictHistory.add(new Failed(message, timedOut));
    }

    @Override
    public void verify(PeerProof proof) {
        proofs.add(proof);
    }

    /** The oldest proof handed out for verification and not yet taken. */
    public PeerProof takeProof() {
        assertThat(proofs).as("a proof was handed out for verification").isNotEmpty();
        return proofs.poll();
    }

    public boolean hasProof() {
        return !proofs.isEmpty();
    }

    /** The oldest packet not yet taken, or null. */
    public byte[] pollSent() {
        return sent.poll();
    }

    public byte[] takeSent() {
        assertThat(sent).as("a packet was sent").isNotEmpty();
        return sent.poll();
    }

    public boolean hasSent() {
        return !sent.isEmpty();
    }

    /** Every packet ever sent, in order. */
    public List<byte[]> history() {
        return history;
    }

    public Verdict takeVerdict() {
        assertThat(verdicts).as("a verdict was reported").isNotEmpty();
        return verdicts.poll();
    }

    /** How many verdicts were ever reported (a side reports at most one). */
    public int verdictCount() {
        return verdictHistory.size();
    }

    /** Every verdict ever reported, taken or not. */
    public List<Verdict> verdictHistory() {
        return verdictHistory;
    }

    /** Nothing sent or reported is left untaken. */
    public void assertExhausted() {
        assertThat(sent).as("packets left untaken").isEmpty();
        assertThat(verdicts).as("verdicts left untaken").isEmpty();
        assertThat(proofs).as("proofs left untaken").isEmpty();
    }
}
