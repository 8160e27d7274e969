package io.jras.core.net;

import java.io.IOException;
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

    /**
     * The same, with every path and the command given (tests). With resolv.conf, a backup a
     * crashed run left is restored here ({@link ResolvConfDns#recover()}): call this at start.
     */
    public static DnsConfigurator detect(Path resolvedRunDir, List<String> resolvectl, Path resolvConf,
                                         Consumer<String> log) {
        if (ResolvedDns.present(resolvedRunDir, resolvectl)) {
            return new ResolvedDns(resolvectl, log);
        }
        ResolvConfDns file = new ResolvConfDns(resolvConf, log);
        try {
            file.recover(); // a backup left by a run that crashed goes back now, before anything else
        } catch (IOException e) {
            if (log != null) {
                log.accept("dns: could not recover " + resolvConf + " from its backup: " + e.getMessage());
            }
        }
        return file;
    }
}
