package io.jras.client;

/**
 * A connection's network interface on the daemon's host (a TUN device, like pppd's ppp0).
 *
 * @param name   jras0, ...; "" when there is none
 * @param state  disabled | pending | unavailable | failed | up | removed
 * @param reason why there is none or why it failed; "" when it is up
 */
public record InterfaceStatus(String name, String state, String reason) {
}
