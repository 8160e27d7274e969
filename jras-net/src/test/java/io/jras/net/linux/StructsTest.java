package io.jras.net.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java layouts of the kernel structs against the C compiler's view of the same headers:
 * a small C program prints sizeof/offsetof and the request numbers. gcc is in test.sh PACKAGES;
 * without it this test fails, it does not skip.
 */
class StructsTest {

    static final String PROGRAM = """
            #include <stdio.h>
            #include <stddef.h>
            #include <sys/ioctl.h>
            #include <net/if.h>
            #include <net/route.h>
            #include <netinet/in.h>
            #include <linux/ipv6.h>
            #include <linux/if_tun.h>
            #include <linux/sockios.h>
            #define F(s, f) printf(#s "." #f "=%zu\\n", offsetof(struct s, f))
            #define S(s) printf(#s ".size=%zu\\n", sizeof(struct s))
            #define N(n) printf(#n "=%lu\\n", (unsigned long) (n))
            int main(void) {
              S(ifreq); F(ifreq, ifr_name); F(ifreq, ifr_ifru);
              S(sockaddr_in); F(sockaddr_in, sin_port); F(sockaddr_in, sin_addr);
              S(in6_ifreq); F(in6_ifreq, ifr6_prefixlen); F(in6_ifreq, ifr6_ifindex);
              S(rtentry); F(rtentry, rt_dst); F(rtentry, rt_gateway); F(rtentry, rt_genmask);
              F(rtentry, rt_flags); F(rtentry, rt_metric); F(rtentry, rt_dev); F(rtentry, rt_mtu); F(rtentry, rt_irtt);
              N(TUNSETIFF); N(IFF_TUN); N(IFF_NO_PI); N(SIOCADDRT); N(SIOCDELRT); N(SIOCGIFFLAGS); N(SIOCSIFFLAGS);
              N(SIOCSIFADDR); N(SIOCSIFDSTADDR); N(SIOCSIFNETMASK); N(SIOCSIFMTU); N(SIOCGIFINDEX);
              N(IFF_UP); N(IFF_RUNNING); N(RTF_UP); N(RTF_GATEWAY); N(RTF_HOST);
              return 0;
            }
            """;

    static Map<String, Long> c = new HashMap<>();

    @BeforeAll
    static void compile(@TempDir Path dir) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("layout.c"), PROGRAM);
        Process cc = new ProcessBuilder("gcc", "-o", "layout", "layout.c").directory(dir.toFile())
                .redirectErrorStream(true).start();
        String ccOut = new String(cc.getInputStream().readAllBytes());
        assertThat(cc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(cc.exitValue()).as("gcc: " + ccOut).isZero();
        Process run = new ProcessBuilder(dir.resolve("layout").toString()).start();
        for (String line : new String(run.getInputStream().readAllBytes()).split("\n")) {
            String[] kv = line.split("=");
            c.put(kv[0], Long.parseLong(kv[1]));
        }
        assertThat(run.waitFor()).isZero();
    }

    @Test
    void ifreqMatchesNetIfH() {
        assertThat(Structs.IFREQ.byteSize()).isEqualTo(c.get("ifreq.size"));
        assertThat(Structs.IFR_NAME).isEqualTo(c.get("ifreq.ifr_name"));
        assertThat(Structs.IFR_IFRU).isEqualTo(c.get("ifreq.ifr_ifru"));
        assertThat(Structs.SOCKADDR_IN.byteSize()).isEqualTo(c.get("sockaddr_in.size"));
        assertThat(Structs.offset(Structs.SOCKADDR_IN, "sin_port")).isEqualTo(c.get("sockaddr_in.sin_port"));
        assertThat(Structs.offset(Structs.SOCKADDR_IN, "sin_addr")).isEqualTo(c.get("sockaddr_in.sin_addr"));
    }

    @Test
    void in6IfreqMatchesLinuxIpv6H() {
        assertThat(Structs.IN6_IFREQ.byteSize()).isEqualTo(c.get("in6_ifreq.size"));
        assertThat(Structs.offset(Structs.IN6_IFREQ, "ifr6_prefixlen")).isEqualTo(c.get("in6_ifreq.ifr6_prefixlen"));
        assertThat(Structs.offset(Structs.IN6_IFREQ, "ifr6_ifindex")).isEqualTo(c.get("in6_ifreq.ifr6_ifindex"));
    }

    @Test
    void rtentryMatchesNetRouteH() {
        assertThat(Structs.RTENTRY.byteSize()).isEqualTo(c.get("rtentry.size"));
        for (String f : new String[] {"rt_dst", "rt_gateway", "rt_genmask", "rt_flags", "rt_metric", "rt_dev",
                "rt_mtu", "rt_irtt"}) {
            assertThat(Structs.offset(Structs.RTENTRY, f)).as(f).isEqualTo(c.get("rtentry." + f));
        }
    }

    @Test
    void requestNumbersAndFlagsMatchTheHeaders() {
        assertThat(Structs.TUNSETIFF).isEqualTo(c.get("TUNSETIFF"));
        assertThat((long) Structs.IFF_TUN).isEqualTo(c.get("IFF_TUN"));
        assertThat((long) Structs.IFF_NO_PI).isEqualTo(c.get("IFF_NO_PI"));
        assertThat(Structs.SIOCADDRT).isEqualTo(c.get("SIOCADDRT"));
        assertThat(Structs.SIOCDELRT).isEqualTo(c.get("SIOCDELRT"));
        assertThat(Structs.SIOCGIFFLAGS).isEqualTo(c.get("SIOCGIFFLAGS"));
        assertThat(Structs.SIOCSIFFLAGS).isEqualTo(c.get("SIOCSIFFLAGS"));
        assertThat(Structs.SIOCSIFADDR).isEqualTo(c.get("SIOCSIFADDR"));
        assertThat(Structs.SIOCSIFDSTADDR).isEqualTo(c.get("SIOCSIFDSTADDR"));
        assertThat(Structs.SIOCSIFNETMASK).isEqualTo(c.get("SIOCSIFNETMASK"));
        assertThat(Structs.SIOCSIFMTU).isEqualTo(c.get("SIOCSIFMTU"));
        assertThat(Structs.SIOCGIFINDEX).isEqualTo(c.get("SIOCGIFINDEX"));
        assertThat((long) Structs.IFF_UP).isEqualTo(c.get("IFF_UP"));
        assertThat((long) Structs.IFF_RUNNING).isEqualTo(c.get("IFF_RUNNING"));
        assertThat((long) Structs.RTF_UP).isEqualTo(c.get("RTF_UP"));
        assertThat((long) Structs.RTF_GATEWAY).isEqualTo(c.get("RTF_GATEWAY"));
        assertThat((long) Structs.RTF_HOST).isEqualTo(c.get("RTF_HOST"));
    }

    @Test
    void ifreqCarriesTheNameAndANetworkOrderAddress() {
        try (var a = java.lang.foreign.Arena.ofConfined()) {
            var r = Structs.ifreq(a, "jras%d");
            Structs.sockaddrIn(r, Structs.IFR_IFRU, 0xc0000201);
            assertThat(Structs.ifrName(r)).isEqualTo("jras%d");
            byte[] raw = r.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            // sin_family AF_INET in host order (little-endian here), then port 0, then 192.0.2.1 as on the wire.
            assertThat(raw[16]).isEqualTo((byte) 2);
            assertThat(new byte[] {raw[20], raw[21], raw[22], raw[23]}).containsExactly(192, 0, 2, 1);
        }
    }
}
