package io.jras.client;

/** What is kept of a connection after its handle became invalid. Instants are ISO-8601. */
public record Tombstone(long handle, String entry, String phoneNumber, String deviceType, String deviceName,
                        String finalState, int finalStateCode, int error, String errorText, String pppCause,
                        String dialedAt, String connectedAt, String endedAt, Statistics finalStatistics) {
}
