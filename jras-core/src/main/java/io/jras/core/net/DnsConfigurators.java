package io.jras.core.net;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Picks how DNS is applied on this host: systemd-resolved when it runs, else /etc/resolv.conf. */
public final class DnsConfigurators {

    private DnsConfigurators() {
    }

    /** For this host: resolvectl when resolved is present, else {@link ResolvConfDns#RESOLV_CONF}. */
    public static DnsConfigurator detect(Consumer<String> log) {
        return detect(ResolvedDns.RUN_DIR, ResolvedDns.RESOLVECTL, ResolvConfDns.RESOLV_CONF, log);
    }

    /** The same, with every path and the command given (tests). */
    public static DnsConfigurator detect(Path resolvedRunDir, List<String> resolvectl, Path resolvConf,
                                         Consumer<String> log) {
        if (ResolvedDns.present(resolvedRunDir, resolvectl)) {
            return new ResolvedDns(resolvectl, log);
        }
        return new ResolvConfDns(resolvConf, log);
    }
}
