package io.jras.core.net;

/**
 * The pppd scripts jras runs, by their pppd file names (pppd(8), "SCRIPTS"). ip-pre-up,
 * auth-up/auth-down and ipx-up/ipx-down are not run: jras has no step between address assignment
 * and interface up, and no IPX.
 */
public enum HookScript {
    /** IPCP came up: the link carries IPv4. */
    IP_UP("ip-up"),
    /** IPCP went down; run only after ip-up was run, and only once ip-up has finished. */
    IP_DOWN("ip-down"),
    /** IPV6CP came up: the link carries IPv6. */
    IPV6_UP("ipv6-up"),
    /** IPV6CP went down; as ip-down. */
    IPV6_DOWN("ipv6-down");

    private final String fileName;

    HookScript(String fileName) {
        this.fileName = fileName;
    }

    /** The file name in the hook directory, as pppd names it in /etc/ppp. */
    public String fileName() {
        return fileName;
    }

    /** ip-down and ipv6-down: they also get the connection's statistics. */
    public boolean isDown() {
        return this == IP_DOWN || this == IPV6_DOWN;
    }

    public boolean isIpv6() {
        return this == IPV6_UP || this == IPV6_DOWN;
    }

    @Override
    public String toString() {
        return fileName;
    }
}
