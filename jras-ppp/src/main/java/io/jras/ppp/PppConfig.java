package io.jras.ppp;

import io.jras.ppp.auth.AuthConfig;
import io.jras.ppp.auth.PeerVerifier;
import io.jras.ppp.auth.SecretLookup;
import io.jras.ppp.fsm.FsmConfig;
import io.jras.ppp.ipcp.IpcpConfig;
import io.jras.ppp.lcp.LcpConfig;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Everything one {@link PppEngine} needs. Immutable; build one with {@link #client(String, String)}
 * or {@link #authenticator(List, PeerVerifier, IpcpConfig)} and adjust with the {@code with} methods.
 *
 * @param lcp              LCP wants and allows, authentication roles included
 * @param ipcp             IPCP addresses and DNS
 * @param ipv6             run IPV6CP beside IPCP
 * @param fsm              Restart timer and counters, for every control protocol
 * @param auth             PAP and CHAP timers and retry limits (pppd's defaults)
 * @param user             our name when we authenticate (authenticatee role)
 * @param password         our secret when we authenticate; never printed
 * @param verifier         judges the peers when we authenticate them (authenticator role): a
 *                         {@link SecretLookup} at once, or {@link PeerVerifier#DEFERRED} through
 *                         {@link PppEvent.VerifyPeer} and {@link PppEngine#verdict}
 * @param localName        our name in CHAP Challenges
 * @param random           source of Magic-Numbers, challenges and interface identifiers
 * @param trace            receives one line per packet and per state change; never a secret
 */
public record PppConfig(LcpConfig lcp, IpcpConfig ipcp, boolean ipv6, FsmConfig fsm,
                        AuthConfig auth,
                        String user, String password, PeerVerifier verifier, String localName,
                        RandomGenerator random, Consumer<String> trace) {

    public PppConfig {
        auth = auth == null ? AuthConfig.DEFAULTS : auth;
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        verifier = verifier == null ? (SecretLookup) name -> Optional.empty() : verifier;
        localName = localName == null ? "jras" : localName;
        random = random == null ? new java.security.SecureRandom() : random;
        trace = trace == null ? line -> { } : trace;
    }

    /** A dialing client that authenticates as {@code user} with whatever the peer asks. */
    public static PppConfig client(String user, String password) {
        return new PppConfig(LcpConfig.client(), IpcpConfig.client(), true, FsmConfig.DEFAULT,
                AuthConfig.DEFAULTS, user, password, null, "jras", null, null);
    }

    /** An answering side that requires one of {@code require} (in order of preference) of the peer. */
    public static PppConfig authenticator(List<AuthProtocol> require, SecretLookup secrets, IpcpConfig ipcp) {
        return authenticator(require, (PeerVerifier) secrets, ipcp);
    }

    /** The same, judging the peer with {@code verifier} (e.g. {@link PeerVerifier#DEFERRED} for RADIUS). */
    public static PppConfig authenticator(List<AuthProtocol> require, PeerVerifier verifier, IpcpConfig ipcp) {
        LcpConfig lcp = LcpConfig.client().withRequireAuth(require).withAcceptAuth(Set.of());
        return new PppConfig(lcp, ipcp, true, FsmConfig.DEFAULT,
                AuthConfig.DEFAULTS, "", "", verifier, "jras", null, null);
    }

    public PppConfig withLcp(LcpConfig newLcp) {
        return new PppConfig(newLcp, ipcp, ipv6, fsm, auth, user, password,
                verifier, localName, random, trace);
    }

    public PppConfig withIpcp(IpcpConfig newIpcp) {
        return new PppConfig(lcp, newIpcp, ipv6, fsm, auth, user, password,
                verifier, localName, random, trace);
    }

    public PppConfig withIpv6(boolean on) {
        return new PppConfig(lcp, ipcp, on, fsm, auth, user, password,
                verifier, localName, random, trace);
    }

    public PppConfig withFsm(FsmConfig newFsm) {
        return new PppConfig(lcp, ipcp, ipv6, newFsm, auth, user, password,
                verifier, localName, random, trace);
    }

    public PppConfig withRandom(RandomGenerator newRandom) {
        return new PppConfig(lcp, ipcp, ipv6, fsm, auth, user, password,
                verifier, localName, newRandom, trace);
    }

    public PppConfig withTrace(Consumer<String> newTrace) {
        return new PppConfig(lcp, ipcp, ipv6, fsm, auth, user, password,
                verifier, localName, random, newTrace);
    }

    public PppConfig withAuth(AuthConfig newAuth) {
        return new PppConfig(lcp, ipcp, ipv6, fsm, newAuth, user, password, verifier, localName, random, trace);
    }

    public PppConfig withLocalName(String name) {
        return new PppConfig(lcp, ipcp, ipv6, fsm, auth, user, password,
                verifier, name, random, trace);
    }

    public PppConfig withCredentials(String newUser, String newPassword) {
        return new PppConfig(lcp, ipcp, ipv6, fsm, auth, newUser, newPassword,
                verifier, localName, random, trace);
    }

    /** The password is a secret: it never appears here. */
    @Override
    public String toString() {
        return "PppConfig[lcp=" + lcp + ", ipcp=" + ipcp + ", ipv6=" + ipv6 + ", fsm=" + fsm + ", user=" + user
                + ", password=<hidden>, localName=" + localName + "]";
    }
}
