package io.jras.server.radius;

/**
 * The counts of a session that ended, for its Accounting-Request Stop (RFC 2866 §5.3-5.10).
 *
 * @param sessionSeconds Acct-Session-Time: from the Start (IPCP up) to the end
 * @param inputOctets    octets received from the peer (Acct-Input-Octets and -Gigawords)
 * @param outputOctets   octets sent to the peer
 * @param inputPackets   packets received from the peer
 * @param outputPackets  packets sent to the peer
 */
public record AccountingStop(long sessionSeconds, long inputOctets, long outputOctets, long inputPackets,
                             long outputPackets, AcctTerminateCause cause) {
}
