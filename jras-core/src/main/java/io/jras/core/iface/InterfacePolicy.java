package io.jras.core.iface;

import io.jras.net.RouteSpec;
import io.jras.core.net.NetConfig;
import java.util.Locale;
import java.util.Map;

/**
 * Whether and how the manager gives its connections a network interface on the host (a TUN device,
 * as pppd gives ppp0), set in {@link io.jras.core.ManagerConfig}.
 *
 * <p>Off by default: a manager embedded in an application, and the test suite that dials thousands
 * of connections, make no interfaces. The system daemon ({@code jras daemon --system}, root) turns
 * it on; {@code JRAS_INTERFACES=on|off} overrides either way. When it is on but the process may not
 * create interfaces (no CAP_NET_ADMIN, no /dev/net/tun), connections still come up, without one, and
 * their status says why.
 *
 * @param enabled     create an interface when IPCP opens
 * @param namePattern the interface name, {@code jras%d} = the kernel picks jras0, jras1, ...
 * @param namespace   the network namespace for the interfaces (an {@code ip netns} name or a path), null = ours
 * @param routes      the routes of every interface beyond the peer's host route
 * @param hooks       called at interface up and down (for embedding applications and tests)
 * @param scripts     pppd's ip-up / ip-down scripts and the entries' DNS, per connection; null = neither
 */
public record InterfacePolicy(boolean enabled, String namePattern, String namespace, RouteSpec routes,
                              InterfaceHooks hooks, NetConfig scripts) {

    public static final String DEFAULT_NAME = "jras%d";
    public static final InterfacePolicy OFF = new InterfacePolicy(false, DEFAULT_NAME, null, RouteSpec.PEER_ONLY,
            InterfaceHooks.NONE, null);
    public static final InterfacePolicy ON = OFF.withEnabled(true);
    /** The environment variable that overrides the daemon's choice: on | off. */
    public static final String ENV = "JRAS_INTERFACES";
    /** The environment variable that names a network namespace for the daemon's interfaces (ip netns name or path). */
    public static final String NETNS_ENV = "JRAS_NETNS";

    public InterfacePolicy {
        namePattern = namePattern == null || namePattern.isBlank() ? DEFAULT_NAME : namePattern;
        routes = routes == null ? RouteSpec.PEER_ONLY : routes;
        hooks = hooks == null ? InterfaceHooks.NONE : hooks;
    }

    /**
     * {@code fallback}, unless JRAS_INTERFACES says on or off (any other value is an
     * IllegalArgumentException), in the namespace JRAS_NETNS names if set.
     */
    public static InterfacePolicy fromEnvironment(Map<String, String> env, InterfacePolicy fallback) {
        String ns = env.get(NETNS_ENV);
        if (ns != null && !ns.isBlank()) {
            fallback = fallback.withNamespace(ns.strip());
        }
        String v = env.get(ENV);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "on", "1", "yes", "true" -> fallback.withEnabled(true);
            case "off", "0", "no", "false" -> fallback.withEnabled(false);
            default -> throw new IllegalArgumentException(ENV + " must be on or off, not \"" + v + "\"");
        };
    }

    public InterfacePolicy withEnabled(boolean on) {
        return new InterfacePolicy(on, namePattern, namespace, routes, hooks, scripts);
    }

    public InterfacePolicy withNamePattern(String pattern) {
        return new InterfacePolicy(enabled, pattern, namespace, routes, hooks, scripts);
    }

    public InterfacePolicy withNamespace(String ns) {
        return new InterfacePolicy(enabled, namePattern, ns, routes, hooks, scripts);
    }

    public InterfacePolicy withRoutes(RouteSpec r) {
        return new InterfacePolicy(enabled, namePattern, namespace, r, hooks, scripts);
    }

    public InterfacePolicy withHooks(InterfaceHooks h) {
        return new InterfacePolicy(enabled, namePattern, namespace, routes, h, scripts);
    }

    public InterfacePolicy withScripts(NetConfig s) {
        return new InterfacePolicy(enabled, namePattern, namespace, routes, hooks, s);
    }
}
