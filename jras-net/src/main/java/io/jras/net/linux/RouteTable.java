package io.jras.net.linux;

import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.jras.net.Ipv4Prefix;
import io.jras.net.NetException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * IPv4 routes through SIOCADDRT / SIOCDELRT with a struct rtentry (<net/route.h>), as pppd's
 * sys-linux.c does; the current default route is read from /proc/thread-self/net/route. Must run in the
 * namespace of the interface.
 */
final class RouteTable {

    /** A default route as /proc/net/route shows it; {@code metric} is the kernel priority. */
    record DefaultRoute(String device, int gateway, int flags, int metric) {
    }

    private RouteTable() {
    }

    /** The first IPv4 default route, if any. */
    static Optional<DefaultRoute> currentDefault() throws NetException {
        String text;
        try {
            // thread-self, not /proc/net (= /proc/self/net): that one shows the namespace of the
            // process's main thread, and this thread may have entered another one.
            text = Files.readString(Path.of("/proc/thread-self/net/route"));
        } catch (IOException e) {
            throw new NetException("cannot read /proc/thread-self/net/route: " + e.getMessage());
        }
        return parseDefault(text);
    }

    /**
     * /proc/net/route columns: Iface Destination Gateway Flags RefCnt Use Metric Mask ...; the
     * addresses are the in_addr bytes as a little-endian hex number.
     */
    static Optional<DefaultRoute> parseDefault(String procNetRoute) {
        String[] lines = procNetRoute.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            if (f.length < 8) {
                continue;
            }
            if (Long.parseLong(f[1], 16) == 0 && Long.parseLong(f[7], 16) == 0) {
                int gw = Integer.reverseBytes((int) Long.parseLong(f[2], 16));
                return Optional.of(new DefaultRoute(f[0], gw, Integer.parseInt(f[3], 16), Integer.parseInt(f[6])));
            }
        }
        return Optional.empty();
    }

    /** A route to {@code prefix} out of {@code device} (no gateway: the link is point-to-point). */
    static void addDevice(Ipv4Prefix prefix, String device) throws NetException {
        change(Structs.SIOCADDRT, prefix, 0, device, 0, "add route " + prefix + " dev " + device);
    }

    /** Removes a default route exactly as listed. */
    static void deleteDefault(DefaultRoute r) throws NetException {
        change(Structs.SIOCDELRT, new Ipv4Prefix(0, 0), r.gateway(), r.device(), r.metric(),
                "delete default route via " + Ipv4Prefix.format(r.gateway()) + " dev " + r.device());
    }

    /** Puts a default route back as it was. */
    static void restoreDefault(DefaultRoute r) throws NetException {
        change(Structs.SIOCADDRT, new Ipv4Prefix(0, 0), r.gateway(), r.device(), r.metric(),
                "restore default route via " + Ipv4Prefix.format(r.gateway()) + " dev " + r.device());
    }

    private static void change(long request, Ipv4Prefix dst, int gateway, String device, int metric, String what)
            throws NetException {
        int sock = Ifconfig.socket(Libc.AF_INET);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment rt = a.allocate(Structs.RTENTRY);
            Structs.sockaddrIn(rt, Structs.offset(Structs.RTENTRY, "rt_dst"), dst.address());
            Structs.sockaddrIn(rt, Structs.offset(Structs.RTENTRY, "rt_genmask"), dst.mask());
            Structs.sockaddrIn(rt, Structs.offset(Structs.RTENTRY, "rt_gateway"), gateway);
            short flags = Structs.RTF_UP;
            if (gateway != 0) {
                flags |= Structs.RTF_GATEWAY;
            }
            if (dst.length() == 32) {
                flags |= Structs.RTF_HOST;
            }
            rt.set(JAVA_SHORT, Structs.offset(Structs.RTENTRY, "rt_flags"), flags);
            // The ioctl interface counts metrics from 1 (0 = "unset"); the kernel stores metric - 1.
            rt.set(JAVA_SHORT, Structs.offset(Structs.RTENTRY, "rt_metric"), (short) (metric + 1));
            rt.set(java.lang.foreign.ValueLayout.ADDRESS, Structs.offset(Structs.RTENTRY, "rt_dev"), a.allocateFrom(device));
            Ifconfig.ioctl(sock, request, rt, what, device);
        } finally {
            Libc.close(sock);
        }
    }
}
