package io.jras.server.radius;

/** RFC 2866 §5.10 Acct-Terminate-Cause: the values a PPP server gives. */
public enum AcctTerminateCause {
    USER_REQUEST(1),
    LOST_CARRIER(2),
    LOST_SERVICE(3),
    IDLE_TIMEOUT(4),
    SESSION_TIMEOUT(5),
    ADMIN_RESET(6),
    ADMIN_REBOOT(7),
    PORT_ERROR(8),
    NAS_ERROR(9),
    NAS_REQUEST(10),
    NAS_REBOOT(11),
    SERVICE_UNAVAILABLE(15),
    USER_ERROR(17);

    private final int value;

    AcctTerminateCause(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
