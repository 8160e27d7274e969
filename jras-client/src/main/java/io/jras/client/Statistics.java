package io.jras.client;

/** Windows' RAS_STATS, field for field; {@code connectDurationMillis} is dwConnectDuration. */
public record Statistics(long bytesXmited, long bytesRcved, long framesXmited, long framesRcved,
                         long crcErr, long timeoutErr, long alignmentErr, long hardwareOverrunErr,
                         long framingErr, long bufferOverrunErr, long compressionRatioIn,
                         long compressionRatioOut, long bps, long connectDurationMillis) {
}
