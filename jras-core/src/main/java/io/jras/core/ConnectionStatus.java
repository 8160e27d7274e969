package io.jras.core;

import io.jras.core.iface.InterfaceStatus;
import io.jras.link.RasError;
import io.jras.ppp.Projection;
import java.time.Instant;

/**
 * A connection's status (RasGetConnectStatus, RasGetProjectionInfo and RasGetLinkStatistics in one).
 *
 * @param error               the RAS error of a failed or dropped connection, 0 otherwise
 * @param errorText           the RAS text for {@code error}
 * @param pppCause            the PPP-level cause: the peer's Terminate text, the authentication message
 * @param teardownInProgress  hang-up was asked and the link is being torn down
 * @param projection          what PPP negotiated, or null before IPCP opened
 * @param netInterface        the host network interface, or why there is none
 */
public record ConnectionStatus(long handle, String entryName, String phoneNumber, String deviceType, String deviceName,
                              RasConnState state, int error, String errorText, String pppCause,
                              boolean teardownInProgress, Projection projection, RasStats statistics,
                              Instant dialedAt, Instant connectedAt, InterfaceStatus netInterface) {

    static String textOf(int error) {
        return error == 0 ? "" : RasError.text(error);
    }
}
