package io.jras.ppp.auth;

import io.jras.ppp.auth.chap.ChapAuthenticatee;
import io.jras.ppp.auth.chap.ChapAuthenticator;
import io.jras.ppp.auth.chap.ChapDigest;
import io.jras.ppp.auth.chap.ChapPrinter;
import io.jras.ppp.auth.chap.Md5Digest;
import io.jras.ppp.auth.chap.MsChapV2Digest;
import io.jras.ppp.auth.pap.PapAuthenticatee;
import io.jras.ppp.auth.pap.PapAuthenticator;
import io.jras.ppp.auth.pap.PapPrinter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the peer sends, in whatever state, no side throws, reports more than once, or lets the
 * password out in a verdict; printers never throw. Packets come from a real exchange, then are
 * mutated, truncated, extended, repeated and mixed with timeouts.
 */
class AuthRobustnessTest {

    static final String PASSWORD = "wonderland";
    static final SecretLookup SECRETS = name -> Optional.ofNullable(Map.of("alice", PASSWORD).get(name));

    enum Kind {
        PAP_AUTHENTICATEE, PAP_AUTHENTICATOR,
        CHAP_MD5_AUTHENTICATEE, CHAP_MD5_AUTHENTICATOR,
        MSCHAPV2_AUTHENTICATEE, MSCHAPV2_AUTHENTICATOR;

        boolean isAuthenticatee() {
            return name().endsWith("AUTHENTICATEE");
        }

        /** The side this one talks to. */
        Kind peer() {
            return switch (this) {
                case PAP_AUTHENTICATEE -> PAP_AUTHENTICATOR;
                case PAP_AUTHENTICATOR -> PAP_AUTHENTICATEE;
                case CHAP_MD5_AUTHENTICATEE -> CHAP_MD5_AUTHENTICATOR;
                case CHAP_MD5_AUTHENTICATOR -> CHAP_MD5_AUTHENTICATEE;
                case MSCHAPV2_AUTHENTICATEE -> MSCHAPV2_AUTHENTICATOR;
                case MSCHAPV2_AUTHENTICATOR -> MSCHAPV2_AUTHENTICATEE;
            };
        }

        ChapDigest digest() {
            return this == MSCHAPV2_AUTHENTICATEE || this == MSCHAPV2_AUTHENTICATOR ? new MsChapV2Digest() : new Md5Digest();
        }
    }

    /** One side under test, its output and its discard counter. */
    record Subject(AuthSide side, RecordingOutput out, ToLongFunction<AuthSide> discarded) {
    }

    static Subject subject(Kind kind, String password, long seed) {
        var out = new RecordingOutput();
        var credentials = new Credentials("alice", password);
        var config = AuthConfig.DEFAULTS;
        var random = new SplittableRandom(seed);
        return switch (kind) {
            case PAP_AUTHENTICATEE -> new Subject(new PapAuthenticatee(credentials, config, out), out,
                    s -> ((PapAuthenticatee) s).discarded());
            case PAP_AUTHENTICATOR -> new Subject(new PapAuthenticator(SECRETS, config, out), out,
                    s -> ((PapAuthenticator) s).discarded());
            case CHAP_MD5_AUTHENTICATEE, MSCHAPV2_AUTHENTICATEE -> new Subject(
                    new ChapAuthenticatee(kind.digest(), credentials, config, random, out), out,
                    s -> ((ChapAuthenticatee) s).discarded());
            case CHAP_MD5_AUTHENTICATOR, MSCHAPV2_AUTHENTICATOR -> new Subject(
                    new ChapAuthenticator(kind.digest(), "labserver", SECRETS, config, random, out), out,
                    s -> ((ChapAuthenticator) s).discarded());
        };
    }

    /**
     * Real packets of this protocol, from two complete exchanges (right and wrong password, with a
     * lost packet so retransmissions appear), in both directions.
     */
    static List<byte[]> corpus(Kind kind) {
        List<byte[]> packets = new ArrayList<>();
        for (String password : List.of(PASSWORD, "looking-glass")) {
            Kind ee = kind.isAuthenticatee() ? kind : kind.peer();
            Kind or = ee.peer();
            Subject a = subject(ee, password, 1);
            Subject b = subject(or, password, 2);
            var pair = new AuthPair(a.side(), a.out(), b.side(), b.out(), p -> "");
            pair.dropNextFromAuthenticatee(1);
            pair.start();
            pair.advance(Duration.ofSeconds(10));
            packets.addAll(a.out().history());
            packets.addAll(b.out().history());
        }
        return packets;
    }

