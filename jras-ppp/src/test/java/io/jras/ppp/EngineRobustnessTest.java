package io.jras.ppp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.jras.ppp.fsm.Code;
import io.jras.ppp.ipcp.IpcpConfig;
import io.jras.ppp.testkit.LinkPair;
import io.jras.ppp.testkit.ScriptedPeer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input never throws out of the engine: random line noise, and well-framed packets with
 * random contents for every protocol, in every phase, in both roles. Each case is a fixed seed, so a
 * failure names the seed that reproduces it. Afterwards the engine still answers, its counters show
 * the discards, and any ending is a proper LinkFailure.
 */
class EngineRobustnessTest {

    static final int[] PROTOCOLS = {0xc021, 0xc023, 0xc223, 0x8021, 0x8057, 0x0021, 0x0057, 0x80fd, 0x002d, 0x0235, 0xc025};

    static PppConfig client() {
        return PppConfig.client("alice", "wonderland");
    }

    static PppConfig server(AuthProtocol p) {
        return PppConfig.authenticator(List.of(p), name -> Optional.ofNullable(Map.of("alice", "wonderland").get(name)),
                IpcpConfig.server(Ipv4.parse("192.0.2.1"), Ipv4.parse("192.0.2.2"), 0, 0));
    }

    static Stream<Integer> seeds() {
        return IntStream.range(0, 200).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void lineNoiseNeverThrowsAndIsCounted(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ScriptedPeer peer = new ScriptedPeer(new PppEngine(client().withRandom(new SplittableRandom(seed))));
        peer.open();
        assertThatCode(() -> {
            for (int i = 0; i < 50; i++) {
                byte[] noise = new byte[r.nextInt(0, 400)];
                r.nextBytes(noise);
                // Sprinkle flags and escapes so the deframer sees many (broken) frames.
                for (int k = 0; k < noise.length / 10; k++) {
                    noise[r.nextInt(noise.length)] = (byte) (r.nextBoolean() ? 0x7e : 0x7d);
                }
                peer.sendLine(noise);
                if (r.nextInt(5) == 0) {
                    peer.fireNextTimer();
                }
                peer.takeSent();
            }
        }).as("seed %d", seed).doesNotThrowAnyException();
        LinkStatistics s = peer.engine.statistics();
        assertThat(s.bytesReceived()).isPositive();
        assertThat(s.crcErrors() + s.framingErrors() + s.bufferOverrunErrors() + s.framesReceived()).isPositive();
    }

    static Stream<Arguments> phasesAndRoles() {
        List<Arguments> cases = new ArrayList<>();
        for (AuthProtocol p : AuthProtocol.values()) {
            for (String phase : List.of("ESTABLISH", "AUTHENTICATE", "NETWORK")) {
                for (int seed = 0; seed < 8; seed++) {
                    cases.add(Arguments.of(p, phase, seed));
                }
            }
        }
        return cases.stream();
    }

    /**
     * A real pair is brought to a phase; then side A receives well-framed packets whose contents are
     * random or mutated from real ones, for every protocol.
     */
    @ParameterizedTest(name = "{0} {1} seed {2}")
    @MethodSource("phasesAndRoles")
    void randomPacketsOfEveryProtocolNeverThrowInAnyPhase(AuthProtocol auth, String phase, int seed) {
        SplittableRandom r = new SplittableRandom(seed * 31L + auth.ordinal());
        for (boolean attackTheAuthenticator : new boolean[] {false, true}) {
            LinkPair pair = new LinkPair(client().withRandom(new SplittableRandom(seed)),
                    server(auth).withRandom(new SplittableRandom(seed + 1)));
            List<byte[]> seen = new ArrayList<>();
            pair.open();
            driveTo(pair, Phase.valueOf(phase));
            PppEngine target = attackTheAuthenticator ? pair.b : pair.a;
            ScriptedPeer attacker = new ScriptedPeer(target);
            attacker.now = pair.now();
            assertThatCode(() -> {
                for (int i = 0; i < 60; i++) {
                    int protocol = PROTOCOLS[r.nextInt(PROTOCOLS.length)];
                    byte[] packet = r.nextInt(3) == 0 && !seen.isEmpty()
                            ? mutate(seen.get(r.nextInt(seen.size())), r)
                            : randomControlPacket(r);
                    seen.add(packet);
                    attacker.send(protocol, packet);
                    if (r.nextInt(8) == 0) {
                        attacker.fireNextTimer();
                    }
                    attacker.takeSent();
                }
            }).as("%s %s seed %d", auth, phase, seed).doesNotThrowAnyException();
            // Either still alive, or ended with a proper failure as its last event.
            if (target.isFinished()) {
                assertThat(attacker.events).last().isInstanceOf(PppEvent.LinkDown.class);
                assertThat(target.failure()).isNotNull();
            } else {
                assertThat(target.nextDeadline()).isGreaterThan(0);
            }
        }
    }

    private static void driveTo(LinkPair pair, Phase phase) {
        for (int i = 0; i < 200 && pair.a.phase() != phase && !pair.a.isFinished(); i++) {
            pair.step();
            if (pair.a.phase() == phase) {
                break;
            }
            pair.advance(Duration.ofMillis(10));
        }
        if (phase == Phase.ESTABLISH) {
            return;
        }
        // AUTHENTICATE is passed within one step; NETWORK stays. Either way the pair is real.
        pair.driveUntilIdle(Duration.ofSeconds(5));
    }

    /** Code 1..12 (or any), an Identifier, a Length that may lie, and random Data. */
    private static byte[] randomControlPacket(SplittableRandom r) {
        byte[] data = new byte[r.nextInt(0, 64)];
        r.nextBytes(data);
        byte[] p = new byte[4 + data.length];
        p[0] = (byte) (r.nextInt(4) == 0 ? r.nextInt(256) : r.nextInt(1, 13));
        p[1] = (byte) r.nextInt(256);
        int length = r.nextInt(3) == 0 ? r.nextInt(0, 70000) : p.length;
        p[2] = (byte) (length >>> 8);
        p[3] = (byte) length;
        System.arraycopy(data, 0, p, 4, data.length);
        if (r.nextInt(4) == 0 && data.length > 2) {
            // Options with a believable shape: type, length (possibly wrong), value.
            p[4] = (byte) r.nextInt(1, 20);
            p[5] = (byte) r.nextInt(0, 10);
        }
        if (r.nextInt(10) == 0) {
            p[0] = (byte) Code.CONFIGURE_REQUEST;
        }
        return r.nextInt(20) == 0 ? new byte[r.nextInt(0, 4)] : p;
    }

    private static byte[] mutate(byte[] original, SplittableRandom r) {
        byte[] p = original.clone();
        if (p.length == 0) {
            return new byte[] {(byte) r.nextInt(256)};
        }
        switch (r.nextInt(3)) {
            case 0 -> p[r.nextInt(p.length)] ^= (byte) (1 << r.nextInt(8));
            case 1 -> p = java.util.Arrays.copyOf(p, r.nextInt(p.length + 1));
            default -> {
                byte[] longer = java.util.Arrays.copyOf(p, p.length + r.nextInt(1, 20));
                p = longer;
            }
        }
        return p;
    }
}
