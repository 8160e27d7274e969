package io.jras.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.ppp.AuthProtocol;
import io.jras.ppp.LinkFailure;
import io.jras.ppp.PppConfig;
import io.jras.ppp.PppEvent;
import io.jras.ppp.testkit.peers.PeerProcess;
import io.jras.ppp.testkit.peers.PeerProcess.Auth;
import io.jras.ppp.testkit.peers.RealPeers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * jras dials slirp, a userspace PPP server with its own quirks: it proposes 0.0.0.0 for itself
 * (which must be Nak'ed), offers VJ and CCP, and silently ignores IPV6CP — which must not stall us.
 */
@RealPeers
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SlirpIT {

    static final Duration WITHIN = Duration.ofSeconds(30);

    @ParameterizedTest
    @EnumSource(value = Auth.class, names = {"NONE", "PAP", "CHAP"})
    void dialsSlirpAndGets10_0_2_15(Auth auth) throws Exception {
        try (PeerProcess slirp = PeerProcess.slirp(auth, Map.of());
             PeerLink link = PeerLink.dial(slirp.port(), PppConfig.client("alice", "wonderland"))) {
            PppEvent.NetworkUp up = link.awaitIpcp(WITHIN);
            assertThat(up.projection().localAddressText()).isEqualTo("10.0.2.15");
            assertThat(up.projection().authenticatedWith())
                    .isEqualTo(auth == Auth.PAP ? AuthProtocol.PAP : auth == Auth.CHAP ? AuthProtocol.CHAP_MD5 : null);
            // slirp's 0.0.0.0 for itself was Nak'ed with an address.
            link.assertTraceHas("sent \\[IPCP ConfNak id=0x\\w+ <addr 10\\.64\\.64\\.64>]");
            link.session.close("User request");
            assertThat(link.awaitDown(WITHIN).failure()).isEqualTo(new LinkFailure.LocalClose("User request"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Auth.class, names = {"PAP", "CHAP"})
    void aWrongPasswordIs691WithSlirpsMessage(Auth auth) throws Exception {
        try (PeerProcess slirp = PeerProcess.slirp(auth, Map.of());
             PeerLink link = PeerLink.dial(slirp.port(), PppConfig.client("alice", "wrong"))) {
            PppEvent.LinkDown down = link.awaitDown(WITHIN);
            assertThat(down.failure()).as(link.trace()).isInstanceOf(LinkFailure.AuthenticationFailed.class);
            assertThat(down.failure().rasError()).isEqualTo(691);
            assertThat(down.failure().message()).containsAnyOf("Login incorrect", "I don't like you");
        }
    }
}
