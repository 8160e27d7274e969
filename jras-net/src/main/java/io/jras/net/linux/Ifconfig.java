package io.jras.net.linux;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.jras.net.Ipv4Prefix;
import io.jras.net.NetException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Configures an interface by name with the classic socket ioctls (what ifconfig and pppd's
 * sys-linux.c do): must run in the interface's network namespace.
 */
final class Ifconfig {

    private Ifconfig() {
    }

    /**
     * Point-to-point IPv4 (SIOCSIFADDR, SIOCSIFDSTADDR, netmask /32), the MTU, then IFF_UP.
     */
    static void configure(String name, int local, int remote, int mtu) throws NetException {
        int sock = socket(Libc.AF_INET);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment r = Structs.ifreq(a, name);
            Structs.sockaddrIn(r, Structs.IFR_IFRU, local);
            ioctl(sock, Structs.SIOCSIFADDR, r, "SIOCSIFADDR " + Ipv4Prefix.format(local), name);

            r = Structs.ifreq(a, name);
            Structs.sockaddrIn(r, Structs.IFR_IFRU, remote);
            ioctl(sock, Structs.SIOCSIFDSTADDR, r, "SIOCSIFDSTADDR " + Ipv4Prefix.format(remote), name);

            r = Structs.ifreq(a, name);
            Structs.sockaddrIn(r, Structs.IFR_IFRU, -1);
            ioctl(sock, Structs.SIOCSIFNETMASK, r, "SIOCSIFNETMASK 255.255.255.255", name);

            r = Structs.ifreq(a, name);
            r.set(JAVA_INT, Structs.IFR_IFRU, mtu);
            ioctl(sock, Structs.SIOCSIFMTU, r, "SIOCSIFMTU " + mtu, name);

            noKernelLinkLocal(name);
            r = Structs.ifreq(a, name);
            ioctl(sock, Structs.SIOCGIFFLAGS, r, "SIOCGIFFLAGS", name);
            short flags = r.get(JAVA_SHORT, Structs.IFR_IFRU);
            r.set(JAVA_SHORT, Structs.IFR_IFRU, (short) (flags | Structs.IFF_UP | Structs.IFF_RUNNING));
            ioctl(sock, Structs.SIOCSIFFLAGS, r, "SIOCSIFFLAGS up", name);
        } finally {
            Libc.close(sock);
        }
    }

    /**
     * The link-local address comes from IPV6CP, as on pppd's ppp0, so the kernel must not invent one
     * of its own when the interface goes up (addr_gen_mode 1 = none). The /proc/sys/net file of the
     * namespace this thread is in; no IPv6 at all is fine too.
     */
    private static void noKernelLinkLocal(String name) {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("/proc/sys/net/ipv6/conf", name, "addr_gen_mode"), "1");
        } catch (java.io.IOException | RuntimeException ignored) {
            // IPv6 disabled or not built: nothing to generate either.
        }
    }

    /** fe80::id/64 on the interface: SIOCSIFADDR on an AF_INET6 socket with a struct in6_ifreq. */
    static void addIpv6LinkLocal(String name, long interfaceId) throws NetException {
        int sock4 = socket(Libc.AF_INET);
        int index;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment r = Structs.ifreq(a, name);
            ioctl(sock4, Structs.SIOCGIFINDEX, r, "SIOCGIFINDEX", name);
            index = r.get(JAVA_INT, Structs.IFR_IFRU);
        } finally {
            Libc.close(sock4);
        }
        int sock6 = socket(Libc.AF_INET6);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment r = a.allocate(Structs.IN6_IFREQ);
            r.set(JAVA_BYTE, 0, (byte) 0xfe);
            r.set(JAVA_BYTE, 1, (byte) 0x80);
            for (int i = 0; i < 8; i++) {
                r.set(JAVA_BYTE, 8 + i, (byte) (interfaceId >>> (56 - 8 * i)));
            }
            r.set(JAVA_INT, Structs.offset(Structs.IN6_IFREQ, "ifr6_prefixlen"), 64);
            r.set(JAVA_INT, Structs.offset(Structs.IN6_IFREQ, "ifr6_ifindex"), index);
            try {
                Libc.ioctl(sock6, Structs.SIOCSIFADDR, r, "SIOCSIFADDR (IPv6 link-local)");
            } catch (Libc.ErrnoException e) {
                if (e.errno != Libc.EEXIST) {
                    throw new NetException(name + ": " + e.getMessage());
                }
            }
        } finally {
            Libc.close(sock6);
        }
    }

    static int socket(int family) throws NetException {
        try {
            return Libc.socket(family, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC);
        } catch (Libc.ErrnoException e) {
            throw new NetException("cannot open a control socket: " + e.getMessage());
        }
    }

    static void ioctl(int sock, long request, MemorySegment arg, String what, String name) throws NetException {
        try {
            Libc.ioctl(sock, request, arg, what);
        } catch (Libc.ErrnoException e) {
            throw new NetException(name + ": " + e.getMessage());
        }
    }
}
