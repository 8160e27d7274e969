package io.jras.ppp.auth;

import io.jras.ppp.auth.chap.ChapPacket;
import io.jras.ppp.auth.pap.PapPacket;
import io.jras.ppp.testkit.Seeds;
import io.jras.ppp.testkit.Seeds.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthValuesTest {

    @Test
    void authConfigDefaultsAreThoseOfPppd() {
        AuthConfig c = AuthConfig.DEFAULTS;
        assertThat(c.restartInterval()).isEqualTo(Duration.ofSeconds(3));   // pap-restart
        assertThat(c.maxRequests()).isEqualTo(10);                         // pap-max-authreq
        assertThat(c.peerTimeout()).isEqualTo(Duration.ofSeconds(30));     // pap-timeout
        assertThat(c.challengeRestart()).isEqualTo(Duration.ofSeconds(3));  // chap-restart
        assertThat(c.maxChallenges()).isEqualTo(10);                       // chap-max-challenge
        assertThat(c.responseRestart()).isEqualTo(Duration.ofSeconds(3));   // chap-response-interval
        assertThat(c.maxResponses()).isEqualTo(10);                        // chap-response-failure
        assertThat(c.challengeWaitTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.restartIntervalNanos()).isEqualTo(3_000_000_000L);
    }

    @Test
    void authConfigRefusesNonsense() {
        assertThatThrownBy(() -> AuthConfig.DEFAULTS.withRestartInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("restartInterval");
        assertThatThrownBy(() -> AuthConfig.DEFAULTS.withMaxChallenges(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxChallenges");
        assertThatThrownBy(() -> AuthConfig.DEFAULTS.withPeerTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthConfig.DEFAULTS.withPeerTimeout(Duration.ofDays(365L * 1000)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> AuthConfig.DEFAULTS.withResponseRestart(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void credentialsHideThePasswordAndFitTheOneOctetFields() {
        assertThat(new Credentials("alice", "wonderland")).hasToString("Credentials[user=alice, password=<hidden>]");
        assertThatThrownBy(() -> new Credentials("a".repeat(256), "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Credentials("alice", "é".repeat(128)))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("é");
        assertThat(new Credentials("", "")).isNotNull();
    }

    @Test
    void octetsAreImmutableAndShowOnlyTheirSize() {
        byte[] raw = {1, 2, 3};
        Octets o = Octets.of(raw);
        raw[0] = 9;
        assertThat(o.get(0)).isEqualTo(1);
        o.toByteArray()[1] = 9;
        assertThat(o.get(1)).isEqualTo(2);
        assertThat(o).hasToString("Octets[size=3]").isEqualTo(Octets.fromHex("010203"));
        assertThat(o.hex()).isEqualTo("010203");
        assertThat(Octets.of((byte) 0xff).utf8()).isEqualTo("\ufffd");
        assertThat(o.constantTimeEquals(Octets.fromHex("010203"))).isTrue();
        assertThat(o.constantTimeEquals(Octets.fromHex("0102"))).isFalse();
    }

    record PapFields(int id, byte[] first, byte[] second, int code) {
    }

    /**
     * Any Identifier, fields of 0 to 255 octets, each kind of packet; 1000 seeds. The edge cases
     * are the lowest and highest Identifier with empty, one-octet and 255-octet fields.
     */
    static Stream<Case<PapFields>> papFields() {
        List<Case<byte[]>> fields = List.of(new Case<>("empty", new byte[0]), new Case<>("[ff]", new byte[] {-1}),
                new Case<>("255x00", new byte[255]), new Case<>("255xff", Seeds.filled(255, 0xFF)));
        List<Case<PapFields>> edges = new ArrayList<>();
        for (int code = 1; code <= 4; code++) {
            for (int id : new int[] {0, 255}) {
                for (Case<byte[]> first : fields) {
                    for (Case<byte[]> second : fields) {
                        edges.add(Seeds.edge(String.format("code=%d id=%d first=%s second=%s", code, id, first, second),
                                new PapFields(id, first.input(), second.input(), code)));
                    }
                }
            }
        }
        return Seeds.cases(edges, 1000, r -> new PapFields(Seeds.between(r, 0, 255), Seeds.bytes(r, 0, 255),
                Seeds.bytes(r, 0, 255), Seeds.between(r, 1, 4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("papFields")
    void papPacketsSurviveEncodeAndDecode(Case<PapFields> c) {
        c.check(in -> {
            int id = in.id();
            PapPacket packet = switch (in.code()) {
                case 1 -> new PapPacket.AuthenticateRequest(id, Octets.of(in.first()), Octets.of(in.second()));
                case 2 -> new PapPacket.AuthenticateAck(id, Octets.of(in.first()));
                case 3 -> new PapPacket.AuthenticateNak(id, Octets.of(in.first()));
                default -> new PapPacket.Unknown(0x80, id, Octets.of(in.first()));
            };
            byte[] wire = packet.encode();
            assertThat(PapPacket.decode(wire, 0, wire.length)).isEqualTo(Optional.of(packet));
        });
    }

    record ChapFields(int id, byte[] value, byte[] name, int code) {
    }

    /**
     * Any Identifier, a Value of 1 to 255 octets, a Name or Message of 0 to 300, each kind of
     * packet; 1000 seeds. The edge cases are the lowest and highest Identifier with the shortest
     * and longest fields.
     */
    static Stream<Case<ChapFields>> chapFields() {
        List<Case<byte[]>> values = List.of(new Case<>("[00]", new byte[1]), new Case<>("[ff]", new byte[] {-1}),
                new Case<>("255xff", Seeds.filled(255, 0xFF)));
        List<Case<byte[]>> names = List.of(new Case<>("empty", new byte[0]), new Case<>("[00]", new byte[1]),
                new Case<>("300x00", new byte[300]), new Case<>("300xff", Seeds.filled(300, 0xFF)));
        List<Case<ChapFields>> edges = new ArrayList<>();
        for (int code = 1; code <= 5; code++) {
            for (int id : new int[] {0, 255}) {
                for (Case<byte[]> value : values) {
                    for (Case<byte[]> name : names) {
                        edges.add(Seeds.edge(String.format("code=%d id=%d value=%s name=%s", code, id, value, name),
                                new ChapFields(id, value.input(), name.input(), code)));
                    }
                }
            }
        }
        return Seeds.cases(edges, 1000, r -> new ChapFields(Seeds.between(r, 0, 255), Seeds.bytes(r, 1, 255),
                Seeds.bytes(r, 0, 300), Seeds.between(r, 1, 5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chapFields")
    void chapPacketsSurviveEncodeAndDecode(Case<ChapFields> c) {
        c.check(in -> {
            int id = in.id();
            ChapPacket packet = switch (in.code()) {
                case 1 -> new ChapPacket.Challenge(id, Octets.of(in.value()), Octets.of(in.name()));
                case 2 -> new ChapPacket.Response(id, Octets.of(in.value()), Octets.of(in.name()));
                case 3 -> new ChapPacket.Success(id, Octets.of(in.name()));
                case 4 -> new ChapPacket.Failure(id, Octets.of(in.name()));
                default -> new ChapPacket.Unknown(5, id, Octets.of(in.name()));
            };
            byte[] wire = packet.encode();
            assertThat(ChapPacket.decode(wire, 0, wire.length)).isEqualTo(Optional.of(packet));
        });
    }

    @Test
    void packetRecordsRefuseWhatTheWireCannotCarry() {
        assertThatThrownBy(() -> new PapPacket.AuthenticateAck(256, Octets.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PapPacket.AuthenticateAck(1, Octets.of(new byte[256]))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PapPacket.Unknown(2, 1, Octets.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChapPacket.Challenge(1, Octets.empty(), Octets.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChapPacket.Response(1, Octets.of(new byte[256]), Octets.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChapPacket.Success(1, Octets.of(new byte[65532]))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChapPacket.Unknown(3, 1, Octets.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
