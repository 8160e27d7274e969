package io.jras.net.testkit;

/** Turns an IPv4 ICMP Echo Request into its Echo Reply (RFC 792), as the far end of a link would. */
public final class EchoResponder {

    private EchoResponder() {
    }

    /** The reply to {@code packet}, or null if it is not an IPv4 ICMP echo request. */
    public static byte[] reply(byte[] packet) {
        if (packet.length < 28 || (packet[0] >> 4) != 4 || packet[9] != 1) {
            return null;
        }
        int ihl = (packet[0] & 0x0f) * 4;
        if (packet[ihl] != 8) {
            return null;
        }
        byte[] r = packet.clone();
        // Swapping source and destination keeps the IPv4 header checksum valid.
        System.arraycopy(packet, 12, r, 16, 4);
        System.arraycopy(packet, 16, r, 12, 4);
        r[ihl] = 0;
        r[ihl + 2] = 0;
        r[ihl + 3] = 0;
        int sum = 0;
        for (int i = ihl; i < r.length; i += 2) {
            int hi = r[i] & 0xff;
            int lo = i + 1 < r.length ? r[i + 1] & 0xff : 0;
            sum += hi << 8 | lo;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        sum = ~sum & 0xffff;
        r[ihl + 2] = (byte) (sum >>> 8);
        r[ihl + 3] = (byte) sum;
        return r;
    }
}
