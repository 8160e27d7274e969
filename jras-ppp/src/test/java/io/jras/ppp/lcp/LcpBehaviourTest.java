package io.jras.ppp.lcp;

import static io.jras.ppp.testkit.ScriptedPeer.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.jras.ppp.PppConfig;
import io.jras.ppp.PppEngine;
import io.jras.ppp.PppEvent;
import io.jras.ppp.Phase;
import io.jras.ppp.fsm.Code;
import io.jras.ppp.testkit.ScriptedPeer;
import io.jras.ppp.testkit.ScriptedPeer.Sent;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** LCP against a scripted peer: option negotiation rules, extra codes, rejects. */
class LcpBehaviourTest {

    static final int LCP = 0xc021;
    static final int IPCP = 0x8021;
    static final byte[] PEER_MAGIC = bytes(5, 6, 0x11, 0x22, 0x33, 0x44);

    private final List<String> trace = new java.util.ArrayList<>();
    private final ScriptedPeer peer = new ScriptedPeer(new PppEngine(
            PppConfig.client("alice", "wonderland").withRandom(new SplittableRandom(7)).withTrace(trace::add)));

    /** What the engine sent right after LCP opened (its IPCP and IPV6CP requests). */
    private List<Sent> afterOpen;

    /** Opens LCP: acks the engine's request and sends one it accepts (no authentication). */
    private Sent openLcp() {
        peer.open();
        Sent request = peer.takeSent().getFirst();
        finishOpening(request);
        return request;
    }

    private void finishOpening(Sent request) {
        assertThat(request.code()).isEqualTo(Code.CONFIGURE_REQUEST);
        peer.send(LCP, Code.CONFIGURE_ACK, request.id(), request.data());
        peer.send(LCP, Code.CONFIGURE_REQUEST, 1, PEER_MAGIC);
        List<Sent> sent = peer.takeSent();
        assertThat(sent.getFirst().toString()).isEqualTo("LCP ConfAck id=0x1 <magic 0x11223344>");
        assertThat(peer.engine.phase()).isEqualTo(Phase.NETWORK);
        afterOpen = sent.subList(1, sent.size());
    }

    @Test
    void theFirstRequestCarriesPppdsUsualOptions() {
        peer.open();
        assertThat(peer.takeSentLines()).singleElement().asString()
                .matches("LCP ConfReq id=0x1 <asyncmap 0x0> <magic 0x[0-9a-f]+> <pcomp> <accomp>");
    }

    @Test
    void configureNakLoopTurnsIntoReject() {
        peer.open();
        peer.takeSent();
        // A peer that insists on an MRU below pppd's minimum of 128.
        for (int i = 1; i <= 5; i++) {
            peer.send(LCP, Code.CONFIGURE_REQUEST, i, bytes(1, 4, 0, 64));
            assertThat(peer.takeSentLines()).as("round %d", i).containsExactly("LCP ConfNak id=0x" + i + " <mru 128>");
        }
        // Max-Failure (5) Naks went unanswered: now the option is rejected.
        peer.send(LCP, Code.CONFIGURE_REQUEST, 6, bytes(1, 4, 0, 64));
        assertThat(peer.takeSentLines()).containsExactly("LCP ConfRej id=0x6 <mru 64>");
    }

    @Test
    void optionsWeDoNotSpeakAreRejectedAndTheRestIsNotAcked() {
        peer.open();
        peer.takeSent();
        // MRRU (17) and Endpoint-Discriminator (19) are multilink options; callback (13) too.
        peer.send(LCP, Code.CONFIGURE_REQUEST, 9, bytes(1, 4, 5, 0xdc, 17, 4, 5, 0xdc, 19, 3, 0, 13, 3, 6));
        assertThat(peer.takeSentLines()).containsExactly("LCP ConfRej id=0x9 <mrru 1500> <endpoint 00> <callback 06>");
    }

    @Test
    void aBrokenOptionLengthIsRejectedWithoutThrowing() {
        peer.open();
        peer.takeSent();
        peer.send(LCP, Code.CONFIGURE_REQUEST, 3, bytes(1, 4, 5, 0xdc, 5, 0, 1, 2));
        assertThat(peer.takeSentLines()).containsExactly("LCP ConfRej id=0x3 <malformed 05 00 01 02>");
    }

    @Test
    void ourOwnMagicNumberComingBackIsNakedWithAnotherOne() {
        peer.open();
        Sent request = peer.takeSent().getFirst();
        byte[] data = request.data();
        // <magic X> is the second option: bytes 6..11 of the data.
        byte[] ownMagic = java.util.Arrays.copyOfRange(data, 6, 12);
        assertThat(ownMagic[0]).isEqualTo((byte) 5);
        peer.send(LCP, Code.CONFIGURE_REQUEST, 4, ownMagic);
        Sent nak = peer.takeSent().getFirst();
        assertThat(nak.code()).isEqualTo(Code.CONFIGURE_NAK);
        assertThat(java.util.Arrays.copyOfRange(nak.data(), 2, 6)).isNotEqualTo(java.util.Arrays.copyOfRange(ownMagic, 2, 6));
    }

    @Test
    void aZeroMagicNumberIsNaked() {
        peer.open();
        peer.takeSent();
        peer.send(LCP, Code.CONFIGURE_REQUEST, 4, bytes(5, 6, 0, 0, 0, 0));
        assertThat(peer.takeSentLines()).singleElement().asString().matches("LCP ConfNak id=0x4 <magic 0x[0-9a-f]+>");
    }