    /** One step of the peer: a corpus packet, changed, delivered at an offset, then time passing. */
    record Step(int packet, int mutation, int position, int value, int offset, int advanceMillis) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 200),
                Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 5000)).as(Step::new);
        return step.list().ofMaxSize(25);
    }

    static byte[] mutate(byte[] p, Step s) {
        byte[] q = p.clone();
        int at = q.length == 0 ? 0 : s.position() % q.length;
        return switch (s.mutation()) {
            case 0 -> q;                                                     // as sent
            case 1 -> { if (q.length > 0) q[at] = (byte) s.value(); yield q; } // one octet changed
            case 2 -> Arrays.copyOf(q, at);                                  // truncated
            case 3 -> Arrays.copyOf(q, q.length + 1 + s.position() % 8);     // padded
            case 4 -> { if (q.length > 3) q[3] = (byte) s.value(); yield q; } // Length low octet
            case 5 -> { if (q.length > 1) q[1] = (byte) s.value(); yield q; } // Identifier
            default -> { if (q.length > 0) q[0] = (byte) (s.value() & 7); yield q; } // Code
        };
    }

    @Property(tries = 400)
    void mutatedPacketsNeverBreakAnySide(@ForAll Kind kind, @ForAll boolean started, @ForAll("steps") List<Step> steps) {
        List<byte[]> corpus = corpus(kind);
        // the seeds of the corpus exchange, so that its Challenges and Responses fit this side
        Subject subject = subject(kind, PASSWORD, kind.isAuthenticatee() ? 1 : 2);
        AuthSide side = subject.side();
        long now = 1_000_000L;
        if (started) {
            side.start(now);
        }
        for (Step s : steps) {
            byte[] p = mutate(corpus.get(s.packet() % corpus.size()), s);
            byte[] framed = new byte[p.length + s.offset() * 2];
            System.arraycopy(p, 0, framed, s.offset(), p.length);
            side.receive(framed, s.offset(), p.length, now);
            now += s.advanceMillis() * 1_000_000L;
            if (now >= side.nextDeadline()) {
                side.onTimeout(now);
            }
            checkInvariants(kind, subject);
        }
        Statistics.label("outcome").collect(kind, side.finished()
                ? subject.out().verdictHistory().getFirst().getClass().getSimpleName() : "unfinished");
    }

    @Property(tries = 300)
    void randomPacketsNeverBreakAnySide(@ForAll Kind kind, @ForAll boolean started,
                                        @ForAll @Size(max = 20) List<@Size(max = 70) byte[]> packets) {
        Subject subject = subject(kind, PASSWORD, 4);
        AuthSide side = subject.side();
        long now = 0;
        if (started) {
            side.start(now);
        }
        for (byte[] p : packets) {
            side.receive(p, 0, p.length, now);
            now += 1_500_000_000L;
            if (now >= side.nextDeadline()) {
                side.onTimeout(now);
            }
            checkInvariants(kind, subject);
        }
        assertThat(subject.discarded().applyAsLong(side)).isLessThanOrEqualTo(packets.size());
    }

    private static void checkInvariants(Kind kind, Subject subject) {
        AuthSide side = subject.side();
        RecordingOutput out = subject.out();
        assertThat(out.verdictCount()).as("at most one verdict").isLessThanOrEqualTo(1);
        assertThat(side.finished()).as("finished iff reported").isEqualTo(out.verdictCount() == 1);
        if (side.finished()) {
            assertThat(side.nextDeadline()).isEqualTo(Long.MAX_VALUE);
        }
        assertThat(out.verdictHistory()).allSatisfy(v -> assertThat(v.toString()).doesNotContain(PASSWORD));
        if (kind != Kind.PAP_AUTHENTICATEE) {
            // only the PAP authenticatee ever puts the password on the wire
            byte[] secret = PASSWORD.getBytes(StandardCharsets.UTF_8);
            assertThat(out.history()).allSatisfy(p -> assertThat(indexOf(p, secret)).isEqualTo(-1));
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Property(tries = 500)
    void printersNeverThrowOnAnyOctets(@ForAll @Size(max = 300) byte[] p, @ForAll @IntRange(max = 300) int from,
                                       @ForAll @IntRange(max = 300) int length) {
        int off = Math.min(from, p.length);
        int len = Math.min(length, p.length - off);
        assertThat(PapPrinter.describe(p, off, len)).isNotNull().doesNotContain("\n");
        assertThat(ChapPrinter.describe(p, off, len)).isNotNull().doesNotContain("\n");
    }
}
