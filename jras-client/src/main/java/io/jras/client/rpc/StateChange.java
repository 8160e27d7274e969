package io.jras.client.rpc;

/**
 * The params of a {@code state} notification: a state change of a handle this client dialed, with
 * the state's RASCONNSTATE name and number and the RAS error (0 if none).
 */
public record StateChange(long handle, String state, int stateCode, int error) {
}
