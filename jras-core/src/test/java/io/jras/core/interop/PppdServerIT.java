package io.jras.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.ppp.LinkFailure;
import io.jras.ppp.PppConfig;
import io.jras.ppp.PppEvent;
import io.jras.ppp.Projection;
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
 * jras dials the real pppd 2.4.9 (inside user-mode-linux) as the answering side, with pppd's
 * default options (CCP, VJ, IPV6CP offered), for each authentication mode.
 */
@RealPeers
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PppdServerIT {

    static final Duration UP_WITHIN = Duration.ofSeconds(30);

    static AuthProtocol protocolOf(Auth auth) {
        return switch (auth) {
            case PAP -> AuthProtocol.PAP;
            case CHAP -> AuthProtocol.CHAP_MD5;
            case MSCHAPV2 -> AuthProtocol.MSCHAP_V2;
            default -> null;
        };
    }

    @ParameterizedTest
    @EnumSource(value = Auth.class, names = {"NONE", "PAP", "CHAP", "MSCHAPV2"})
    void dialsPppdAuthenticatesGetsAddressAndDnsThenTerminates(Auth auth) throws Exception {
        try (PeerProcess pppd = PeerProcess.pppdServer(auth, Map.of());
             PeerLink link = PeerLink.dial(pppd.port(), PppConfig.client("alice", "wonderland"))) {
            PppEvent.NetworkUp up = link.awaitIpcp(UP_WITHIN);
            Projection p = up.projection();
            assertThat(p.localAddressText()).isEqualTo("192.0.2.2");
            assertThat(p.remoteAddressText()).isEqualTo("192.0.2.1");
            assertThat(Ipv4.format(p.primaryDns())).isEqualTo("192.0.2.53");
            assertThat(Ipv4.format(p.secondaryDns())).isEqualTo("192.0.2.54");
            assertThat(p.authenticatedWith()).isEqualTo(protocolOf(auth));
            pppd.awaitLog("remote IP address 192\\.0\\.2\\.2", UP_WITHIN);
            switch (auth) {
                case PAP -> pppd.awaitLog("PAP peer authentication succeeded for alice", UP_WITHIN);
                case CHAP -> pppd.awaitLog("sent \\[CHAP Success", UP_WITHIN);
                case MSCHAPV2 -> pppd.awaitLog("sent \\[CHAP Success id=0x\\w+ \"S=", UP_WITHIN);
                default -> assertThat(pppd.log()).doesNotContain("PAP").doesNotContain("CHAP");
            }
            // pppd's CCP is refused with a Protocol-Reject; its VJ compression with a Configure-Reject.
            link.assertTraceHas("sent \\[LCP ProtRej id=0x\\w+ 80 fd.*");
            link.assertTraceHas("sent \\[IPCP ConfRej id=0x\\w+ <compress VJ 0f 01>]");

            link.session.close("User request");
            PppEvent.LinkDown down = link.awaitDown(UP_WITHIN);
            assertThat(down.failure()).isEqualTo(new LinkFailure.LocalClose("User request"));
            pppd.awaitLog("rcvd \\[LCP TermReq id=0x\\w+ \"User request\"]", UP_WITHIN);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Auth.class, names = {"PAP", "CHAP", "MSCHAPV2"})
    void aWrongPasswordIs691WhilePppdLogsTheFailure(Auth auth) throws Exception {
        try (PeerProcess pppd = PeerProcess.pppdServer(auth, Map.of());
             PeerLink link = PeerLink.dial(pppd.port(), PppConfig.client("alice", "not-the-password"))) {
            PppEvent.LinkDown down = link.awaitDown(UP_WITHIN);
            assertThat(down.failure()).as(link.trace()).isInstanceOf(LinkFailure.AuthenticationFailed.class);
            assertThat(down.failure().rasError()).isEqualTo(691);
            pppd.awaitLog("authentication failed|failed CHAP authentication", UP_WITHIN);
            assertThat(pppd.awaitExit(UP_WITHIN)).isEqualTo(PeerProcess.EXIT_PEER_AUTH_FAILED);
            assertThat(link.trace()).doesNotContain("not-the-password");
        }
    }
}
