package io.jras.daemon;

import static io.jras.daemon.testkit.DaemonFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jras.daemon.testkit.DaemonFixture;
import io.jras.daemon.testkit.RawClient;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bytes from a client are never trusted: each kind of bad input gets its JSON-RPC error (or the
 * client is dropped), and a bystander client with a live connection is served throughout.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RobustnessTest {

    private DaemonFixture fx;
    private RawClient bystander;
    private String handle;

    @BeforeEach
    void start() throws Exception {
        // A small outbox, so that a client that never reads overflows it quickly.
        fx = new DaemonFixture(c -> c.withMaxQueuedBytes(64 * 1024));
        bystander = fx.client();
        handle = bystander.result("dial", fx.dialParams("Office")).get("handle").asText();
        await("Connected", () -> bystander.received.stream().anyMatch(l -> l.contains("\"Connected\"")));
    }

    @AfterEach
    void stop() throws Exception {
        bystander.close();
        fx.close();
    }

    /** The bystander is still served, and its connection is still up. */
    private void bystanderIsServed() throws Exception {
        JsonNode s = bystander.result("status", "{\"handle\":\"" + handle + "\"}");
        assertThat(s.path("state").asText()).isEqualTo("Connected");
    }

    private static int code(JsonNode response) {
        return response.path("error").path("code").asInt();
    }

    @Test
    void brokenJsonIsAParseErrorWithANullIdAndTheClientGoesOn() throws Exception {
        try (RawClient c = fx.client()) {
            c.sendLine("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
            JsonNode e = c.unanswerable();
            assertThat(code(e)).isEqualTo(-32700);
            assertThat(e.get("id").isNull()).isTrue();
            c.sendLine("not json at all");
            assertThat(code(c.unanswerable())).isEqualTo(-32700);
            c.sendLine("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} trailing");
            assertThat(code(c.unanswerable())).isEqualTo(-32700);
            assertThat(c.result("ping", null).has("pid")).isTrue();
        }
        bystanderIsServed();
    }

    @Test
    void aLineOver64KiBIsRefusedAsSoonAsItCrossesTheLimitAndTheRestOfItIsSkipped() throws Exception {
        try (RawClient c = fx.client()) {
            c.sendRaw("x".repeat(70_000).getBytes(StandardCharsets.US_ASCII));
            JsonNode e = c.unanswerable(); // before the line even ends
            assertThat(code(e)).isEqualTo(-32600);
            assertThat(e.path("error").path("message").asText()).contains("65536");
            c.sendRaw(("y".repeat(200_000) + "\n").getBytes(StandardCharsets.US_ASCII));
            // A well-formed request that is too long is refused the same way.
            c.sendLine("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\",\"params\":{\"pad\":\"" + "z".repeat(70_000) + "\"}}");
            assertThat(code(c.unanswerable())).isEqualTo(-32600);
            assertThat(c.result("ping", null).has("pid")).isTrue();
            assertThat(c.received).hasSize(3);
        }
        bystanderIsServed();
    }

    @Test
    void invalidRequestsAreRefusedWithTheirIdWhenTheyHaveAUsableOne() throws Exception {
        try (RawClient c = fx.client()) {
            c.sendLine("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]");
            assertThat(c.unanswerable().path("error").path("message").asText()).contains("batches");
            c.sendLine("42");
            assertThat(code(c.unanswerable())).isEqualTo(-32600);
            c.sendLine("{\"jsonrpc\":\"2.0\",\"id\":{\"x\":1},\"method\":\"ping\"}");
            assertThat(code(c.unanswerable())).isEqualTo(-32600);
            c.sendLine("{\"id\":11,\"method\":\"ping\"}");
            assertThat(code(c.response("11"))).isEqualTo(-32600);
            c.sendLine("{\"jsonrpc\":\"1.0\",\"id\":12,\"method\":\"ping\"}");
            assertThat(code(c.response("12"))).isEqualTo(-32600);
            c.sendLine("{\"jsonrpc\":\"2.0\",\"id\":\"thirteen\",\"method\":5}");
            assertThat(code(c.response("thirteen"))).isEqualTo(-32600);
            c.sendLine("{\"jsonrpc\":\"2.0\",\"id\":14,\"method\":\"ping\",\"params\":\"text\"}");
            assertThat(code(c.response("14"))).isEqualTo(-32600);
            // Invalid without an id: still answered, with id null (JSON-RPC 2.0 §5).
            c.sendLine("{\"jsonrpc\":\"2.0\",\"method\":1,\"params\":\"bar\"}");
            assertThat(code(c.unanswerable())).isEqualTo(-32600);
        }
        bystanderIsServed();
    }

    @Test
    void unknownMethodsAndNotificationsFromTheClient() throws Exception {
        try (RawClient c = fx.client()) {
            JsonNode e = c.call("rasDialEx", null);
            assertThat(code(e)).isEqualTo(-32601);
            // A request without id is a notification: never answered, not even with an error.
            c.sendLine("{\"jsonrpc\":\"2.0\",\"method\":\"noSuchThing\"}");
            c.sendLine("{\"jsonrpc\":\"2.0\",\"method\":\"status\",\"params\":{\"handle\":true}}");
            assertThat(c.result("ping", null).has("pid")).isTrue();
            assertThat(c.received).hasSize(2);
        }
        bystanderIsServed();
    }

    @Test
    void wrongParamsAreInvalidParamsThatNameTheParamButNotItsValue() throws Exception {
        try (RawClient c = fx.client()) {
            assertThat(code(c.call("status", "{\"handle\":true}"))).isEqualTo(-32602);
            assertThat(code(c.call("status", "{\"handle\":\"0xzz\"}"))).isEqualTo(-32602);
            assertThat(code(c.call("status", "{\"handle\":1.5}"))).isEqualTo(-32602);
            assertThat(code(c.call("status", "{}"))).isEqualTo(-32602);
            assertThat(code(c.call("status", "[\"" + handle + "\"]"))).isEqualTo(-32602);
            assertThat(code(c.call("status", "{\"handle\":\"" + handle + "\",\"verbose\":true}"))).isEqualTo(-32602);
            assertThat(code(c.call("hangUp", "{\"handle\":\"" + handle + "\",\"all\":\"yes\"}"))).isEqualTo(-32602);
            assertThat(code(c.call("awaitInvalid", "{\"handle\":\"" + handle + "\",\"timeoutMillis\":-1}"))).isEqualTo(-32602);
            assertThat(code(c.call("watch", "{\"since\":\"zero\"}"))).isEqualTo(-32602);
            assertThat(code(c.call("unwatch", "{}"))).isEqualTo(-32602);
            JsonNode e = c.call("dial", "{\"entry\":\"Office\",\"password\":{\"nested\":\"s3cret\"}}");
            assertThat(code(e)).isEqualTo(-32602);
            assertThat(e.path("error").path("message").asText()).contains("password").doesNotContain("s3cret");
        }
        bystanderIsServed();
    }

    @Test
    void garbageBytesGetErrorsAndNothingElseHappens() throws Exception {
        Random random = new Random(20_250_101);
        try (RawClient c = fx.client()) {
            for (int i = 0; i < 50; i++) {
                byte[] junk = new byte[random.nextInt(1, 2000)];
                random.nextBytes(junk);
                c.sendRaw(junk);
            }
            c.sendRaw(new byte[] {'\n'});
            assertThat(c.result("ping", null).has("pid")).isTrue();
            List<String> answers = c.received.subList(0, c.received.size() - 1);
            assertThat(answers).isNotEmpty().allSatisfy(l -> assertThat(l).contains("\"error\"", "\"id\":null"));
        }
        bystanderIsServed();
        assertThat(fx.daemon.manager().enumerate()).hasSize(1);
    }

    @Test
    void clientsThatNeverSendHoldNothingUp() throws Exception {
        List<SocketChannel> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                silent.add(SocketChannel.open(UnixDomainSocketAddress.of(fx.socket)));
            }
            await("100 idle clients", () -> fx.daemon.clients() >= 101);
            bystanderIsServed();
            try (RawClient c = fx.client()) {
                assertThat(c.result("list", null)).hasSize(1);
            }
        } finally {
            for (SocketChannel s : silent) {
                s.close();
            }
        }
        await("the idle clients gone", () -> fx.daemon.clients() == 1);
    }

    @Test
    void aClientThatDisconnectsMidRequestIsForgottenAndItsDialGoesOn() throws Exception {
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(fx.socket))) {
            c.write(ByteBuffer.wrap("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"par".getBytes(StandardCharsets.US_ASCII)));
        }
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(fx.socket))) {
            // Asked, and gone before the answer: the dial goes on (connections belong to the daemon).
            String wait = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"awaitInvalid\",\"params\":{\"handle\":\"" + handle
                    + "\",\"timeoutMillis\":60000}}\n";
            String dial = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"dial\",\"params\":" + fx.dialParams("Orphan") + "}\n";
            c.write(ByteBuffer.wrap((wait + dial).getBytes(StandardCharsets.US_ASCII)));
        }
        await("the orphan dial connected", () -> fx.daemon.manager().enumerate().stream()
                .anyMatch(i -> i.entryName().equals("Orphan") && i.state() == io.jras.core.RasConnState.CONNECTED));
        await("the clients gone", () -> fx.daemon.clients() == 1);
        bystanderIsServed();
        assertThat(bystander.result("list", null)).extracting(i -> i.path("entry").asText()).contains("Office", "Orphan");
    }

    @Test
    void thousandsOfConnectsOneAfterAnotherAndAtOnce() throws Exception {
        for (int i = 0; i < 2000; i++) {
            try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(fx.socket))) {
                if (i % 2 == 0) {
                    c.write(ByteBuffer.wrap("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n".getBytes(StandardCharsets.US_ASCII)));
                }
            }
        }
        List<Callable<Boolean>> pings = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            pings.add(() -> {
                try (RawClient c = fx.client()) {
                    return c.result("ping", null).has("pid");
                }
            });
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Boolean> f : pool.invokeAll(pings)) {
                assertThat(f.get()).isTrue();
            }
        }
        await("every short client gone", () -> fx.daemon.clients() == 1);
        bystanderIsServed();
    }

    @Test
    void clientsBeyondTheLimitAreToldSoAndClosed() throws Exception {
        try (DaemonFixture small = new DaemonFixture(c -> c.withMaxClients(2));
             RawClient first = small.client();
             RawClient second = small.client()) {
            await("two clients", () -> small.daemon.clients() == 2);
            try (RawClient third = small.client()) {
                JsonNode refused = third.unanswerable();
                assertThat(code(refused)).isEqualTo(-32000);
                assertThat(refused.path("error").path("message").asText()).contains("too many clients");
                assertThat(third.awaitClosed(RawClient.WITHIN)).isTrue();
            }
            assertThat(first.result("ping", null).has("pid")).isTrue();
            assertThat(second.result("ping", null).has("pid")).isTrue();
        }
    }

    @Test
    void aClientThatNeverReadsIsDroppedWhenItsOutboxOverflowsAndNobodyElseWaits() throws Exception {
        byte[] ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n".getBytes(StandardCharsets.US_ASCII);
        byte[] burst = new byte[ping.length * 1000];
        for (int i = 0; i < 1000; i++) {
            System.arraycopy(ping, 0, burst, i * ping.length, ping.length);
        }
        try (SocketChannel slow = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            slow.connect(UnixDomainSocketAddress.of(fx.socket));
            await("the slow client counted", () -> fx.daemon.clients() == 2);
            boolean dropped = false;
            for (int i = 0; i < 1000 && !dropped; i++) {
                try {
                    slow.write(ByteBuffer.wrap(burst));
                } catch (IOException e) {
                    dropped = true; // the daemon closed it
                }
                dropped |= fx.daemon.clients() == 1;
                if (i % 10 == 0) {
                    bystanderIsServed(); // the daemon goes on serving others meanwhile
                }
            }
            assertThat(dropped).isTrue();
        }
        await("the slow client gone", () -> fx.daemon.clients() == 1);
        bystanderIsServed();
        // The manager was never held up: a new dial goes through while the slow client overflowed.
        String h2 = bystander.result("dial", fx.dialParams("Second")).get("handle").asText();
        await("the second dial connected", () -> bystander.received.stream()
                .anyMatch(l -> l.contains(h2) && l.contains("\"Connected\"")));
    }
}
