package io.jras.core;

import io.jras.net.RouteSpec;
import io.jras.ppp.AuthProtocol;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one dial needs, resolved from a phonebook entry or given directly.
 *
 * @param entryName     the phonebook entry, or null for a dial by number only
 * @param phonebook     the phonebook the entry came from, or null
 * @param device        how to reach the peer
 * @param phoneNumbers  primary number first, then alternates (empty for a direct line)
 * @param user          the user name to authenticate with
 * @param password      the password; never printed
 * @param acceptAuth    the protocols we agree to authenticate with
 * @param ipv6          negotiate IPV6CP too
 * @param policy        redial, reconnect, idle, maximum time, keepalive
 * @param owner         who dialed (a uid for the daemon); -1 = this process
 * @param allUsers      visible to and controllable by every user
 * @param routes        the routes of the connection's host interface (rasphone.pbk IpPrioritizeRemote, JrasRoutes),
 *                      or null for the manager's ({@link io.jras.core.iface.InterfacePolicy#routes()})
 */
public record DialRequest(String entryName, Path phonebook, Device device, List<String> phoneNumbers,
                          String user, String password, Set<AuthProtocol> acceptAuth, boolean ipv6,
                          DialPolicy policy, int owner, boolean allUsers, RouteSpec routes) {

    public DialRequest {
        Objects.requireNonNull(device, "device");
        phoneNumbers = List.copyOf(phoneNumbers);
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        acceptAuth = Set.copyOf(acceptAuth);
        policy = policy == null ? DialPolicy.DEFAULT : policy;
    }

    /** Without routes of its own: the manager's apply. */
    public DialRequest(String entryName, Path phonebook, Device device, List<String> phoneNumbers, String user,
                       String password, Set<AuthProtocol> acceptAuth, boolean ipv6, DialPolicy policy, int owner,
                       boolean allUsers) {
        this(entryName, phonebook, device, phoneNumbers, user, password, acceptAuth, ipv6, policy, owner, allUsers, null);
    }

    public DialRequest withRoutes(RouteSpec r) {
        return new DialRequest(entryName, phonebook, device, phoneNumbers, user, password, acceptAuth, ipv6, policy, owner, allUsers, r);
    }

    /** A dial of {@code entryName} over {@code device}, defaults for the rest. */
    public static DialRequest of(String entryName, Device device, String user, String password) {
        return new DialRequest(entryName, null, device, List.of(), user, password,
                Set.of(AuthProtocol.PAP, AuthProtocol.CHAP_MD5, AuthProtocol.MSCHAP_V2), true, DialPolicy.DEFAULT, -1, false);
    }

    /** The name enumeration shows: the entry, or "." followed by the number for a dial without one. */
    public String displayName() {
        if (entryName != null) {
            return entryName;
        }
        return "." + (phoneNumbers.isEmpty() ? device.name() : phoneNumbers.getFirst());
    }

    public DialRequest withPolicy(DialPolicy p) {
        return new DialRequest(entryName, phonebook, device, phoneNumbers, user, password, acceptAuth, ipv6, p, owner, allUsers, routes);
    }

    public DialRequest withPhoneNumbers(List<String> numbers) {
        return new DialRequest(entryName, phonebook, device, numbers, user, password, acceptAuth, ipv6, policy, owner, allUsers, routes);
    }

    public DialRequest withOwner(int uid, boolean forAllUsers) {
        return new DialRequest(entryName, phonebook, device, phoneNumbers, user, password, acceptAuth, ipv6, policy, uid, forAllUsers, routes);
    }

    public DialRequest withAcceptAuth(Set<AuthProtocol> protocols) {
        return new DialRequest(entryName, phonebook, device, phoneNumbers, user, password, protocols, ipv6, policy, owner, allUsers, routes);
    }

    public DialRequest withIpv6(boolean on) {
        return new DialRequest(entryName, phonebook, device, phoneNumbers, user, password, acceptAuth, on, policy, owner, allUsers, routes);
    }

    /** The password is a secret: it never appears here. */
    @Override
    public String toString() {
        return "DialRequest[" + displayName() + " via " + device.name() + ", user=" + user + ", password=<hidden>]";
    }
}
