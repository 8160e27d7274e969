package io.jras.core.net;

import java.io.IOException;

/**
 * Applies a connection's DNS servers to the host and takes them back on teardown. One instance
 * serves all connections of a manager; each connection is known by its interface name.
 */
public interface DnsConfigurator {

    /** Makes {@code settings} the host's DNS for names resolved over its interface. */
    void apply(DnsSettings settings) throws IOException;

    /** Takes back what {@link #apply} did for {@code ifname}; nothing happens for an unknown one. */
    void revert(String ifname) throws IOException;

    /** What this is, for the log: "systemd-resolved (resolvectl)", "/etc/resolv.conf". */
    String describe();
}
