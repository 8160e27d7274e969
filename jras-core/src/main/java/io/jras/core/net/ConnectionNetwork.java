package io.jras.core.net;

import io.jras.core.DialRequest;
import io.jras.core.phonebook.PhonebookEntry;
import io.jras.link.RasException;
import io.jras.ppp.Projection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One connection's host-side network steps that are not the interface itself: its DNS and its
 * hooks. The caller that brings the interface up calls {@link #up} once the interface has its
 * addresses, and {@link #down} when the link ends (before or after the interface is removed; pppd
 * runs ip-down after). Neither step can fail the connection: a DNS or hook failure is logged and
 * shows in the returned results.
 *
 * <p>Order, as pppd's (ipcp.c {@code ipcp_up}: {@code create_resolv} before the ip-up script):
 * up applies DNS, then starts ip-up (and ipv6-up when IPV6CP opened), so the hooks see the new
 * resolver; down reverts DNS, then runs ip-down and ipv6-down, each after its up script ended.
 */
public final class ConnectionNetwork {

    private final NetConfig config;
    private final DialRequest request;
    private final EntryDns entryDns;
    private final LinkHooks hooks;
    // Guarded by this.
    private LinkFacts facts;
    private boolean dnsApplied;

    private ConnectionNetwork(NetConfig config, DialRequest request, EntryDns entryDns, LinkHooks hooks) {
        this.config = config;
        this.request = request;
        this.entryDns = entryDns;
        this.hooks = hooks;
    }

    /**
     * For a dial of {@code entry} (null for a dial by number: hooks in the default directory, no DNS).
     *
     * @throws RasException 625 when the entry's {@code JrasApplyDns}, {@code IpDnsSuffix} or {@code JrasHookDir} is bad
     */
    public static ConnectionNetwork of(NetConfig config, DialRequest request, PhonebookEntry entry) throws RasException {
        return new ConnectionNetwork(config, request, EntryDns.of(entry),
                new LinkHooks(HookDirectory.forEntry(entry, config.hookDirectory()), config.runner()));
    }

    public EntryDns dns() {
        return entryDns;
    }

    /**
     * The link is up on {@code ifname} with {@code projection}: applies the entry's DNS, then
     * starts the up hooks. Returns at once; the future holds the hooks' results.
     */
    public CompletableFuture<List<HookResult>> up(String ifname, Projection projection, long bps) {
        LinkFacts f = LinkFacts.forConnection(request, ifname, projection, bps, entryDns.usePeerDns());
        Optional<DnsSettings> dns;
        try {
            dns = entryDns.settings(ifname, projection);
        } catch (IllegalArgumentException e) {
            config.log().accept("dns " + ifname + ": not applied: " + e.getMessage());
            dns = Optional.empty();
        }
        synchronized (this) {
            facts = f;
            if (dns.isPresent() && !dnsApplied) {
                try {
                    config.dns().apply(dns.get());
                    dnsApplied = true;
                } catch (IOException | RuntimeException e) {
                    config.log().accept("dns " + ifname + ": not applied through " + config.dns().describe() + ": " + e.getMessage());
                }
            }
        }
        List<CompletableFuture<HookResult>> runs = new ArrayList<>();
        if (projection.localAddress() != 0) {
            runs.add(hooks.ipUp(f));
        }
        if (projection.localInterfaceId() != 0) {
            runs.add(hooks.ipv6Up(f));
        }
        return all(runs);
    }

    /**
     * The link is down: reverts DNS, then runs the down hooks (each after its up hook ended) with
     * the connection's statistics. Returns at once; nothing happens if {@link #up} was never called.
     */
    public CompletableFuture<List<HookResult>> down(LinkCounters counters) {
        LinkFacts f;
        synchronized (this) {
            f = facts;
            facts = null;
            if (dnsApplied && f != null) {
                dnsApplied = false;
                try {
                    config.dns().revert(f.ifname());
                } catch (IOException | RuntimeException e) {
                    config.log().accept("dns " + f.ifname() + ": not reverted through " + config.dns().describe() + ": " + e.getMessage());
                }
            }
        }
        if (f == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        return all(List.of(hooks.ipDown(f, counters), hooks.ipv6Down(f, counters)));
    }

    private static CompletableFuture<List<HookResult>> all(List<CompletableFuture<HookResult>> runs) {
        return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new))
                .thenApply(v -> runs.stream().map(CompletableFuture::join).toList());
    }
}
