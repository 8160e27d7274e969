package io.jras.server;

import io.jras.core.iface.InterfacePolicy;
import io.jras.link.DeviceSpec;
import io.jras.link.modem.AnswerConfig;
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
 * @param modemInit           the AT commands that set up a modem line (each answered OK); empty = the default
 * @param rings               answer a modem call at this RING; null = 1
 * @param interfaces          give each session a host network interface (TUN)
 * @param netns               the network namespace for those interfaces; null = the server's own
 */
public record ServeRequest(List<String> listen, String pool, String users, String auth, String dns,
                           String localAddress, String name, Integer maxSessions, Long negotiationTimeout,
                           Double rate, Integer burst, boolean trace, String radius, String radiusSecretFile,
                           Integer radiusAcctPort, List<String> modemInit, Integer rings, boolean interfaces,
                           String netns) {

    public ServeRequest {
        listen = listen == null ? List.of() : List.copyOf(listen);
        modemInit = modemInit == null ? List.of() : List.copyOf(modemInit);
    }

    /** The server's configuration; IllegalArgumentException says what is wrong, in the options' terms. */
    public ServerConfig config() {
        if (pool == null) {
            throw new IllegalArgumentException("--pool is required");
        }
        List<InetSocketAddress> addresses = new ArrayList<>();
        if (listen.isEmpty()) {
            throw new IllegalArgumentException("--listen is required");
        }
        for (String l : listen) {
            switch (parseListen(l)) {
                case DeviceSpec.Tcp tcp -> addresses.add(new InetSocketAddress(tcp.host(), tcp.port()));
                case DeviceSpec.Modem modem -> { } // see modemLines()
                default -> throw new IllegalArgumentException(
                        "--listen takes tcp:HOST:PORT, modem:tcp:HOST:PORT or modem:PATH[@BAUD], not '" + l + "'");
            }
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
        if (interfaces) {
            InterfacePolicy ifaces = InterfacePolicy.ON;
            c = c.withInterfaces(netns == null ? ifaces : ifaces.withNamespace(netns));
        } else if (netns != null) {
            throw new IllegalArgumentException("--netns has no use without --interfaces");
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
        AnswerConfig answering = answerConfig();
        RadiusNas nas = null;
        if (radiusConfig != null) {
            try {
                nas = new RadiusNas(radiusConfig);
            } catch (IOException e) {
                throw new IllegalArgumentException("--radius: cannot open a UDP socket: " + e.getMessage(), e);
            }
        }
        AnswerServer server = new AnswerServer(config, users, nas, listener, log);
        for (DeviceSpec.Modem line : modemLines()) {
            server.addModemLine(line, answering);
        }
        return server;
    }

    /** The {@code modem:...} lines of {@code --listen}, answered one call at a time each. */
    public List<DeviceSpec.Modem> modemLines() {
        List<DeviceSpec.Modem> lines = new ArrayList<>();
        for (String l : listen) {
            if (parseListen(l) instanceof DeviceSpec.Modem modem) {
                lines.add(modem);
            }
        }
        return lines;
    }

    /** How modem lines answer: {@code --rings}, {@code --modem-init}. */
    public AnswerConfig answerConfig() {
        AnswerConfig c = AnswerConfig.DEFAULTS.withRings(rings == null ? 1 : rings);
        return modemInit.isEmpty() ? c : c.withInitCommands(modemInit.toArray(String[]::new));
    }

    private static DeviceSpec parseListen(String l) {
        try {
            return DeviceSpec.parse(l);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--listen " + l + ": " + e.getMessage(), e);
        }
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
