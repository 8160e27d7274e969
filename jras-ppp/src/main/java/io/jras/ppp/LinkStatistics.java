package io.jras.ppp;

/**
 * The link counters, named after the fields of Windows' RAS_STATS that the engine can know
 * (bps and connect duration belong to the manager, which owns the clock).
 *
 * @param bytesTransmitted  line bytes written (after framing)
 * @param bytesReceived     line bytes read (before deframing)
 * @param framesTransmitted PPP frames written
 * @param framesReceived    good PPP frames read
 * @param crcErrors         frames dropped for a bad FCS
 * @param timeoutErrors     Restart-timer expiries (retransmissions and give-ups)
 * @param alignmentErrors   frames not ending on an octet boundary (never on async lines)
 * @param framingErrors     short frames, aborts, bad address, control or protocol fields
 * @param bufferOverrunErrors frames longer than the MRU allows
 * @param discardedPackets  well-framed packets dropped by a protocol (bad length, wrong id, wrong phase)
 * @param datagramsTransmitted IPv4 and IPv6 datagrams sent (what idle-disconnect watches)
 * @param datagramsReceived    IPv4 and IPv6 datagrams received
 */
public record LinkStatistics(long bytesTransmitted, long bytesReceived, long framesTransmitted, long framesReceived,
                             long crcErrors, long timeoutErrors, long alignmentErrors, long framingErrors,
                             long bufferOverrunErrors, long discardedPackets,
                             long datagramsTransmitted, long datagramsReceived) {

    public static final LinkStatistics ZERO = new LinkStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
