package io.jras.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.ppp.framing.HdlcDecoder;
import io.jras.ppp.trace.PacketPrinter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminateFrameTest {

    @Test
    void aRefusalIsOneLcpTerminateRequestCarryingTheReason() {
        byte[] frame = TerminateFrame.of("server full");
        List<String> got = new ArrayList<>();
        new HdlcDecoder().feed(frame, 0, frame.length,
                (protocol, info, off, len) -> got.add(PacketPrinter.line(false, protocol, info, off, len)));
        assertThat(got).singleElement().asString().startsWith("rcvd [LCP TermReq id=0x1").contains("server full");
        // RFC 1662 §7.1: sent with the default ACCM, so no control octet appears unescaped
        for (int i = 1; i < frame.length - 1; i++) {
            assertThat(frame[i] & 0xff).isGreaterThanOrEqualTo(0x20);
        }
    }
}
