package io.jras.ppp.auth;

import io.jras.ppp.auth.chap.ChapPacket;
import io.jras.ppp.auth.pap.PapPacket;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

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

    @Property
    void papPacketsSurviveEncodeAndDecode(@ForAll @IntRange(max = 255) int id,
                                          @ForAll @Size(max = 255) byte[] first,
                                          @ForAll @Size(max = 255) byte[] second,
                                          @ForAll @IntRange(min = 1, max = 4) int code) {
        PapPacket packet = switch (code) {
            case 1 -> new PapPacket.AuthenticateRequest(id, Octets.of(first), Octets.of(second));
            case 2 -> new PapPacket.AuthenticateAck(id, Octets.of(first));
            case 3 -> new PapPacket.AuthenticateNak(id, Octets.of(first));
            default -> new PapPacket.Unknown(0x80, id, Octets.of(first));
        };
        byte[] wire = packet.encode();
        assertThat(PapPacket.decode(wire, 0, wire.length)).isEqualTo(Optional.of(packet));
    }

    @Property
    void chapPacketsSurviveEncodeAndDecode(@ForAll @IntRange(max = 255) int id,
                                           @ForAll @Size(min = 1, max = 255) byte[] value,
                                           @ForAll @Size(max = 300) byte[] name,
                                           @ForAll @IntRange(min = 1, max = 5) int code) {
        ChapPacket packet = switch (code) {
            case 1 -> new ChapPacket.Challenge(id, Octets.of(value), Octets.of(name));
            case 2 -> new ChapPacket.Response(id, Octets.of(value), Octets.of(name));
            case 3 -> new ChapPacket.Success(id, Octets.of(name));
            case 4 -> new ChapPacket.Failure(id, Octets.of(name));
            default -> new ChapPacket.Unknown(5, id, Octets.of(name));
        };
        byte[] wire = packet.encode();
        assertThat(ChapPacket.decode(wire, 0, wire.length)).isEqualTo(Optional.of(packet));
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
