package io.jras.server;

import io.jras.link.DeviceSpec;
import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.server.pool.AddressRange;
import io.jras.server.radius.RadiusConfig;
import io.jras.server.radius.RadiusNas;
import io.jras.server.radius.RadiusSecret;
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
 * @param radius              HOST:PORT of a RADIUS server that decides instead of a users file
 * @param radiusSecretFile    the file whose first line is the RADIUS shared secret (read where the server runs)
 * @param radiusAcctPort      the accounting port; null = the {@code radius} port + 1
 */
public record ServeRequest(List<String> listen, String pool, String users, String auth, String dns,
                           String localAddress, String name, Integer maxSessions, Long negotiationTimeout,
                           Double rate, Integer burst, boolean trace, String radius, String radiusSecretFile,
                           Integer radiusAcctPort) {

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
        RadiusConfig radiusConfig = radius(config);
        UserDirectory users = directory(config, log);
        if (radiusConfig == null) {
            return new AnswerServer(config, users, listener, log);
        }
        RadiusNas nas;
        try {
            nas = new RadiusNas(radiusConfig);
        } catch (IOException e) {
            throw new IllegalArgumentException("--radius: cannot open a UDP socket: " + e.getMessage(), e);
        }
        return new AnswerServer(config, users, nas, listener, log);
    }

    /**
     * The RADIUS server that decides who may call, or null without {@code --radius}.
     * IllegalArgumentException for options that do not fit together or a secret file that cannot be
     * read; the file's content never reaches a message.
     */
    public RadiusConfig radius(ServerConfig config) {
        if (radius == null) {
            if (radiusSecretFile != null || radiusAcctPort != null) {
                throw new IllegalArgumentException("--radius-secret-file and --radius-acct-port need --radius HOST:PORT");
            }
            return null;
        }
        if (users != null) {
            throw new IllegalArgumentException("--users and --radius exclude each other: RADIUS decides who may call");
        }
        if (config.auth().isEmpty()) {
            throw new IllegalArgumentException("--radius has no use with --auth none");
        }
        if (radiusSecretFile == null) {
            throw new IllegalArgumentException("--radius needs --radius-secret-file FILE");
        }
        RadiusSecret secret;
        try {
            secret = RadiusSecret.readFirstLine(Path.of(radiusSecretFile));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("--radius-secret-file: no such file " + radiusSecretFile);
        } catch (IOException e) {
            throw new IllegalArgumentException("--radius-secret-file: cannot read " + radiusSecretFile
                    + (e.getMessage() != null && e.getMessage().contains("is empty") ? ": the first line is empty" : ""));
        }
        InetSocketAddress auth;
        try {
            auth = RadiusConfig.parseServer(radius);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--radius: " + e.getMessage(), e);
        }
        RadiusConfig c = RadiusConfig.of(auth, secret, config.name());
        if (radiusAcctPort != null) {
            if (radiusAcctPort < 1 || radiusAcctPort > 65535) {
                throw new IllegalArgumentException("--radius-acct-port must be 1-65535");
            }
            c = c.withAcctServer(new InetSocketAddress(auth.getAddress(), radiusAcctPort));
        }
        return c;
    }

    /**
     * Who may call: the users file loaded (and re-read when it changes), or nobody checked with
     * {@code --auth none}. IllegalArgumentException for a missing, unreadable or broken file (its
     * message names the file and line, never a secret).
     */
    public UserDirectory directory(ServerConfig config, Consumer<String> log) {
        List<AuthProtocol> protocols = config.auth();
        if (radius != null) {
            return UserDirectory.NONE; // RADIUS decides; radius(config) checks the options
        }
        if (protocols.isEmpty()) {
            if (users != null) {
                throw new IllegalArgumentException("--users has no use with --auth none");
            }
            return UserDirectory.NONE;
        }
        if (users == null) {
            throw new IllegalArgumentException("--auth " + (auth == null ? "mschapv2,chap" : auth)
                    + " needs --users FILE or --radius HOST:PORT (or --auth none)");
        }
        try {
            return UsersFile.load(Path.of(users), config.name(), UsersFile.DEFAULT_RECHECK, log);
        } catch (IOException e) {
            throw new IllegalArgumentException("--users: " + (e instanceof UsersFileException
                    ? e.getMessage() : "cannot read " + users + ": " + e.getMessage()), e);
        }
    }
}
