package io.jras.net;

import io.jras.net.linux.LinuxInterface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Opens host interfaces, and says up front whether this process can. */
public final class NetInterfaces {

    /** CAP_NET_ADMIN from <linux/capability.h>: what TUNSETIFF and the SIOCS* ioctls need. */
    static final int CAP_NET_ADMIN = 12;

    private NetInterfaces() {
    }

    /**
     * Why this process cannot create interfaces, or empty if it may try: not Linux, no CAP_NET_ADMIN
     * in the effective set (not root and no capability granted), or no /dev/net/tun.
     */
    public static Optional<String> unavailableReason() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.of("host interfaces need Linux (this is " + System.getProperty("os.name") + ")");
        }
        String status;
        try {
            status = Files.readString(Path.of("/proc/self/status"));
        } catch (IOException e) {
            return Optional.of("cannot read /proc/self/status to check CAP_NET_ADMIN: " + e.getMessage());
        }
        if (!hasNetAdmin(status)) {
            return Optional.of("no permission to create a network interface: the process lacks CAP_NET_ADMIN"
                    + " (run the daemon as root or grant it cap_net_admin)");
        }
        if (!Files.exists(Path.of("/dev/net/tun"))) {
            return Optional.of("/dev/net/tun does not exist (load the tun module: modprobe tun)");
        }
        return Optional.empty();
    }

    /** Whether a /proc/PID/status text has CAP_NET_ADMIN in CapEff. */
    static boolean hasNetAdmin(String procStatus) {
        for (String line : procStatus.split("\n")) {
            if (line.startsWith("CapEff:")) {
                long caps = Long.parseUnsignedLong(line.substring(7).strip(), 16);
                return (caps & (1L << CAP_NET_ADMIN)) != 0;
            }
        }
        return false;
    }

    /**
     * Creates, addresses and brings up an interface; on any failure nothing is left behind.
     *
     * @param toLink receives the datagrams the host sends into the interface, on a platform thread of the interface
     */
    public static NetInterface open(InterfaceSpec spec, DatagramSink toLink) throws NetException {
        Optional<String> why = unavailableReason();
        if (why.isPresent()) {
            throw new NetException(why.get());
        }
        return LinuxInterface.open(spec, toLink);
    }
}
