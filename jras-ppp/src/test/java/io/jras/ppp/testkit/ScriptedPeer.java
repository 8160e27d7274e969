package io.jras.ppp.testkit;

import io.jras.ppp.PppEngine;
import io.jras.ppp.PppEvent;
import io.jras.ppp.framing.HdlcDecoder;
import io.jras.ppp.framing.HdlcEncoder;
import io.jras.ppp.fsm.OptionNegotiationAutomaton;
import io.jras.ppp.trace.PacketPrinter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A hand-driven peer for one engine (after OkHttp's MockHttp2Peer): the test writes packets with
 * the production framer, and reads back what the engine sent as decoded, printable packets.
 * Nothing sleeps; the test moves the clock itself.
 */
public final class ScriptedPeer {

    /** One packet the engine sent. */
    public record Sent(int protocol, byte[] packet) {
        public int code() {
            return packet.length > 0 ? packet[0] & 0xff : -1;
        }

        public int id() {
            return packet.length > 1 ? packet[1] & 0xff : -1;
        }

        /** The Data after Code, Identifier, Length. */
        public byte[] data() {
            return packet.length >= 4 ? Arrays.copyOfRange(packet, 4, packet.length) : new byte[0];
        }

        @Override
        public String toString() {
            return PacketPrinter.describe(protocol, packet, 0, packet.length);
        }
    }

    public final PppEngine engine;
    public final List<PppEvent> events = new ArrayList<>();
    private final HdlcEncoder encoder = new HdlcEncoder();
    private final HdlcDecoder decoder = new HdlcDecoder();
    private final List<Sent> pending = new ArrayList<>();
    public long now = 1_000_000_000L;

    public ScriptedPeer(PppEngine engine) {
        this.engine = engine;
    }

    public ScriptedPeer open() {
        engine.open(now);
        return this;
    }

    /** Frames one packet of {@code protocol} with default framing and feeds it to the engine. */
    public ScriptedPeer send(int protocol, byte[] packet) {
        byte[] out = new byte[HdlcEncoder.maxEncodedSize(packet.length)];
        int n = encoder.encode(protocol, packet, 0, packet.length, false, out, 0);
        engine.receive(out, 0, n, now);
        return this;
    }

    /** A control packet: Code, Identifier, Length, Data. */
    public ScriptedPeer send(int protocol, int code, int id, byte[] data) {
        return send(protocol, OptionNegotiationAutomaton.packet(code, id, data));
    }

    /** Raw line bytes, unframed. */
    public ScriptedPeer sendLine(byte[] bytes) {
        engine.receive(bytes, 0, bytes.length, now);
        return this;
    }

    /** Everything the engine sent since the last call, decoded. */
    public List<Sent> takeSent() {
        for (byte[] chunk; (chunk = engine.pollTransmit()) != null; ) {
            decoder.feed(chunk, 0, chunk.length, (protocol, info, off, len) ->
                    pending.add(new Sent(protocol, Arrays.copyOfRange(info, off, off + len))));
        }
        for (PppEvent e; (e = engine.pollEvent()) != null; ) {
            events.add(e);
        }
        List<Sent> copy = List.copyOf(pending);
        pending.clear();
        return copy;
    }

    /** The packets sent since the last call, as printer lines (for containsExactly-style asserts). */
    public List<String> takeSentLines() {
        return takeSent().stream().map(Sent::toString).toList();
    }

    /** Moves the clock to the engine's next deadline and fires it. */
    public ScriptedPeer fireNextTimer() {
        long d = engine.nextDeadline();
        if (d != Long.MAX_VALUE) {
            now = Math.max(now, d);
            engine.handleTimeout(now);
        }
        return this;
    }

    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
