package io.jras.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.ppp.AuthProtocol;
import io.jras.ppp.Ipv4;
import io.jras.ppp.LinkFailure;
import io.jras.ppp.PppEvent;
import io.jras.ppp.Projection;
import io.jras.ppp.Protocol;
import io.jras.server.pool.AddressRange;
import io.jras.server.users.UserDirectory;
import io.jras.server.users.UsersFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** jras's own client engine dials the AnswerServer over loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AnswerServerTest {

    @Test
    void withoutAuthenticationACallerGetsAPoolAddressAndDns() throws Exception {
        try (ServerFixture f = new ServerFixture(ServerFixture.config().withAuth(List.of()), UserDirectory.NONE);
             Dialer d = Dialer.dial(f.address(), "", "")) {
            Projection p = d.awaitIpcp().projection();
            assertThat(p.localAddressText()).isEqualTo("192.0.2.10");
            assertThat(p.remoteAddressText()).isEqualTo("192.0.2.9");
            assertThat(p.primaryDns()).isEqualTo(Ipv4.parse("192.0.2.53"));
            assertThat(p.secondaryDns()).isEqualTo(Ipv4.parse("192.0.2.54"));
            assertThat(p.authenticatedWith()).isNull();
            SessionInfo s = f.awaitStarted();
            assertThat(s.addressText()).isEqualTo("192.0.2.10");
            assertThat(s.user()).isEmpty();
            assertThat(s.authProtocol()).isNull();
            assertThat(f.events()).anyMatch(l -> l.matches(
                    "session 1 started: 127\\.0\\.0\\.1:\\d+ user - \\(no authentication\\) address 192\\.0\\.2\\.10"));
        }
    }

    @ParameterizedTest
    @EnumSource(AuthProtocol.class)
    void aCallerAuthenticatesAndGetsAPoolAddressAndDns(AuthProtocol protocol) throws Exception {
        try (ServerFixture f = new ServerFixture(ServerFixture.config().withAuth(List.of(protocol)),
                ServerFixture.users(ServerFixture.USERS));
             Dialer d = Dialer.dial(f.address(), "bob", "the builder")) {
            Projection p = d.awaitIpcp().projection();
            assertThat(p.authenticatedWith()).isEqualTo(protocol);
            assertThat(p.localAddressText()).isEqualTo("192.0.2.10");
            assertThat(p.primaryDns()).isEqualTo(Ipv4.parse("192.0.2.53"));
            SessionInfo s = f.awaitStarted();
            assertThat(s.user()).isEqualTo("bob");
            assertThat(s.authProtocol()).isEqualTo(protocol);
            assertThat(s.addressText()).isEqualTo("192.0.2.10");
            assertThat(s.started()).isTrue();
            assertThat(f.server.sessions()).extracting(SessionInfo::id).containsExactly(s.id());
            assertThat(f.events()).anyMatch(l -> l.matches("session 1 started: 127\\.0\\.0\\.1:\\d+ user \"bob\" \\("
                    + java.util.regex.Pattern.quote(protocol.displayName()) + "\\) address 192\\.0\\.2\\.10"));
        }
    }

    @Test
    void theServerPrefersTheFirstProtocolOfItsList() throws Exception {
        try (ServerFixture f = new ServerFixture(ServerFixture.config()
                .withAuth(List.of(AuthProtocol.MSCHAP_V2, AuthProtocol.PAP)), ServerFixture.users(ServerFixture.USERS));
             Dialer d = Dialer.dial(f.address(), "alice", "wonderland")) {
            assertThat(d.awaitIpcp().projection().authenticatedWith()).isEqualTo(AuthProtocol.MSCHAP_V2);
        }
    }

    @ParameterizedTest
    @EnumSource(AuthProtocol.class)
    void aWrongPasswordIs691AndNoSecretReachesTheLog(AuthProtocol protocol) throws Exception {
        try (ServerFixture f = new ServerFixture(ServerFixture.config().withAuth(List.of(protocol)),
                ServerFixture.users(ServerFixture.USERS));
             Dialer d = Dialer.dial(f.address(), "alice", "not-the-Password")) {
            LinkFailure failure = d.awaitDown();
            assertThat(failure).as(d.trace()).isInstanceOf(LinkFailure.AuthenticationFailed.class);
            assertThat(failure.rasError()).isEqualTo(691);
            ServerFixture.Ended e = f.awaitEnded();
            assertThat(e.session().started()).isFalse();
            assertThat(e.session().user()).isEqualTo("alice");
            assertThat(e.end().rasError()).isEqualTo(691);
            assertThat(f.started).isEmpty();
            assertThat(f.events()).anyMatch(l -> l.matches(
                    "session 1 ended before the network came up: 127\\.0\\.0\\.1:\\d+ user \"alice\" .*\\(691\\)"));
            // every line, packet traces included: neither the wrong password nor the right one
            assertThat(f.log).isNotEmpty().noneMatch(l -> l.contains("not-the-Password") || l.contains("wonderland"));
        }
    }

    @Test
    void anUnknownUserGetsTheSameAnswerAsAWrongPassword() throws Exception {
        try (ServerFixture f = new ServerFixture(ServerFixture.config().withAuth(List.of(AuthProtocol.CHAP_MD5)),
                ServerFixture.users(ServerFixture.USERS));
             Dialer d = Dialer.dial(f.address(), "mallory", "guess")) {
            assertThat(d.awaitDown().rasError()).isEqualTo(691);
            assertThat(f.awaitEnded().session().user()).isEqualTo("mallory");
        }
    }

    @Test
    void hangUpEndsOneSessionWithLcpTerminateAndReturnsItsAddress() throws Exception {
        try (ServerFixture f = new ServerFixture(ServerFixture.config(), ServerFixture.users(ServerFixture.USERS));
             Dialer alice = Dialer.dial(f.address(), "alice", "wonderland");
             Dialer bob = Dialer.dial(f.address(), "bob", "the builder")) {
            alice.awaitIpcp();
            bob.awaitIpcp();
            SessionInfo first = f.awaitStarted();
            f.awaitStarted();
            assertThat(f.server.addressesAvailable()).isEqualTo(8);
            assertThat(f.server.hangUp(first.id(), "administrator hang-up")).isTrue();
            LinkFailure failure = first.user().equals("alice") ? alice.awaitDown() : bob.awaitDown();
            assertThat(failure).isEqualTo(new LinkFailure.RemoteTerminated("administrator hang-up"));
            ServerFixture.Ended e = f.awaitEnded();
            assertThat(e.session().id()).isEqualTo(first.id());
            assertThat(e.end().reason()).isEqualTo("administrator hang-up");
            assertThat(e.end().octetsIn()).isPositive();
            assertThat(e.end().octetsOut()).isPositive();
            assertThat(e.end().duration()).isPositive();
            assertThat(f.server.addressesAvailable()).isEqualTo(9);
            assertThat(f.server.sessions()).hasSize(1);
            assertThat(f.server.hangUp(first.id(), "again")).isFalse();
            assertThat(f.events()).anyMatch(l -> l.matches("session " + first.id() + " ended: 127\\.0\\.0\\.1:\\d+ user \""
                    + first.user() + "\" address " + first.addressText().replace(".", "\\.")
                    + ", [0-9.]+ s, \\d+ octets in, \\d+ out: administrator hang-up \\(631\\)"));
        }
    }

    @Test
    void stopTerminatesEverySessionProperly() throws Exception {
        ServerFixture f = new ServerFixture(ServerFixture.config(), ServerFixture.users(ServerFixture.USERS));
        try (Dialer alice = Dialer.dial(f.address(), "alice", "wonderland");
             Dialer bob = Dialer.dial(f.address(), "bob", "the builder")) {
            alice.awaitIpcp();
            bob.awaitIpcp();
            f.awaitStarted();
            f.awaitStarted();
            f.server.stop();
            // stop() returns once every session has ended
            assertThat(f.ended).hasSize(2).allMatch(e -> e.end().reason().equals("server stopping"));
            assertThat(alice.awaitDown()).isEqualTo(new LinkFailure.RemoteTerminated("server stopping"));
            assertThat(bob.awaitDown()).isEqualTo(new LinkFailure.RemoteTerminated("server stopping"));
            assertThat(f.server.sessions()).isEmpty();
        }
    }

    @Test
    void anExhaustedPoolRefusesTheCallerSayingWhy() throws Exception {
        ServerConfig one = ServerFixture.config().withAuth(List.of())
                .withLocalAddress(Ipv4.parse("192.0.2.1"));
        one = new ServerConfig(one.listen(), AddressRange.parse("192.0.2.10"), one.localAddress(),
                one.primaryDns(), one.secondaryDns(), one.auth(), one.name(), one.limits(), one.trace());
        try (ServerFixture f = new ServerFixture(one, UserDirectory.NONE);
             Dialer first = Dialer.dial(f.address(), "", "")) {
            first.awaitIpcp();
            try (Dialer second = Dialer.dial(f.address(), "", "")) {
                assertThat(second.awaitDown()).isEqualTo(new LinkFailure.RemoteTerminated("no address available"));
                assertThat(f.awaitRefused()).isEqualTo(Refusal.NO_ADDRESS);
                assertThat(f.events()).anyMatch(l -> l.matches(
                        "refused 127\\.0\\.0\\.1:\\d+: no address available \\(pool 192\\.0\\.2\\.10-192\\.0\\.2\\.10 all in use\\)"));
            }
            f.server.hangUp(f.awaitStarted().id(), "make room");
            f.awaitEnded();
            try (Dialer third = Dialer.dial(f.address(), "", "")) {
                assertThat(third.awaitIpcp().projection().localAddressText()).isEqualTo("192.0.2.10");
            }
        }
    }

    @Test
    void maxSessionsRefusesTheNextCallerSayingWhy() throws Exception {
        ServerConfig config = ServerFixture.config().withAuth(List.of())
                .withLimits(ServerFixture.config().limits().withMaxSessions(1));
        try (ServerFixture f = new ServerFixture(config, UserDirectory.NONE);
             Dialer first = Dialer.dial(f.address(), "", "")) {
            first.awaitIpcp();
            try (Dialer second = Dialer.dial(f.address(), "", "")) {
                assertThat(second.awaitDown()).isEqualTo(new LinkFailure.RemoteTerminated("server full"));
                assertThat(f.awaitRefused()).isEqualTo(Refusal.SERVER_FULL);
                assertThat(f.events()).anyMatch(l -> l.matches("refused 127\\.0\\.0\\.1:\\d+: server full \\(1 session\\)"));
            }
            assertThat(first.isDown()).isFalse();
        }
    }

    @Test
    void aUserWithOneAddressGetsItAndOneWhoseListExcludesThePoolsChoiceIsTurnedAway() throws Exception {
        String users = """
                alice * wonderland 198.51.100.7
                bob   * builder    192.0.2.0/24
                carol * lewis      198.51.100.0/24
                """;
        try (ServerFixture f = new ServerFixture(ServerFixture.config().withAuth(List.of(AuthProtocol.PAP)),
                ServerFixture.users(users))) {
            try (Dialer alice = Dialer.dial(f.address(), "alice", "wonderland")) {
                // One address on the line: that is alice's, outside the pool or not.
                assertThat(alice.awaitIpcp().projection().localAddressText()).isEqualTo("198.51.100.7");
            }
            try (Dialer carol = Dialer.dial(f.address(), "carol", "lewis")) {
                LinkFailure failure = carol.awaitDown();
                assertThat(failure).isInstanceOf(LinkFailure.RemoteTerminated.class);
                assertThat(failure.message()).contains("may not have 192.0.2.");
                assertThat(f.log).anyMatch(l -> l.contains("user \"carol\" may not have 192.0.2.")
                        && l.contains("(users file line 3 allows 198.51.100.0/24)"));
            }
            try (Dialer bob = Dialer.dial(f.address(), "bob", "builder")) {
                assertThat(bob.awaitIpcp().projection().localAddressText()).startsWith("192.0.2.");
            }
            assertThat(f.log).noneMatch(l -> l.contains("wonderland") || l.contains("builder") || l.contains("lewis"));
        }
    }

    @Test
    void theListenerHearsStartedThenEndedForEverySession() throws Exception {
        try (ServerFixture f = new ServerFixture(ServerFixture.config().withAuth(List.of(AuthProtocol.MSCHAP_V2)),
                ServerFixture.users(ServerFixture.USERS))) {
            try (Dialer d = Dialer.dial(f.address(), "alice", "wonderland")) {
                d.awaitIpcp();
                d.session.close("user request");
                assertThat(d.awaitDown()).isInstanceOf(LinkFailure.LocalClose.class);
            }
            SessionInfo s = f.awaitStarted();
            ServerFixture.Ended e = f.awaitEnded();
            assertThat(e.session().id()).isEqualTo(s.id());
            assertThat(e.session().started()).isTrue();
            assertThat(e.end().failure()).isEqualTo(new LinkFailure.RemoteTerminated("user request"));
            assertThat(e.end().reason()).isEqualTo("the peer terminated the link: \"user request\"");
            assertThat(f.server.addressesAvailable()).isEqualTo(10);
            assertThat(f.events().stream().filter(l -> l.startsWith("session ")).toList()).hasSize(2);
        }
    }

    @Test
    void aDatagramAfterIpcpDoesNotDisturbTheSession() throws Exception {
        try (ServerFixture f = new ServerFixture(ServerFixture.config().withAuth(List.of()), UserDirectory.NONE);
             Dialer d = Dialer.dial(f.address(), "", "")) {
            d.awaitIpcp();
            d.session.send(Protocol.IPV4, new byte[] {0x45, 0, 0, 20, 0, 0, 0, 0, 64, 17, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8});
            f.awaitStarted();
            assertThat(d.events).noneMatch(e -> e instanceof PppEvent.LinkDown);
            assertThat(f.server.sessions()).hasSize(1);
        }
    }

    @Test
    void aUserAddedToTheUsersFileCanDialInWithoutARestart(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("chap-secrets");
        Files.writeString(file, "alice * wonderland\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
        List<String> fileLog = new CopyOnWriteArrayList<>();
        UsersFile users = UsersFile.load(file, ServerConfig.DEFAULT_NAME,
                Duration.ZERO, fileLog::add);
        try (ServerFixture f = new ServerFixture(ServerFixture.config().withAuth(List.of(AuthProtocol.CHAP_MD5)), users)) {
            try (Dialer carol = Dialer.dial(f.address(), "carol", "lewis")) {
                assertThat(carol.awaitDown().rasError()).isEqualTo(691);
            }
            Files.writeString(file, "alice * wonderland\ncarol * lewis\n");
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2025-01-01T00:01:00Z")));
            try (Dialer carol = Dialer.dial(f.address(), "carol", "lewis")) {
                assertThat(carol.awaitIpcp().projection().authenticatedWith()).isEqualTo(AuthProtocol.CHAP_MD5);
            }
            assertThat(fileLog).anyMatch(l -> l.endsWith("reloaded: 2 entries"));
        }
    }

    @Test
    void aListenerThatThrowsDoesNotHurtTheSession() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        SessionListener rude = new SessionListener() {
            @Override
            public void started(SessionInfo session) {
                throw new IllegalStateException("listener bug");
            }
        };
        try (AnswerServer server = new AnswerServer(ServerFixture.config().withAuth(List.of()), UserDirectory.NONE, rude, log::add)) {
            server.start();
            try (Dialer d = Dialer.dial(server.addresses().getFirst(), "", "")) {
                d.awaitIpcp();
                long deadline = System.nanoTime() + Dialer.WITHIN.toNanos();
                while (log.stream().noneMatch(l -> l.startsWith("session listener threw")) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(log).anyMatch(l -> l.equals("session listener threw on session 1 start: java.lang.IllegalStateException: listener bug"));
                assertThat(d.isDown()).isFalse();
                assertThat(server.sessions()).hasSize(1);
            }
        }
    }
}
