package io.jras.server;

import io.jras.core.iface.InterfaceStatus;
import io.jras.ppp.LinkStatistics;
import io.jras.ppp.Projection;

/**
 * The line and link of one live session, as the connection manager shows it (status, statistics).
 *
 * @param deviceType  RAS device type of the line: "tcp" (or "modem")
 * @param deviceName  the line, e.g. "tcp:127.0.0.1:7000" (our end of the connection)
 * @param projection  what PPP negotiated; null before the network came up
 * @param statistics  the link counters now; null before the session's loop first turned
 * @param netInterface the session's host network interface, or why it has none
 */
public record SessionLink(String deviceType, String deviceName, Projection projection, LinkStatistics statistics,
                          InterfaceStatus netInterface) {
}
