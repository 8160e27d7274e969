package io.jras.server;

import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * A snapshot of one server session.
 *
 * @param id            unique for the server's lifetime, never reused
 * @param peer          where the connection came from; null on a modem line (the caller has no address there)
 * @param user          the name the peer authenticated as, or tried to; "" if none yet (or no authentication)
 * @param authProtocol  how the peer authenticated; null until it has (and with no authentication)
 * @param address       the peer's IPv4 address, assigned from the pool
 * @param localAddress  our IPv4 address on the link
 * @param connectedAt   when the connection was accepted
 * @param startedAt     when IPCP came up (the session "started"); null until then
 * @param deviceType    RAS device type of the line: "tcp", or "modem" for a call answered on a modem line
 * @param device        the line: the TCP peer's {@code host:port}, or the modem line as configured
 *                      ({@code modem:tcp:127.0.0.1:5001}, {@code modem:/dev/ttyS0@115200})
 */
public record SessionInfo(long id, InetSocketAddress peer, String user, AuthProtocol authProtocol,
                          int address, int localAddress, Instant connectedAt, Instant startedAt,
                          String deviceType, String device) {

    /** For log lines: the TCP peer's address, or the modem line. */
    public String where() {
        return peer != null ? LogText.address(peer) : device;
    }

    /** Whether the network came up. */
    public boolean started() {
        return startedAt != null;
    }

    public String addressText() {
        return Ipv4.format(address);
    }
}
