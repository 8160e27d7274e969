package io.jras.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.ppp.Ipv4;
import io.jras.server.pool.AddressRange;
import io.jras.server.users.UserDirectory;
import io.jras.server.users.UsersFileException;
import io.jras.server.users.UsersTable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An {@link AnswerServer} on 127.0.0.1 with a free port, its log lines and listener calls recorded. */
final class ServerFixture implements AutoCloseable {

    static final String USERS = """
            # the test users
            alice  *  wonderland
            bob    *  "the builder"
            """;

    record Ended(SessionInfo session, SessionEnd end) {
    }

    final List<String> log = new CopyOnWriteArrayList<>();
    final BlockingQueue<SessionInfo> started = new LinkedBlockingQueue<>();
    final BlockingQueue<Ended> ended = new LinkedBlockingQueue<>();
    final BlockingQueue<Refusal> refused = new LinkedBlockingQueue<>();
    final AnswerServer server;

    ServerFixture(ServerConfig config, UserDirectory users) throws IOException {
        this(config, users, null, server -> { });
    }

    /** With {@code radius} (may be null) authenticating and accounting. */
    ServerFixture(ServerConfig config, UserDirectory users, io.jras.server.radius.RadiusNas radius) throws IOException {
        this(config, users, radius, server -> { });
    }

    /** @param beforeStart sets the server up further before it starts (modem lines) */
    ServerFixture(ServerConfig config, UserDirectory users, java.util.function.Consumer<AnswerServer> beforeStart)
            throws IOException {
        this(config, users, null, beforeStart);
    }

    ServerFixture(ServerConfig config, UserDirectory users, io.jras.server.radius.RadiusNas radius,
                  java.util.function.Consumer<AnswerServer> beforeStart) throws IOException {
        server = new AnswerServer(config, users, radius, new SessionListener() {
            @Override
            public void started(SessionInfo session) {
                started.add(session);
            }

            @Override
            public void ended(SessionInfo session, SessionEnd end) {
                ended.add(new Ended(session, end));
            }

            @Override
            public void refused(InetSocketAddress peer, Refusal refusal) {
                refused.add(refusal);
            }
        }, line -> {
            log.add(line);
            System.out.println("[server] " + line); // kept in target/surefire-reports/*-output.txt
        });
        beforeStart.accept(server);
        server.start();
    }

    /** A server for the pool 192.0.2.10-192.0.2.19 (local 192.0.2.9), DNS 192.0.2.53/.54, trace on. */
    static ServerConfig config() {
        return ServerConfig.of(List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                        AddressRange.parse("192.0.2.10-192.0.2.19"))
                .withDns(Ipv4.parse("192.0.2.53"), Ipv4.parse("192.0.2.54"))
                .withTrace(true)
                .withLimits(ServerLimits.DEFAULTS.withConnectRate(1000, 1000).withHangUpGrace(Duration.ofSeconds(2)));
    }

    static UserDirectory users(String text) {
        try {
            UsersTable t = UsersTable.parse(text, "users");
            return client -> t.find(client, ServerConfig.DEFAULT_NAME);
        } catch (UsersFileException e) {
            throw new AssertionError(e);
        }
    }

    InetSocketAddress address() {
        return server.addresses().getFirst();
    }

    SessionInfo awaitStarted() throws InterruptedException {
        SessionInfo s = started.poll(Dialer.WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(s).as("a session start\n" + logText()).isNotNull();
        return s;
    }

    Ended awaitEnded() throws InterruptedException {
        Ended e = ended.poll(Dialer.WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(e).as("a session end\n" + logText()).isNotNull();
        return e;
    }

    Refusal awaitRefused() throws InterruptedException {
        Refusal r = refused.poll(Dialer.WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(r).as("a refusal\n" + logText()).isNotNull();
        return r;
    }

    /** The log lines that are not packet traces. */
    List<String> events() {
        List<String> out = new ArrayList<>();
        for (String l : log) {
            if (!l.matches("session \\d+: .*")) {
                out.add(l);
            }
        }
        return out;
    }

    String logText() {
        return String.join("\n", log);
    }

    @Override
    public void close() {
        server.close();
    }
}
