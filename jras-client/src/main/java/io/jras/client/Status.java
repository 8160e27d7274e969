package io.jras.client;

/**
 * A connection's status, projection and statistics.
 *
 * @param pppCause   the PPP-level cause of an end: the peer's Terminate text, the authentication message
 * @param projection null before IPCP opened
 * @param dialedAt   ISO-8601 instant
 * @param connectedAt ISO-8601 instant, or null
 * @param netInterface the host network interface, or why there is none ("interface" in JSON)
 */
public record Status(long handle, String entry, String phoneNumber, String deviceType, String deviceName,
                     String state, int stateCode, int error, String errorText, String pppCause,
                     boolean teardownInProgress, Projection projection, Statistics statistics,
                     String dialedAt, String connectedAt,
                     @com.fasterxml.jackson.annotation.JsonProperty("interface") InterfaceStatus netInterface) {
}
