package io.jras.core;

import java.time.Instant;

/**
 * What is kept of a connection once its handle is invalid: its last state, error and PPP cause,
 * its timestamps and final statistics. Kept for a while, queryable on its own; status of the handle
 * itself answers 6.
 */
public record Tombstone(long handle, String entryName, String phoneNumber, String deviceType, String deviceName,
                        RasConnState finalState, int error, String errorText, String pppCause,
                        Instant dialedAt, Instant connectedAt, Instant endedAt, RasStats finalStatistics) {
}
