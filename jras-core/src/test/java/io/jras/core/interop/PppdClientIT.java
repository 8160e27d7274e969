package io.jras.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.ppp.LinkFailure;
import io.jras.ppp.PppConfig;
import io.jras.ppp.PppEvent;
import io.jras.ppp.ipcp.IpcpConfig;
import io.jras.ppp.testkit.peers.PeerProcess;
import io.jras.ppp.testkit.peers.PeerProcess.Auth;
import io.jras.ppp.testkit.peers.RealPeers;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real pppd (inside user-mode-linux) dials jras; jras is the authenticator and assigns the address. */
@RealPeers
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PppdClientIT {

    static final Duration WITHIN = Duration.ofSeconds(30);

    static PppConfig authenticator(Auth auth) {
        AuthProtocol p = PppdServerIT.protocolOf(auth);
        return PppConfig.authenticator(p == null ? List.of() : List.of(p),
                name -> Optional.ofNullable(Map.of("alice", "wonderland").get(name)),
                IpcpConfig.server(Ipv4.parse("192.0.2.1"), Ipv4.parse("192.0.2.2"),
                        Ipv4.parse("192.0.2.53"), Ipv4.parse("192.0.2.54")))
                .withLocalName("jras");
    }

    @ParameterizedTest
    @EnumSource(value = Auth.class, names = {"NONE", "PAP", "CHAP", "MSCHAPV2"})
    void pppdAuthenticatesToUsAndGetsTheAssignedAddress(Auth auth) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             PeerProcess pppd = PeerProcess.pppdClient(listener.getLocalPort(), auth, Map.of("PPPD_EXTRA", "maxconnect 4"))) {
            listener.setSoTimeout((int) WITHIN.toMillis());
            Socket s = listener.accept();
            try (PeerLink link = new PeerLink(s, authenticator(auth))) {
                PppEvent.NetworkUp up = link.awaitIpcp(WITHIN);
                assertThat(up.projection().remoteAddressText()).isEqualTo("192.0.2.2");
                if (auth != Auth.NONE) {
                    assertThat(up.projection().peerName()).isEqualTo("alice");
                    assertThat(up.projection().peerAuthenticatedWith()).isEqualTo(PppdServerIT.protocolOf(auth));
                }
                pppd.awaitLog("local  IP address 192\\.0\\.2\\.2", WITHIN);
                pppd.awaitLog("primary   DNS address 192\\.0\\.2\\.53", WITHIN);
                switch (auth) {
                    case PAP -> pppd.awaitLog("PAP authentication succeeded", WITHIN);
                    case CHAP, MSCHAPV2 -> pppd.awaitLog("CHAP authentication succeeded", WITHIN);
                    default -> { }
                }
                // maxconnect: pppd ends the call itself; we see its Terminate-Request.
                assertThat(pppd.awaitExit(WITHIN)).isEqualTo(PeerProcess.EXIT_CONNECT_TIME);
                PppEvent.LinkDown down = link.awaitDown(WITHIN);
                assertThat(down.failure()).as(link.trace()).isInstanceOf(LinkFailure.RemoteTerminated.class);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Auth.class, names = {"PAP", "CHAP", "MSCHAPV2"})
    void aWrongPasswordMakesPppdExit19(Auth auth) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             PeerProcess pppd = PeerProcess.pppdClient(listener.getLocalPort(), auth, Map.of("PPP_PASS", "wrong"))) {
            listener.setSoTimeout((int) WITHIN.toMillis());
            Socket s = listener.accept();
            try (PeerLink link = new PeerLink(s, authenticator(auth))) {
                assertThat(pppd.awaitExit(WITHIN)).isEqualTo(PeerProcess.EXIT_AUTH_TOPEER_FAILED);
                PppEvent.LinkDown down = link.awaitDown(WITHIN);
                assertThat(down.failure()).as(link.trace()).isInstanceOf(LinkFailure.PeerFailedAuthentication.class);
                assertThat(down.failure().rasError()).isEqualTo(691);
            }
        }
    }
}
