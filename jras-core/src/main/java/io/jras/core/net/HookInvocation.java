package io.jras.core.net;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The arguments and the whole environment of one hook run, exactly as pppd builds them
 * (pppd(8), "SCRIPTS"): the arguments are {@code interface-name tty-device speed local-IP
 * remote-IP ipparam} (link-local addresses for the ipv6 scripts), and the environment holds only
 * the link's variables: pppd passes no PATH, HOME or anything inherited, so scripts set their own
 * PATH (Debian's /etc/ppp/ip-up does). A variable whose value is not known is left out, as pppd
 * does.
 *
 * @param arguments the six arguments after the program
 * @param environment the complete environment, in a stable order
 */
public record HookInvocation(List<String> arguments, Map<String, String> environment) {

    public HookInvocation {
        arguments = List.copyOf(arguments);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** The invocation of {@code script}; {@code counters} is used by the down scripts only (null = zeros). */
    public static HookInvocation of(HookScript script, LinkFacts f, LinkCounters counters) {
        String local = script.isIpv6() ? f.llLocal() : f.localIp();
        String remote = script.isIpv6() ? f.llRemote() : f.remoteIp();
        List<String> args = Stream.of(f.ifname(), f.device(), String.valueOf(f.speed()), local, remote,
                f.ipparam()).map(HookInvocation::clean).toList();

        Map<String, String> env = new LinkedHashMap<>();
        put(env, "IFNAME", f.ifname());
        put(env, "DEVICE", f.device());
        put(env, "SPEED", String.valueOf(f.speed()));
        put(env, "IPLOCAL", f.localIp());
        put(env, "IPREMOTE", f.remoteIp());
        put(env, "LLLOCAL", f.llLocal());
        put(env, "LLREMOTE", f.llRemote());
        put(env, "PEERNAME", f.peerName());
        put(env, "ORIG_UID", String.valueOf(f.origUid()));
        put(env, "PPPLOGNAME", f.logName());
        put(env, "PPPD_PID", String.valueOf(f.pid()));
        put(env, "LINKNAME", f.linkName());
        put(env, "CALL_FILE", f.callFile());
        // pppd ipcp.c: DNS1/DNS2 whenever the peer supplied them, USEPEERDNS only when they are used.
        put(env, "DNS1", f.dns1());
        put(env, "DNS2", f.dns2());
        if (f.usePeerDns() && !(f.dns1().isEmpty() && f.dns2().isEmpty())) {
            env.put("USEPEERDNS", "1");
        }
        if (script.isDown()) {
            LinkCounters c = counters == null ? LinkCounters.ZERO : counters;
            env.put("CONNECT_TIME", String.valueOf(c.connectSeconds()));
            env.put("BYTES_SENT", String.valueOf(c.bytesSent()));
            env.put("BYTES_RCVD", String.valueOf(c.bytesReceived()));
        }
        return new HookInvocation(args, env);
    }

    private static void put(Map<String, String> env, String name, String value) {
        if (value != null && !value.isEmpty()) {
            env.put(name, clean(value));
        }
    }

    /** A NUL cannot pass through exec; a peer's name is outside input and might carry one. */
    private static String clean(String s) {
        return s.replace("\0", "");
    }
}
