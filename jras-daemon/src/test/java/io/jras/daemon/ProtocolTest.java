package io.jras.daemon;

import static io.jras.daemon.testkit.DaemonFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jras.core.Handles;
import io.jras.daemon.testkit.DaemonFixture;
import io.jras.daemon.testkit.PeerServer;
import io.jras.daemon.testkit.RawClient;
import io.jras.daemon.testkit.TestResolver;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every method of the protocol, on the wire, against an in-process daemon that dials a real PPP
 * peer: results are the client records, RAS failures are JSON-RPC errors carrying the RAS code.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProtocolTest {

    private DaemonFixture fx;
    private RawClient client;

    @BeforeEach
    void start() throws Exception {
        fx = new DaemonFixture();
        client = fx.client();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        fx.close();
    }

    /** Dials the peer and waits for the Connected notification; returns the handle text. */
    private String dialConnected(RawClient c, String entry) throws Exception {
        String handle = c.result("dial", fx.dialParams(entry)).get("handle").asText();
        while (true) {
            JsonNode n = c.notification();
            if (n.path("params").path("handle").asText().equals(handle)
                    && n.path("params").path("state").asText().equals("Connected")) {
                return handle;
            }
        }
    }

    private static void assertRasError(JsonNode response, int code) {
        assertThat(response.has("result")).as("expected error %s in %s", code, response).isFalse();
        assertThat(response.path("error").path("code").asInt()).isEqualTo(code);
        assertThat(response.path("error").path("message").asText()).isEqualTo(io.jras.link.RasError.text(code));
        assertThat(response.path("error").path("data").path("rasError").asInt()).isEqualTo(code);
    }

    @Test
    void pingAnswersWithTheDaemonsPidAndUid() throws Exception {
        JsonNode r = client.call("ping", null);
        assertThat(r.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(r.path("result").path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(r.path("result").path("uid").asInt()).isZero();
    }

    @Test
    void dialAnswersWithAHexHandleFirstThenPushesEveryStateOfItInRasOrder() throws Exception {
        JsonNode r = client.call("dial", fx.dialParams("Office"));
        String handle = r.path("result").path("handle").asText();
        assertThat(handle).matches("0x[0-9a-f]+");
        List<String> states = new ArrayList<>();
        while (!states.contains("Connected")) {
            JsonNode n = client.notification();
            assertThat(n.path("method").asText()).isEqualTo("state");
            assertThat(n.has("id")).isFalse();
            assertThat(n.path("params").path("handle").asText()).isEqualTo(handle);
            assertThat(n.path("params").path("error").asInt()).isZero();
            states.add(n.path("params").path("state").asText());
        }
        assertThat(states).containsExactly("OpenPort", "PortOpened", "ConnectDevice", "DeviceConnected",
                "AllDevicesConnected", "Authenticate", "AuthAck", "Authenticated", "Projected", "Connected");
        // The response line came before any state of the handle it names.
        assertThat(client.received.getFirst()).contains("\"result\"").contains(handle);
    }

    @Test
    void statusListTombstoneAndClearStatisticsOfALiveConnectionAreTheClientRecords() throws Exception {
        String handle = dialConnected(client, "Office");
        JsonNode status = client.result("status", "{\"handle\":\"" + handle + "\"}");
        assertThat(status.path("handle").asText()).isEqualTo(handle);
        assertThat(status.path("entry").asText()).isEqualTo("Office");
        assertThat(status.path("state").asText()).isEqualTo("Connected");
        assertThat(status.path("stateCode").asInt()).isEqualTo(0x2000);
        assertThat(status.path("deviceType").asText()).isEqualTo("tcp");
        assertThat(status.path("projection").path("localAddress").asText()).isEqualTo("192.0.2.2");
        assertThat(status.path("statistics").path("bytesXmited").asLong()).isPositive();

        JsonNode list = client.result("list", null);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("handle").asText()).isEqualTo(handle);
        assertThat(list.get(0).path("entry").asText()).isEqualTo("Office");
        assertThat(list.get(0).path("owner").asText()).isEqualTo("root");
        assertThat(list.get(0).path("allUsers").asBoolean()).isFalse();

        assertThat(client.result("tombstone", "{\"handle\":\"" + handle + "\"}").isNull()).isTrue();
        assertThat(client.result("clearStatistics", "{\"handle\":\"" + handle + "\"}").isEmpty()).isTrue();
    }

    @Test
    void hangUpReturnsAtOnceThenTheHandleTurnsInvalidAndLeavesATombstone() throws Exception {
        String handle = dialConnected(client, "Office");
        assertThat(client.result("hangUp", "{\"handle\":\"" + handle + "\"}").isEmpty()).isTrue();
        JsonNode awaited = client.result("awaitInvalid", "{\"handle\":\"" + handle + "\",\"timeoutMillis\":15000}");
        assertThat(awaited.path("invalid").asBoolean()).isTrue();
        assertThat(fx.peer.sawTerminateRequest()).isTrue();

        assertRasError(client.call("status", "{\"handle\":\"" + handle + "\"}"), 6);
        JsonNode t = client.result("tombstone", "{\"handle\":\"" + handle + "\"}");
        assertThat(t.path("handle").asText()).isEqualTo(handle);
        assertThat(t.path("entry").asText()).isEqualTo("Office");
        assertThat(t.path("finalState").asText()).isEqualTo("Disconnected");
        assertThat(t.path("endedAt").asText()).isNotEmpty();
        assertThat(client.result("list", null)).isEmpty();
    }

    @Test
    void rasFailuresAreJsonRpcErrorsWhoseCodeIsTheRasCode() throws Exception {
        assertRasError(client.call("status", "{\"handle\":\"0x1234\"}"), 6);
        assertRasError(client.call("hangUp", "{\"handle\":\"0x1234\"}"), 6);
        assertRasError(client.call("clearStatistics", "{\"handle\":\"0x1234\"}"), 6);
        JsonNode notFound = client.call("dial", "{\"entry\":\"Nowhere\"}");
        assertRasError(notFound, 623);
        assertThat(notFound.path("error").path("data").path("detail").asText()).isEqualTo("Nowhere");
        assertThat(client.call("status", "{\"handle\":\"0x1234\"}").path("error").path("data").path("detail").asText())
                .isEqualTo("0x1234");
    }

    @Test
    void aFailedDialKeepsItsHandleDisconnectedWithItsErrorUntilHungUp() throws Exception {
        String params = fx.dialParams("Office").replace(PeerServer.PASSWORD, "wrong");
        String handle = client.result("dial", params).get("handle").asText();
        JsonNode last;
        do {
            last = client.notification().path("params");
        } while (!last.path("state").asText().equals("Disconnected"));
        assertThat(last.path("error").asInt()).isEqualTo(691);
        JsonNode status = client.result("status", "{\"handle\":\"" + handle + "\"}");
        assertThat(status.path("error").asInt()).isEqualTo(691);
        assertThat(status.path("errorText").asText()).contains("user name and password");
        client.result("hangUp", "{\"handle\":\"" + handle + "\"}");
        assertThat(client.result("awaitInvalid", "{\"handle\":\"" + handle + "\",\"timeoutMillis\":15000}")
                .path("invalid").asBoolean()).isTrue();
    }

    @Test
    void handlesAreAcceptedAsNumbersToo() throws Exception {
        String handle = dialConnected(client, "Office");
        long h = Handles.parse(handle);
        assertThat(client.result("status", "{\"handle\":" + h + "}").path("handle").asText()).isEqualTo(handle);
        assertThat(client.result("status", "{\"handle\":\"" + h + "\"}").path("handle").asText()).isEqualTo(handle);
    }

    @Test
    void awaitInvalidWaitsWithoutHoldingUpThisClientOrAnyOther() throws Exception {
        String handle = dialConnected(client, "Office");
        String waiting = client.send("awaitInvalid", "{\"handle\":\"" + handle + "\",\"timeoutMillis\":60000}");
        // The same client and another one are served while the wait is pending.
        assertThat(client.result("ping", null).has("pid")).isTrue();
        try (RawClient other = fx.client()) {
            assertThat(other.result("status", "{\"handle\":\"" + handle + "\"}").path("state").asText()).isEqualTo("Connected");
        }
        assertThat(client.answered(waiting)).isFalse();
        client.result("hangUp", "{\"handle\":\"" + handle + "\"}");
        assertThat(client.response(waiting).path("result").path("invalid").asBoolean()).isTrue();
    }

    @Test
    void awaitInvalidAnswersFalseAtItsTimeoutAndTrueAtOnceForAnInvalidHandle() throws Exception {
        String handle = dialConnected(client, "Office");
        assertThat(client.result("awaitInvalid", "{\"handle\":\"" + handle + "\",\"timeoutMillis\":20}")
                .path("invalid").asBoolean()).isFalse();
        assertThat(client.result("awaitInvalid", "{\"handle\":\"" + handle + "\"}").path("invalid").asBoolean()).isFalse();
        assertThat(client.result("awaitInvalid", "{\"handle\":\"0x99\",\"timeoutMillis\":60000}")
                .path("invalid").asBoolean()).isTrue();
    }

    @Test
    void watchReplaysFromSinceThenStreamsLiveEventsUntilUnwatch() throws Exception {
        String handle = dialConnected(client, "Office");
        try (RawClient watcher = fx.client()) {
            long sub = watcher.result("watch", "{\"since\":0}").path("subscription").asLong();
            List<JsonNode> events = new ArrayList<>();
            while (events.stream().noneMatch(e -> e.path("state").asText().equals("Connected"))) {
                JsonNode n = watcher.notification();
                assertThat(n.path("method").asText()).isEqualTo("event");
                assertThat(n.path("params").path("subscription").asLong()).isEqualTo(sub);
                events.add(n.path("params").path("event"));
            }
            assertThat(events.getFirst().path("seq").asLong()).isEqualTo(1);
            assertThat(events).allSatisfy(e -> assertThat(e.path("handle").asText()).isEqualTo(handle));
            assertThat(events).extracting(e -> e.path("seq").asLong()).isSorted().doesNotHaveDuplicates();

            client.result("hangUp", "{\"handle\":\"" + handle + "\"}");
            JsonNode e;
            do {
                e = watcher.notification().path("params").path("event");
            } while (!e.path("kind").asText().equals("removed"));
            watcher.result("unwatch", "{\"subscription\":" + sub + "}");
            int afterUnwatch = watcher.received.size();

            // More events: a second subscription sees them, the first one no more.
            long sub2 = watcher.result("watch", "{\"since\":" + (e.path("seq").asLong() + 1) + "}").path("subscription").asLong();
            dialConnected(client, "Again");
            JsonNode n;
            do {
                n = watcher.notification();
            } while (!n.path("params").path("event").path("state").asText().equals("Connected"));
            assertThat(watcher.received.subList(afterUnwatch, watcher.received.size()))
                    .noneMatch(l -> l.contains("\"subscription\":" + sub + ","));
            assertThat(n.path("params").path("subscription").asLong()).isEqualTo(sub2);
        }
    }

    @Test
    void stateNotificationsGoOnlyToTheClientThatDialed() throws Exception {
        try (RawClient other = fx.client()) {
            dialConnected(client, "Office");
            other.result("ping", null);
            assertThat(other.received).noneMatch(l -> l.contains("\"method\":\"state\""));
        }
    }

    @Test
    void shutdownHangsUpEveryConnectionProperlyAndRemovesTheSocket() throws Exception {
        dialConnected(client, "Office");
        assertThat(client.result("shutdown", null).isEmpty()).isTrue();
        assertThat(fx.daemon.awaitTermination(RawClient.WITHIN)).isTrue();
        assertThat(fx.peer.sawTerminateRequest()).isTrue();
        assertThat(fx.peer.trace).anyMatch(l -> l.startsWith("rcvd [LCP TermReq") && l.contains("shutting down"));
        assertThat(Files.exists(fx.socket)).isFalse();
        // The client heard the end of its connection before the daemon closed the socket.
        assertThat(client.awaitClosed(RawClient.WITHIN)).isTrue();
        assertThat(client.received).anyMatch(l -> l.contains("\"state\":\"Disconnected\""));
    }

    @Test
    void secretsAppearInNoResponseNotificationErrorOrLogLine() throws Exception {
        String handle = dialConnected(client, "Office");
        client.result("status", "{\"handle\":\"" + handle + "\"}");
        client.result("list", null);
        client.call("dial", "{\"entry\":\"" + TestResolver.QUOTING_ENTRY + "\",\"password\":\"" + PeerServer.PASSWORD + "\"}");
        client.sendLine("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"dial\",\"params\":{\"password\":\"" + PeerServer.PASSWORD);
        client.sendLine("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"dial\",\"params\":{\"password\":" + PeerServer.PASSWORD + "}}");
        client.sendLine("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"dial\",\"params\":{\"pass\":\"" + PeerServer.PASSWORD + "\"}}");
        client.unanswerable();
        client.unanswerable();
        assertThat(client.response("3").path("error").path("code").asInt()).isEqualTo(-32602);
        client.result("hangUp", "{\"handle\":\"" + handle + "\"}");
        client.result("awaitInvalid", "{\"handle\":\"" + handle + "\",\"timeoutMillis\":15000}");
        client.result("tombstone", "{\"handle\":\"" + handle + "\"}");
        try (RawClient watcher = fx.client()) {
            watcher.result("watch", "{\"since\":0}");
            await("the replay", () -> watcher.received.stream().anyMatch(l -> l.contains("\"removed\"")));
            assertThat(watcher.received).noneMatch(l -> l.contains(PeerServer.PASSWORD));
        }
        assertThat(client.received).hasSizeGreaterThan(10).noneMatch(l -> l.contains(PeerServer.PASSWORD));
        assertThat(fx.log).isNotEmpty().noneMatch(l -> l.contains(PeerServer.PASSWORD));
    }

    @Test
    void theLogHasOneLinePerConnectionEvent() throws Exception {
        String handle = dialConnected(client, "Office");
        await("the Connected line", () -> fx.log.stream().anyMatch(l -> l.contains(handle + " Office state Connected")));
        assertThat(fx.log).anyMatch(l -> l.startsWith("dial Office by root (uid 0)"));
    }
}
