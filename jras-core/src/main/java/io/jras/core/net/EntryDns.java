package io.jras.core.net;

import io.jras.core.phonebook.AddressSource;
import io.jras.core.phonebook.PhonebookEntry;
import io.jras.link.RasError;
import io.jras.link.RasException;
import io.jras.ppp.Ipv4;
import io.jras.ppp.Projection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether and what DNS a connection applies to the host, from its phonebook entry. Off unless the
 * entry says {@code JrasApplyDns=1}: Windows always applies a connection's DNS, but on Linux a
 * dial-up entry silently taking over the host's resolver would surprise. When on:
 *
 * <ul>
 * <li>{@code IpNameAssign=1} (server assigned, the default): the servers the peer gave in IPCP
 *     (RFC 1877 Primary-/Secondary-DNS) — pppd's {@code usepeerdns};</li>
 * <li>{@code IpNameAssign=2}: the entry's {@code IpDnsAddress} and {@code IpDns2Address};</li>
 * <li>{@code IpNameAssign=3}: no servers;</li>
 * <li>{@code IpDnsSuffix=} (Windows' connection-specific DNS suffix): the search domain(s),
 *     separated by spaces or commas.</li>
 * </ul>
 *
 * @param apply    {@code JrasApplyDns=1}
 * @param source   {@code IpNameAssign=}
 * @param servers  the entry's own servers ({@code IpDnsAddress}, {@code IpDns2Address}), for source 2
 * @param domains  from {@code IpDnsSuffix=}
 */
public record EntryDns(boolean apply, AddressSource source, List<String> servers, List<String> domains) {

    public static final String APPLY_KEY = "JrasApplyDns";
    public static final String SUFFIX_KEY = "IpDnsSuffix";
    /** An entry that does not apply DNS: the default. */
    public static final EntryDns OFF = new EntryDns(false, AddressSource.SERVER_ASSIGNED, List.of(), List.of());

    public EntryDns {
        servers = List.copyOf(servers);
        domains = List.copyOf(domains);
    }

    /**
     * Reads the entry's DNS keys.
     *
     * @throws RasException 625 for a {@code JrasApplyDns} other than 0 or 1, or a bad domain in {@code IpDnsSuffix}
     */
    public static EntryDns of(PhonebookEntry entry) throws RasException {
        if (entry == null) {
            return OFF;
        }
        boolean apply = switch (entry.value(APPLY_KEY).map(String::strip).orElse("0")) {
            case "0", "" -> false;
            case "1" -> true;
            default -> throw bad(entry, APPLY_KEY + "= is not 0 or 1");
        };
        List<String> domains = new ArrayList<>();
        for (String d : entry.value(SUFFIX_KEY).orElse("").split("[\\s,]+")) {
            if (!d.isEmpty()) {
                if (!DnsSettings.isDomain(d)) {
                    throw bad(entry, SUFFIX_KEY + "= holds something that is not a domain name");
                }
                domains.add(d);
            }
        }
        List<String> own = new ArrayList<>();
        for (String a : List.of(entry.dnsAddress(), entry.dns2Address())) {
            if (!a.equals("0.0.0.0")) {
                own.add(a);
            }
        }
        return new EntryDns(apply, entry.ipNameAssign(), own, domains);
    }

    /** pppd's {@code usepeerdns}: the peer's servers are the ones applied (USEPEERDNS in the hooks). */
    public boolean usePeerDns() {
        return apply && source == AddressSource.SERVER_ASSIGNED;
    }

    /**
     * What to apply for a connection on {@code ifname} that negotiated {@code projection}; empty
     * when the entry does not apply DNS or there is nothing to apply.
     */
    public Optional<DnsSettings> settings(String ifname, Projection projection) {
        if (!apply) {
            return Optional.empty();
        }
        List<String> use = new ArrayList<>();
        switch (source) {
            case SERVER_ASSIGNED -> {
                if (projection != null) {
                    for (int a : new int[] {projection.primaryDns(), projection.secondaryDns()}) {
                        if (a != 0) {
                            use.add(Ipv4.format(a));
                        }
                    }
                }
            }
            case REQUIRE_SPECIFIC -> use.addAll(servers);
            case NONE -> { }
        }
        DnsSettings s = new DnsSettings(ifname, use, domains);
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static RasException bad(PhonebookEntry entry, String what) {
        return new RasException(RasError.CORRUPT_PHONEBOOK, "entry \"" + entry.name() + "\": " + what);
    }
}
