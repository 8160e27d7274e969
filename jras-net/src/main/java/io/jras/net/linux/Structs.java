package io.jras.net.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The kernel structures and request numbers of the interface ioctls, for Linux on x86-64 and
 * aarch64 (LP64). Each layout names the header it comes from; {@code StructsTest} compares the
 * offsets and sizes with what the C compiler says for the same headers.
 */
final class Structs {

    /** IFNAMSIZ from <net/if.h>: names are at most 15 bytes plus the NUL. */
    static final int IFNAMSIZ = 16;

    // <linux/if_tun.h>
    /** TUNSETIFF = _IOW('T', 202, int). */
    static final long TUNSETIFF = 0x400454caL;
    static final short IFF_TUN = 0x0001;
    /** No 4-byte packet information header before each packet: the fd carries bare IP datagrams. */
    static final short IFF_NO_PI = 0x1000;

    // <linux/sockios.h>
    static final long SIOCADDRT = 0x890B;
    static final long SIOCDELRT = 0x890C;
    static final long SIOCGIFFLAGS = 0x8913;
    static final long SIOCSIFFLAGS = 0x8914;
    static final long SIOCSIFADDR = 0x8916;
    static final long SIOCSIFDSTADDR = 0x8918;
    static final long SIOCSIFNETMASK = 0x891c;
    static final long SIOCSIFMTU = 0x8922;
    static final long SIOCGIFINDEX = 0x8933;

    // <net/if.h> interface flags
    static final short IFF_UP = 0x1;
    static final short IFF_POINTOPOINT = 0x10;
    static final short IFF_RUNNING = 0x40;
    static final short IFF_NOARP = 0x80;

    // <net/route.h> route flags
    static final short RTF_UP = 0x0001;
    static final short RTF_GATEWAY = 0x0002;
    static final short RTF_HOST = 0x0004;

    /** Addresses and ports inside sockaddrs are in network byte order. */
    static final ValueLayout.OfInt NET_INT = JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfShort NET_SHORT = JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);

    /** struct sockaddr_in from <netinet/in.h>: sa_family_t sin_family; in_port_t sin_port; struct in_addr sin_addr; zero[8]. */
    static final StructLayout SOCKADDR_IN = MemoryLayout.structLayout(
            JAVA_SHORT.withName("sin_family"),
            NET_SHORT.withName("sin_port"),
            NET_INT.withName("sin_addr"),
            MemoryLayout.sequenceLayout(8, JAVA_BYTE).withName("sin_zero"));

    /**
     * struct ifreq from <net/if.h>: the name, then a union whose largest member is struct ifmap
     * (24 bytes on LP64); ifr_addr, ifr_dstaddr and ifr_netmask are all the same struct sockaddr slot.
     */
    static final StructLayout IFREQ = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(IFNAMSIZ, JAVA_BYTE).withName("ifr_name"),
            MemoryLayout.unionLayout(
                    SOCKADDR_IN.withName("ifr_addr"),
                    JAVA_SHORT.withName("ifr_flags"),
                    JAVA_INT.withName("ifr_mtu"),
                    JAVA_INT.withName("ifr_ifindex"),
                    MemoryLayout.sequenceLayout(24, JAVA_BYTE).withName("ifr_map")).withName("ifr_ifru"));

    static final long IFR_NAME = IFREQ.byteOffset(MemoryLayout.PathElement.groupElement("ifr_name"));
    static final long IFR_IFRU = IFREQ.byteOffset(MemoryLayout.PathElement.groupElement("ifr_ifru"));

    /** struct in6_ifreq from <linux/ipv6.h>: struct in6_addr ifr6_addr; __u32 ifr6_prefixlen; int ifr6_ifindex. */
    static final StructLayout IN6_IFREQ = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(16, JAVA_BYTE).withName("ifr6_addr"),
            JAVA_INT.withName("ifr6_prefixlen"),
            JAVA_INT.withName("ifr6_ifindex"));

    /**
     * struct rtentry from <net/route.h> (the SIOCADDRT/SIOCDELRT argument). On LP64 the unsigned longs
     * and pointers are 8 bytes, so there is padding after rt_pad2, rt_metric and rt_irtt.
     */
    static final StructLayout RTENTRY = MemoryLayout.structLayout(
            JAVA_LONG.withName("rt_pad1"),
            SOCKADDR_IN.withName("rt_dst"),
            SOCKADDR_IN.withName("rt_gateway"),
            SOCKADDR_IN.withName("rt_genmask"),
            JAVA_SHORT.withName("rt_flags"),
            JAVA_SHORT.withName("rt_pad2"),
            MemoryLayout.paddingLayout(4),
            JAVA_LONG.withName("rt_pad3"),
            ADDRESS.withName("rt_pad4"),
            JAVA_SHORT.withName("rt_metric"),
            MemoryLayout.paddingLayout(6),
            ADDRESS.withName("rt_dev"),
            JAVA_LONG.withName("rt_mtu"),
            JAVA_LONG.withName("rt_window"),
            JAVA_SHORT.withName("rt_irtt"),
            MemoryLayout.paddingLayout(6));

    private Structs() {
    }

    static long offset(StructLayout layout, String field) {
        return layout.byteOffset(MemoryLayout.PathElement.groupElement(field));
    }

    /** A zeroed struct ifreq with {@code name} in ifr_name. */
    static MemorySegment ifreq(Arena arena, String name) {
        MemorySegment r = arena.allocate(IFREQ);
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        if (n.length >= IFNAMSIZ) {
            throw new IllegalArgumentException("interface name longer than 15 bytes: " + name);
        }
        MemorySegment.copy(n, 0, r, JAVA_BYTE, IFR_NAME, n.length);
        return r;
    }

    static String ifrName(MemorySegment ifreq) {
        return ifreq.asSlice(IFR_NAME, IFNAMSIZ).getString(0, StandardCharsets.US_ASCII);
    }

    /** Writes an AF_INET sockaddr_in for {@code address} (host-order int) at {@code offset}. */
    static void sockaddrIn(MemorySegment s, long offset, int address) {
        s.set(JAVA_SHORT, offset, (short) Libc.AF_INET);
        s.set(NET_SHORT, offset + 2, (short) 0);
        s.set(NET_INT, offset + 4, address);
    }
}
