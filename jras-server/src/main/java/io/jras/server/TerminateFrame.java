package io.jras.server;

import io.jras.ppp.framing.HdlcEncoder;
import io.jras.ppp.fsm.Code;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one frame a refused connection gets: an LCP Terminate-Request with the reason as its Data,
 * so the dialer can say why (RAS 719 with the text) instead of a bare disconnect.
 */
final class TerminateFrame {

    private TerminateFrame() {
    }

    static byte[] of(String reason) {
        byte[] text = reason.getBytes(StandardCharsets.US_ASCII);
        // RFC 1661 §5.5: Code, Identifier, Length, then uninterpreted Data.
        byte[] packet = new byte[4 + text.length];
        packet[0] = Code.TERMINATE_REQUEST;
        packet[1] = 1;
        packet[2] = (byte) (packet.length >>> 8);
        packet[3] = (byte) packet.length;
        System.arraycopy(text, 0, packet, 4, text.length);
        byte[] frame = new byte[HdlcEncoder.maxEncodedSize(packet.length)];
        // RFC 1661 §5: Terminate-Request goes out with the default ACCM and no compression.
        int n = new HdlcEncoder().encode(0xc021, packet, 0, packet.length, true, frame, 0);
        return Arrays.copyOf(frame, n);
    }
}