    @Test
    void anUnknownCodeIsCodeRejectedWithThePacketInside() {
        openLcp();
        peer.takeSent();
        peer.send(LCP, 0x0c, 0x21, bytes(0xde, 0xad));
        assertThat(peer.takeSentLines()).singleElement().asString().matches("LCP CodeRej id=0x[0-9a-f]+ 0c 21 00 06 de ad");
    }

    @Test
    void echoRequestIsAnsweredWithOurMagicAndDiscardRequestIsDropped() {
        Sent request = openLcp();
        peer.takeSent();
        String ourMagic = request.toString().replaceAll(".*<magic (0x[0-9a-f]+)>.*", "$1");
        peer.send(LCP, Code.ECHO_REQUEST, 0x33, bytes(0x11, 0x22, 0x33, 0x44, 0xab));
        assertThat(peer.takeSentLines()).containsExactly("LCP EchoRep id=0x33 magic=" + ourMagic + " ab");
        peer.send(LCP, Code.DISCARD_REQUEST, 0x34, bytes(0x11, 0x22, 0x33, 0x44));
        assertThat(peer.takeSent()).isEmpty();
    }

    @Test
    void echoRequestBeforeOpenedIsNotAnswered() {
        peer.open();
        peer.takeSent();
        peer.send(LCP, Code.ECHO_REQUEST, 0x33, bytes(0x11, 0x22, 0x33, 0x44));
        assertThat(peer.takeSent()).isEmpty();
    }

    @Test
    void aProtocolWeDoNotRunIsDiscardedBeforeTheNetworkPhaseAndProtocolRejectedIn() {
        peer.open();
        Sent request = peer.takeSent().getFirst();
        peer.send(0x80fd, Code.CONFIGURE_REQUEST, 1, bytes(0x1a, 4, 0x78, 0)); // CCP deflate, as pppd sends
        assertThat(peer.takeSent()).isEmpty();
        assertThat(peer.engine.statistics().discardedPackets()).isEqualTo(1);

        finishOpening(request);
        peer.send(0x80fd, Code.CONFIGURE_REQUEST, 1, bytes(0x1a, 4, 0x78, 0));
        assertThat(peer.takeSentLines()).singleElement().asString()
                .matches("LCP ProtRej id=0x[0-9a-f]+ 80 fd 01 01 00 08 1a 04 78 00");
    }

    @Test
    void aProtocolRejectOfIpv6cpStopsOnlyIpv6cp() {
        openLcp();
        peer.send(LCP, Code.PROTOCOL_REJECT, 9, bytes(0x80, 0x57, 1, 1, 0, 14));
        peer.takeSent();
        assertThat(trace).contains("IPV6CP: Req-Sent -> Stopped");
        assertThat(peer.engine.isFinished()).isFalse();
    }

    @Test
    void aProtocolRejectOfLcpItselfTerminatesTheLink() {
        openLcp();
        peer.send(LCP, Code.PROTOCOL_REJECT, 9, bytes(0xc0, 0x21, 1, 1, 0, 4));
        assertThat(peer.takeSentLines()).anyMatch(l -> l.startsWith("LCP TermReq"));
        for (int i = 0; i < 3; i++) {
            peer.fireNextTimer();
        }
        peer.takeSent();
        assertThat(peer.events).last().isInstanceOfSatisfying(PppEvent.LinkDown.class,
                d -> assertThat(d.failure().rasError()).isEqualTo(734));
    }

    @Test
    void anIpcpPeerProposing0000ForItselfIsNakedWithAnAddressAndVjIsRejected() {
        openLcp();
        peer.takeSent();
        // slirp's request: <compress VJ 0f 01> <addr 0.0.0.0>
        peer.send(IPCP, Code.CONFIGURE_REQUEST, 1, bytes(2, 6, 0, 0x2d, 0x0f, 1, 3, 6, 0, 0, 0, 0));
        assertThat(peer.takeSentLines()).containsExactly("IPCP ConfRej id=0x1 <compress VJ 0f 01>");
        peer.send(IPCP, Code.CONFIGURE_REQUEST, 2, bytes(3, 6, 0, 0, 0, 0));
        assertThat(peer.takeSentLines()).containsExactly("IPCP ConfNak id=0x2 <addr 10.64.64.64>");
    }

    @Test
    void ipcpTakesTheAddressAndDnsThePeerNaksWith() {
        openLcp();
        Sent ipcpRequest = afterOpen.stream().filter(s -> s.protocol() == IPCP).findFirst().orElseThrow();
        assertThat(ipcpRequest.toString()).isEqualTo("IPCP ConfReq id=0x1 <addr 0.0.0.0> <ms-dns1 0.0.0.0> <ms-dns3 0.0.0.0>");
        peer.send(IPCP, Code.CONFIGURE_NAK, 1, bytes(3, 6, 10, 0, 0, 7, 129, 6, 10, 0, 0, 53, 131, 6, 10, 0, 0, 54));
        assertThat(peer.takeSentLines()).containsExactly("IPCP ConfReq id=0x2 <addr 10.0.0.7> <ms-dns1 10.0.0.53> <ms-dns3 10.0.0.54>");
    }
}
