package io.jras.core.net;

import java.net.Inet6Address;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The DNS configuration one connection asks for: its servers and search domains, on its
 * interface. Everything here ends up in /etc/resolv.conf or on resolvectl's command line, so it
 * is checked: servers are IPv4 or IPv6 literals, domains are host names (RFC 1123 letters,
 * digits, hyphens, dots) — no spaces, no line breaks, nothing a shell or a resolv.conf parser
 * would read as something else.
 *
 * @param ifname  the connection's interface
 * @param servers the DNS servers, preferred first
 * @param domains the search domains, preferred first
 */
public record DnsSettings(String ifname, List<String> servers, List<String> domains) {

    // Never an option to resolvectl: no leading "-".
    private static final Pattern IFNAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:-]{0,14}");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");

    public DnsSettings {
        Objects.requireNonNull(ifname, "ifname");
        if (!IFNAME.matcher(ifname).matches()) {
            throw new IllegalArgumentException("not an interface name: " + printable(ifname));
        }
        servers = List.copyOf(servers);
        domains = List.copyOf(domains);
        for (String s : servers) {
            if (!isAddress(s)) {
                throw new IllegalArgumentException("not a DNS server address: " + printable(s));
            }
        }
        for (String d : domains) {
            if (!DOMAIN.matcher(d).matches()) {
                throw new IllegalArgumentException("not a DNS domain: " + printable(d));
            }
        }
    }

    /** Whether there is anything to apply. */
    public boolean isEmpty() {
        return servers.isEmpty() && domains.isEmpty();
    }

    static boolean isAddress(String s) {
        if (s == null) {
            return false;
        }
        if (IPV4.matcher(s).matches()) {
            return true;
        }
        if (s.indexOf(':') < 0 || s.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            return false;
        }
        int pct = s.indexOf('%');
        if (pct >= 0 && !IFNAME.matcher(s.substring(pct + 1)).matches()) {
            return false; // a link-local server's zone: an interface name
        }
        try {
            Inet6Address.ofLiteral(pct < 0 ? s : s.substring(0, pct)); // a literal, never a name lookup
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isDomain(String s) {
        return s != null && DOMAIN.matcher(s).matches();
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().limit(80).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.append('"').toString();
    }
}
