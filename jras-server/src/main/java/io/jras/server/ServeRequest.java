package io.jras.server;

import io.jras.link.DeviceSpec;
import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.server.pool.AddressRange;
import io.jras.server.users.UserDirectory;
import io.jras.server.users.UsersFile;
import io.jras.server.users.UsersFileException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What {@code jras serve} asks for, as the text its options were given in: the CLI checks it, the
 * daemon's {@code serverStart} receives it as JSON and builds the same {@link ServerConfig} from
 * it, so both read the options one way. Null means "the default". It names the users file by its
 * (absolute) path; the secrets inside never travel.
 *
 * @param listen              tcp:HOST:PORT, one or more
 * @param pool                FIRST-LAST
 * @param users               the users file (pppd's chap-secrets format); null with auth none
 * @param auth                pap,chap,mschapv2 in order of preference, or none
 * @param dns                 A[,B]
 * @param negotiationTimeout  seconds
 * @param rate                new connections per second per source; 0 = no limit
 */
public record ServeRequest(List<String> listen, String pool, String users, String auth, String dns,
                           String localAddress, String name, Integer maxSessions, Long negotiationTimeout,
                           Double rate, Integer burst, boolean trace) {

    public ServeRequest {
        listen = listen == null ? List.of() : List.copyOf(listen);
    }

    /** The server's configuration; IllegalArgumentException says what is wrong, in the options' terms. */
    public ServerConfig config() {
        if (pool == null) {
            throw new IllegalArgumentException("--pool is required");
        }
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String l : listen) {
            if (!(DeviceSpec.parse(l) instanceof DeviceSpec.Tcp tcp)) {
                throw new IllegalArgumentException("--listen takes tcp:HOST:PORT, not '" + l + "'");
            }
            addresses.add(new InetSocketAddress(tcp.host(), tcp.port()));
        }
        ServerLimits d = ServerLimits.DEFAULTS;
        ServerLimits limits = d.withMaxSessions(maxSessions == null ? d.maxSessions() : maxSessions)
                .withNegotiationTimeout(negotiationTimeout == null ? d.negotiationTimeout() : Duration.ofSeconds(negotiationTimeout))
                .withConnectRate(rate == null ? d.connectsPerSecond() : rate, burst == null ? d.connectBurst() : burst);
        ServerConfig c = ServerConfig.of(addresses, AddressRange.parse(pool))
                .withAuth(ServerConfig.parseAuth(auth == null ? "mschapv2,chap" : auth))
                .withName(name == null ? ServerConfig.DEFAULT_NAME : name).withLimits(limits).withTrace(trace);
        if (localAddress != null) {
            c = c.withLocalAddress(Ipv4.parse(localAddress));
        }
        if (dns != null) {
            String[] d2 = dns.split(",", -1);
            if (d2.length > 2) {
                throw new IllegalArgumentException("--dns takes at most two addresses");
            }
            c = c.withDns(Ipv4.parse(d2[0]), d2.length > 1 ? Ipv4.parse(d2[1]) : 0);
        }
        return c;
    }

    /**
     * The server these options describe, built but not started: where the daemon's
     * {@code serverStart} makes one (options that add to the server, such as other kinds of lines or
     * another source of users, belong here too, so the CLI and the daemon cannot drift apart).
     *
     * @throws IllegalArgumentException a bad option
     */
    public AnswerServer newServer(SessionListener listener, Consumer<String> log) {
        ServerConfig config = config();
        return new AnswerServer(config, directory(config, log), listener, log);
    }

    /**
     * Who may call: the users file loaded (and re-read when it changes), or nobody checked with
     * {@code --auth none}. IllegalArgumentException for a missing, unreadable or broken file (its
     * message names the file and line, never a secret).
     */
    public UserDirectory directory(ServerConfig config, Consumer<String> log) {
        List<AuthProtocol> protocols = config.auth();
        if (protocols.isEmpty()) {
            if (users != null) {
                throw new IllegalArgumentException("--users has no use with --auth none");
            }
            return UserDirectory.NONE;
        }
        if (users == null) {
            throw new IllegalArgumentException("--auth " + (auth == null ? "mschapv2,chap" : auth)
                    + " needs --users FILE (or --auth none)");
        }
        try {
            return UsersFile.load(Path.of(users), config.name(), UsersFile.DEFAULT_RECHECK, log);
        } catch (IOException e) {
            throw new IllegalArgumentException("--users: " + (e instanceof UsersFileException
                    ? e.getMessage() : "cannot read " + users + ": " + e.getMessage()), e);
        }
    }
}
