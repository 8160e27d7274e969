package io.jras.core;

import io.jras.ppp.LinkStatistics;
import java.time.Duration;

/**
 * A connection's statistics, field for field Windows' RAS_STATS.
 *
 * @param bps              link speed in bits per second (the modem's CONNECT speed, else 0)
 * @param connectDuration  time since the connection reached Connected
 */
public record RasStats(long bytesXmited, long bytesRcved, long framesXmited, long framesRcved,
                       long crcErr, long timeoutErr, long alignmentErr, long hardwareOverrunErr,
                       long framingErr, long bufferOverrunErr, long compressionRatioIn, long compressionRatioOut,
                       long bps, Duration connectDuration) {

    public static final RasStats ZERO = new RasStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO);

    /** Statistics from the link counters, less a baseline taken when they were last cleared. */
    static RasStats of(LinkStatistics now, LinkStatistics base, long bps, Duration connected) {
        if (now == null) {
            return new RasStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, bps, connected);
        }
        LinkStatistics b = base == null ? LinkStatistics.ZERO : base;
        return new RasStats(now.bytesTransmitted() - b.bytesTransmitted(), now.bytesReceived() - b.bytesReceived(),
                now.framesTransmitted() - b.framesTransmitted(), now.framesReceived() - b.framesReceived(),
                now.crcErrors() - b.crcErrors(), now.timeoutErrors() - b.timeoutErrors(),
                now.alignmentErrors() - b.alignmentErrors(), 0,
                now.framingErrors() - b.framingErrors(), now.bufferOverrunErrors() - b.bufferOverrunErrors(),
                0, 0, bps, connected);
    }
}
