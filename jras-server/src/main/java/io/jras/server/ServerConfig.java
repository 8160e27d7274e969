package io.jras.server;

import io.jras.core.iface.InterfacePolicy;
import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.server.pool.AddressRange;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * How one {@link AnswerServer} answers: where it listens, what it requires, what it hands out.
 * Immutable; start from {@link #of(List, AddressRange)} and adjust with the {@code with} methods.
 *
 * @param listen        TCP addresses to accept PPP on (port 0 = any free port)
 * @param pool          the peers' addresses
 * @param localAddress  our own IPCP address; 0 = {@link AddressRange#defaultLocalAddress()}
 * @param primaryDns    RFC 1877 Primary-DNS for peers that ask; 0 = none (the option is rejected)
 * @param secondaryDns  RFC 1877 Secondary-DNS; 0 = none
 * @param auth          what peers must authenticate with, in order of preference; empty = nothing
 * @param name          our name: the CHAP Challenge Name, and the server column of the users file
 * @param limits        sessions, timeouts and rates
 * @param trace         log every PPP packet of every session (pppd style; PAP passwords are hidden)
 * @param interfaces    whether each session gets a host network interface (off by default; {@code jras serve --interfaces})
 */
public record ServerConfig(List<InetSocketAddress> listen, AddressRange pool, int localAddress,
                           int primaryDns, int secondaryDns, List<AuthProtocol> auth, String name,
                           ServerLimits limits, boolean trace, InterfacePolicy interfaces) {

    /** What RRAS and pppd prefer: MS-CHAPv2, then CHAP-MD5; PAP (clear text) only when asked for. */
    public static final List<AuthProtocol> DEFAULT_AUTH = List.of(AuthProtocol.MSCHAP_V2, AuthProtocol.CHAP_MD5);
    public static final String DEFAULT_NAME = "jras";

    public ServerConfig {
        listen = List.copyOf(listen);
        Objects.requireNonNull(pool, "pool");
        auth = List.copyOf(auth);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(limits, "limits");
        interfaces = interfaces == null ? InterfacePolicy.OFF : interfaces;
        if (new HashSet<>(auth).size() != auth.size()) {
            throw new IllegalArgumentException("an authentication protocol is listed twice: " + auth);
        }
        if (name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("the server name must be 1-255 octets");
        }
        if (localAddress == 0) {
            localAddress = pool.defaultLocalAddress();
            if (localAddress == 0) {
                throw new IllegalArgumentException("no free address next to the pool " + pool + "; give the local address");
            }
        }
        if (pool.contains(localAddress)) {
            throw new IllegalArgumentException("the local address " + Ipv4.format(localAddress) + " is inside the pool " + pool);
        }
    }

    /** Without host interfaces. */
    public ServerConfig(List<InetSocketAddress> listen, AddressRange pool, int localAddress, int primaryDns,
                        int secondaryDns, List<AuthProtocol> auth, String name, ServerLimits limits, boolean trace) {
        this(listen, pool, localAddress, primaryDns, secondaryDns, auth, name, limits, trace, InterfacePolicy.OFF);
    }

    public ServerConfig withInterfaces(InterfacePolicy p) {
        return new ServerConfig(listen, pool, localAddress, primaryDns, secondaryDns, auth, name, limits, trace, p);
    }

    public static ServerConfig of(List<InetSocketAddress> listen, AddressRange pool) {
        return new ServerConfig(listen, pool, 0, 0, 0, DEFAULT_AUTH, DEFAULT_NAME, ServerLimits.DEFAULTS, false);
    }

    public ServerConfig withLocalAddress(int address) {
        return new ServerConfig(listen, pool, address, primaryDns, secondaryDns, auth, name, limits, trace, interfaces);
    }

    public ServerConfig withDns(int primary, int secondary) {
        return new ServerConfig(listen, pool, localAddress, primary, secondary, auth, name, limits, trace, interfaces);
    }

    public ServerConfig withAuth(List<AuthProtocol> protocols) {
        return new ServerConfig(listen, pool, localAddress, primaryDns, secondaryDns, protocols, name, limits, trace, interfaces);
    }

    public ServerConfig withName(String newName) {
        return new ServerConfig(listen, pool, localAddress, primaryDns, secondaryDns, auth, newName, limits, trace, interfaces);
    }

    public ServerConfig withLimits(ServerLimits newLimits) {
        return new ServerConfig(listen, pool, localAddress, primaryDns, secondaryDns, auth, name, newLimits, trace, interfaces);
    }

    public ServerConfig withTrace(boolean on) {
        return new ServerConfig(listen, pool, localAddress, primaryDns, secondaryDns, auth, name, limits, on, interfaces);
    }

    /** Reads {@code pap,chap,mschapv2} (any order, the order of preference) or {@code none}. */
    public static List<AuthProtocol> parseAuth(String text) {
        if (text.strip().equalsIgnoreCase("none")) {
            return List.of();
        }
        List<AuthProtocol> out = new java.util.ArrayList<>();
        for (String word : text.split(",")) {
            out.add(switch (word.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "pap" -> AuthProtocol.PAP;
                case "chap", "chap-md5" -> AuthProtocol.CHAP_MD5;
                case "mschapv2", "ms-chapv2", "mschap-v2" -> AuthProtocol.MSCHAP_V2;
                default -> throw new IllegalArgumentException("unknown authentication '" + word.strip()
                        + "': use pap, chap, mschapv2 (comma-separated) or none");
            });
        }
        return out;
    }
}
