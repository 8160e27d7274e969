package io.jras.core.net;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The host-wide settings of hooks and DNS: one per manager.
 *
 * @param hookDirectory where ip-up and friends are (see {@link HookDirectory}); an entry's
 *                      {@code JrasHookDir=} replaces it for that entry
 * @param runner        runs the hooks (timeout, output limit, log)
 * @param dns           applies DNS for entries that ask for it ({@link DnsConfigurators#detect})
 * @param log           where what happened is written; never a secret
 */
public record NetConfig(Path hookDirectory, HookRunner runner, DnsConfigurator dns, Consumer<String> log) {

    public NetConfig {
        log = log == null ? line -> { } : log;
    }

    /** This host's defaults: {@link HookDirectory#resolve}, a 30 s hook timeout, DNS as detected. */
    public static NetConfig detect(String hookDirOption, boolean system, Consumer<String> log) {
        return new NetConfig(HookDirectory.resolve(hookDirOption, system), new HookRunner(log), DnsConfigurators.detect(log), log);
    }
}
