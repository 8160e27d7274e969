package io.jras.core.net;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The hooks of one connection, in pppd's order (ipcp.c {@code ipcp_up}, {@code ipcp_down},
 * {@code ipcp_script_done}): the up script runs when the network protocol comes up; the down
 * script runs when it goes down, only if the up script was run, and only after the up script has
 * finished (or was killed by the timeout) — pppd likewise holds ip-down back while ip-up runs. Up
 * and down may then repeat (a renegotiation, a redial on the same handle).
 *
 * <p>Nothing here blocks the caller: each script runs on its own virtual thread and its result
 * arrives in the returned future, which never completes exceptionally. IPv4 and IPv6 are
 * independent, as in pppd.
 */
public final class LinkHooks {

    private final Path directory;
    private final HookRunner runner;
    private final Family ipv4 = new Family(HookScript.IP_UP, HookScript.IP_DOWN);
    private final Family ipv6 = new Family(HookScript.IPV6_UP, HookScript.IPV6_DOWN);

    public LinkHooks(Path directory, HookRunner runner) {
        this.directory = directory;
        this.runner = runner;
    }

    public Path directory() {
        return directory;
    }

    /** IPCP is up: starts ip-up with {@code facts}. */
    public CompletableFuture<HookResult> ipUp(LinkFacts facts) {
        return ipv4.up(facts);
    }

    /** IPCP is down: ip-down with {@code facts} and the connection's statistics, after ip-up ended. */
    public CompletableFuture<HookResult> ipDown(LinkFacts facts, LinkCounters counters) {
        return ipv4.down(facts, counters);
    }

    /** IPV6CP is up: starts ipv6-up. */
    public CompletableFuture<HookResult> ipv6Up(LinkFacts facts) {
        return ipv6.up(facts);
    }

    /** IPV6CP is down: ipv6-down, after ipv6-up ended. */
    public CompletableFuture<HookResult> ipv6Down(LinkFacts facts, LinkCounters counters) {
        return ipv6.down(facts, counters);
    }

    /** One up/down pair; pppd's {@code ipcp_script_state} (s_up / s_down). */
    private final class Family {
        private final HookScript upScript;
        private final HookScript downScript;
        // Guarded by this: the last up script's run, or null when down (or never up).
        private CompletableFuture<HookResult> up;

        Family(HookScript upScript, HookScript downScript) {
            this.upScript = upScript;
            this.downScript = downScript;
        }

        synchronized CompletableFuture<HookResult> up(LinkFacts facts) {
            if (up != null) {
                // Already up (pppd: ipcp_up is not called twice without ipcp_down in between).
                return up;
            }
            HookInvocation inv = HookInvocation.of(upScript, facts, null);
            up = start(upScript, inv, CompletableFuture.completedFuture(null));
            return up;
        }

        synchronized CompletableFuture<HookResult> down(LinkFacts facts, LinkCounters counters) {
            Path program = directory.resolve(downScript.fileName());
            if (up == null) {
                return CompletableFuture.completedFuture(HookResult.notRun(downScript, program,
                        HookResult.Outcome.NOT_RUN, "not run: " + upScript + " was not run"));
            }
            CompletableFuture<HookResult> after = up;
            up = null;
            return start(downScript, HookInvocation.of(downScript, facts, counters), after);
        }

        private CompletableFuture<HookResult> start(HookScript script, HookInvocation inv, CompletableFuture<?> after) {
            Path program = directory.resolve(script.fileName());
            CompletableFuture<HookResult> result = new CompletableFuture<>();
            after.whenComplete((r, e) -> Thread.ofVirtual().name("hook-" + script).start(() -> {
                try {
                    result.complete(runner.run(script, program, inv));
                } catch (RuntimeException | Error x) {
                    result.complete(HookResult.notRun(script, program, HookResult.Outcome.FAILED_TO_START,
                            "could not be run: " + x));
                }
            }));
            return result;
        }
    }
}
