package io.jras.core.net;

import io.jras.core.DialRequest;
import io.jras.ppp.Ipv4;
import io.jras.ppp.Projection;
import io.jras.ppp.ipv6cp.Ipv6cp;
import java.util.Objects;

/**
 * What the hook scripts are told about a link: pppd's script arguments and environment, and
 * nothing else. There is deliberately no field for a password or any other secret, so none can
 * reach a script. Empty strings mean "not known" (the variable is then not set, as in pppd).
 *
 * @param ifname      the network interface (IFNAME, argument 1)
 * @param device      the device (DEVICE, argument 2: pppd's tty-device), e.g. {@code tcp:127.0.0.1:7001}
 * @param speed       the link speed in bps (SPEED, argument 3); 0 when the device reports none
 * @param localIp     our IPv4 address (IPLOCAL, argument 4 of ip-up/ip-down)
 * @param remoteIp    the peer's IPv4 address (IPREMOTE, argument 5 of ip-up/ip-down)
 * @param llLocal     our IPv6 link-local address (LLLOCAL, argument 4 of ipv6-up/ipv6-down)
 * @param llRemote    the peer's IPv6 link-local address (LLREMOTE, argument 5 of ipv6-up/ipv6-down)
 * @param ipparam     pppd's {@code ipparam} (argument 6): the phonebook entry name for a jras dial
 * @param linkName    pppd's {@code linkname} (LINKNAME): the phonebook entry name
 * @param callFile    pppd's {@code call} (CALL_FILE): the phonebook entry name, as {@code pon ENTRY} would give
 * @param peerName    the name the peer authenticated as (PEERNAME); only when the peer authenticated
 * @param dns1        the first DNS server the peer supplied (DNS1), whether or not it is applied
 * @param dns2        the second one (DNS2)
 * @param usePeerDns  the entry asks for the peer's DNS servers to be applied (USEPEERDNS=1, as pppd's {@code usepeerdns})
 * @param origUid     the real user id of the user who dialed (ORIG_UID)
 * @param logName     that user's name (PPPLOGNAME)
 * @param pid         the process that runs the link (PPPD_PID): the jras daemon or application
 */
public record LinkFacts(String ifname, String device, long speed, String localIp, String remoteIp,
                        String llLocal, String llRemote, String ipparam, String linkName, String callFile,
                        String peerName, String dns1, String dns2, boolean usePeerDns,
                        int origUid, String logName, long pid) {

    public LinkFacts {
        Objects.requireNonNull(ifname, "ifname");
        device = nz(device);
        localIp = nz(localIp);
        remoteIp = nz(remoteIp);
        llLocal = nz(llLocal);
        llRemote = nz(llRemote);
        ipparam = nz(ipparam);
        linkName = nz(linkName);
        callFile = nz(callFile);
        peerName = nz(peerName);
        dns1 = nz(dns1);
        dns2 = nz(dns2);
        logName = nz(logName);
    }

    /** A link on {@code ifname} over {@code device}, run by this process for its own user. */
    public static LinkFacts of(String ifname, String device, long speed) {
        UnixUser me = UnixUser.current();
        return new LinkFacts(ifname, device, speed, "", "", "", "", "", "", "", "", "", "", false,
                me.uid(), me.name(), ProcessHandle.current().pid());
    }

    /**
     * The facts of a manager connection: the entry name as ipparam, LINKNAME and CALL_FILE, the
     * dialing user (the request's owner, this process's user for -1), and what the projection
     * negotiated. The request's password is not read.
     *
     * @param usePeerDns whether the peer's DNS servers are applied for this connection
     */
    public static LinkFacts forConnection(DialRequest request, String ifname, Projection projection, long bps,
                                          boolean usePeerDns) {
        UnixUser user = request.owner() < 0 ? UnixUser.current() : UnixUser.of(request.owner());
        String entry = request.entryName() == null ? "" : request.entryName();
        LinkFacts f = new LinkFacts(ifname, request.device().name(), bps, "", "", "", "", entry, entry, entry,
                "", "", "", false, user.uid(), user.name(), ProcessHandle.current().pid());
        return projection == null ? f : f.withProjection(projection, usePeerDns);
    }

    /** These facts with what PPP negotiated: addresses, DNS, link-local addresses, the peer's name. */
    public LinkFacts withProjection(Projection p, boolean usePeerDns) {
        String d1 = p.primaryDns() == 0 ? "" : Ipv4.format(p.primaryDns());
        String d2 = p.secondaryDns() == 0 ? "" : Ipv4.format(p.secondaryDns());
        String l4 = p.localAddress() == 0 ? "" : Ipv4.format(p.localAddress());
        String r4 = p.remoteAddress() == 0 ? "" : Ipv4.format(p.remoteAddress());
        String l6 = p.localInterfaceId() == 0 ? "" : linkLocal(p.localInterfaceId());
        String r6 = p.remoteInterfaceId() == 0 ? "" : linkLocal(p.remoteInterfaceId());
        String peer = p.peerAuthenticatedWith() == null ? "" : p.peerName();
        return new LinkFacts(ifname, device, speed, l4, r4, l6, r6, ipparam, linkName, callFile, peer, d1, d2,
                usePeerDns, origUid, logName, pid);
    }

    public LinkFacts withIpv4(String local, String remote) {
        return new LinkFacts(ifname, device, speed, local, remote, llLocal, llRemote, ipparam, linkName, callFile,
                peerName, dns1, dns2, usePeerDns, origUid, logName, pid);
    }

    public LinkFacts withIpv6(String local, String remote) {
        return new LinkFacts(ifname, device, speed, localIp, remoteIp, local, remote, ipparam, linkName, callFile,
                peerName, dns1, dns2, usePeerDns, origUid, logName, pid);
    }

    public LinkFacts withDns(String first, String second, boolean use) {
        return new LinkFacts(ifname, device, speed, localIp, remoteIp, llLocal, llRemote, ipparam, linkName, callFile,
                peerName, first, second, use, origUid, logName, pid);
    }

    /** ipparam, LINKNAME and CALL_FILE at once: what a jras dial of {@code entry} sets. */
    public LinkFacts withEntry(String entry) {
        return new LinkFacts(ifname, device, speed, localIp, remoteIp, llLocal, llRemote, entry, entry, entry,
                peerName, dns1, dns2, usePeerDns, origUid, logName, pid);
    }

    public LinkFacts withPeerName(String name) {
        return new LinkFacts(ifname, device, speed, localIp, remoteIp, llLocal, llRemote, ipparam, linkName, callFile,
                name, dns1, dns2, usePeerDns, origUid, logName, pid);
    }

    public LinkFacts withUser(int uid, String name) {
        return new LinkFacts(ifname, device, speed, localIp, remoteIp, llLocal, llRemote, ipparam, linkName, callFile,
                peerName, dns1, dns2, usePeerDns, uid, name, pid);
    }

    /** pppd's llv6_ntoa: {@code fe80::} and the 64-bit Interface-Identifier in four groups of four hex digits. */
    static String linkLocal(long interfaceId) {
        return "fe80::" + Ipv6cp.format(interfaceId);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
