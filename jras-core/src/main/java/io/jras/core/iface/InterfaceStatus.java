package io.jras.core.iface;

/**
 * A connection's host interface as status shows it.
 *
 * @param name   the interface name, or "" when there is none
 * @param state  {@link #DISABLED}, {@link #PENDING}, {@link #UNAVAILABLE}, {@link #FAILED}, {@link #UP} or {@link #REMOVED}
 * @param reason why there is none (or why it failed); "" when it is up
 */
public record InterfaceStatus(String name, String state, String reason) {

    /** Interfaces are off in the manager's configuration (the default). */
    public static final String DISABLED = "disabled";
    /** On; made when IPCP opens, which it has not yet. */
    public static final String PENDING = "pending";
    /** On, but this process may not create interfaces (no CAP_NET_ADMIN, no /dev/net/tun). */
    public static final String UNAVAILABLE = "unavailable";
    /** Creating or configuring the interface failed; nothing was left behind. */
    public static final String FAILED = "failed";
    public static final String UP = "up";
    /** It was up and has been removed with the link. */
    public static final String REMOVED = "removed";

    public static final InterfaceStatus OFF = new InterfaceStatus("", DISABLED,
            "host interfaces are off (ManagerConfig.interfaces; the system daemon turns them on, or JRAS_INTERFACES=on)");
}
