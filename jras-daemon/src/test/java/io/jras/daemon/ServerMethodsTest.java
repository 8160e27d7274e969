package io.jras.daemon;

import static io.jras.daemon.testkit.DaemonFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jras.daemon.testkit.DaemonFixture;
import io.jras.daemon.testkit.RawClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * serverStart / serverStop / serverList on the wire: the daemon runs jras serve's answering server
 * and its sessions are the manager's incoming connections. The caller here is the daemon's own
 * user; the daemon dials its own server (a jras client against the jras server, over TCP), so a
 * dialed and an incoming connection stand side by side. AccessIT covers other users.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ServerMethodsTest {

    static final String SECRET = "drink-me-7";

    private DaemonFixture fx;
    private RawClient client;
    private Path users;
    private int port;

    @BeforeEach
    void start() throws Exception {
        fx = new DaemonFixture();
        client = fx.client();
        users = fx.dir.resolve("chap-secrets");
        Files.writeString(users, "alice * \"" + SECRET + "\" *\n");
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        fx.close();
    }

    private String serveParams(String extra) {
        return "{\"listen\":[\"tcp:127.0.0.1:" + port + "\"],\"pool\":\"192.0.2.10-192.0.2.19\",\"users\":\""
                + users + "\",\"auth\":\"pap\",\"dns\":\"192.0.2.53\",\"name\":\"lab\"" + extra + "}";
    }

    private String dialSelf() {
        return "{\"entry\":\"Self\",\"device\":\"tcp:127.0.0.1:" + port + "\",\"user\":\"alice\",\"password\":\""
                + SECRET + "\"}";
    }

    /** The next state notification of {@code handle} that reaches {@code state}; every notification seen goes to {@code seen}. */
    private JsonNode awaitState(RawClient c, String handle, String state, List<JsonNode> seen) throws InterruptedException {
        while (true) {
            JsonNode n = c.notification();
            seen.add(n);
            if (n.path("method").asText().equals("state") && n.path("params").path("handle").asText().equals(handle)
                    && n.path("params").path("state").asText().equals(state)) {
                return n;
            }
        }
    }

    private boolean listening() {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private JsonNode incomingRow() throws Exception {
        for (JsonNode row : client.result("list", null)) {
            if (row.path("incoming").asBoolean()) {
                return row;
            }
        }
        return null;
    }

    @Test
    void theDaemonAnswersItsOwnDialAndHangingUpTheIncomingSideEndsBothWithLcpTerminate() throws Exception {
        JsonNode started = client.result("serverStart", serveParams(""));
        assertThat(started.path("listen").get(0).asText()).isEqualTo("tcp:127.0.0.1:" + port);
        long server = started.path("server").asLong();
        List<JsonNode> seen = new ArrayList<>();
        JsonNode first = client.notification();
        seen.add(first);
        assertThat(first.path("method").asText()).isEqualTo("serverLog");
        assertThat(first.path("params").path("server").asLong()).isEqualTo(server);
        assertThat(first.path("params").path("line").asText()).isEqualTo("listening on tcp:127.0.0.1:" + port);
        assertThat(client.result("serverList", null).get(0).path("sessions").asInt()).isZero();

        String dialed = client.result("dial", dialSelf()).path("handle").asText();
        awaitState(client, dialed, "Connected", seen);
        await("the incoming session listed", () -> {
            try {
                return incomingRow() != null;
            } catch (Exception e) {
                return false;
            }
        });
        JsonNode in = incomingRow();
        assertThat(in.path("entry").asText()).isEqualTo("lab");
        assertThat(in.path("user").asText()).isEqualTo("alice");
        assertThat(in.path("phoneNumber").asText()).isEqualTo("alice");
        assertThat(in.path("deviceType").asText()).isEqualTo("tcp");
        assertThat(in.path("deviceName").asText()).isEqualTo("tcp:127.0.0.1:" + port);
        assertThat(in.path("state").asText()).isEqualTo("Connected");
        String incoming = in.path("handle").asText();
        assertThat(incoming).isNotEqualTo(dialed);

        JsonNode status = client.result("status", "{\"handle\":\"" + incoming + "\"}");
        assertThat(status.path("projection").path("localAddress").asText()).isEqualTo("192.0.2.9");
        assertThat(status.path("projection").path("remoteAddress").asText()).isEqualTo("192.0.2.10");
        assertThat(status.path("projection").path("dns").get(0).asText()).isEqualTo("192.0.2.53");
        assertThat(status.path("projection").path("peerAuthProtocol").asText()).isEqualTo("PAP");
        // The other end's view agrees: the dialer got the pool's first address.
        JsonNode dialedStatus = client.result("status", "{\"handle\":\"" + dialed + "\"}");
        assertThat(dialedStatus.path("projection").path("localAddress").asText()).isEqualTo("192.0.2.10");

        client.result("hangUp", "{\"handle\":\"" + incoming + "\"}");
        // The dialer hears LCP Terminate-Request from the server: its connection drops with 719.
        JsonNode down = awaitState(client, dialed, "Disconnected", seen);
        assertThat(down.path("params").path("error").asInt()).isEqualTo(719);
        assertThat(client.result("awaitInvalid", "{\"handle\":\"" + incoming + "\",\"timeoutMillis\":15000}")
                .path("invalid").asBoolean()).isTrue();
        JsonNode gone = client.call("status", "{\"handle\":\"" + incoming + "\"}");
        assertThat(gone.path("error").path("code").asInt()).isEqualTo(6);
        JsonNode tomb = client.result("tombstone", "{\"handle\":\"" + incoming + "\"}");
        assertThat(tomb.path("pppCause").asText()).isEqualTo("User request");
        assertThat(tomb.path("finalStatistics").path("bytesRcved").asLong()).isPositive();

        assertThat(fx.log).anyMatch(l -> l.contains(incoming + " lab incoming Connected: incoming call from 127.0.0.1:"));
        assertThat(fx.log).anyMatch(l -> l.contains("server " + server + ": session 1 ended"));
        assertThat(fx.log).noneMatch(l -> l.contains(SECRET));
        assertThat(seen).noneMatch(n -> n.toString().contains(SECRET));
        client.result("hangUp", "{\"handle\":\"" + dialed + "\"}");
    }

    @Test
    void theServerStopsWhenTheClientThatStartedItGoesAwayUnlessDetached() throws Exception {
        try (RawClient starter = fx.client()) {
            starter.result("serverStart", serveParams(""));
            assertThat(listening()).isTrue();
        }
        await("the server stopped with its client", () -> !listening());
        assertThat(client.result("serverList", null)).isEmpty();

        long detached;
        try (RawClient starter = fx.client()) {
            detached = starter.result("serverStart", serveParams(",\"detach\":true")).path("server").asLong();
        }
        JsonNode list = client.result("serverList", null);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("detached").asBoolean()).isTrue();
        assertThat(listening()).isTrue();
        client.result("serverStop", "{\"server\":" + detached + "}");
        // The client that started a server hears when someone else stops it.
        long followed = client.result("serverStart", serveParams("")).path("server").asLong();
        try (RawClient other = fx.client()) {
            other.result("serverStop", "{\"server\":" + followed + "}");
        }
        JsonNode n;
        do {
            n = client.notification();
        } while (!n.path("method").asText().equals("serverStopped"));
        assertThat(n.path("params").path("server").asLong()).isEqualTo(followed);
        assertThat(n.path("params").path("reason").asText()).startsWith("asked by ");
        assertThat(listening()).as("serverStop answers once the server has stopped").isFalse();
        assertThat(client.call("serverStop", "{\"server\":" + detached + "}").path("error").path("code").asInt())
                .isEqualTo(6);
    }

    @Test
    void badOptionsGetClearErrorsAndABusyPortIs633() throws Exception {
        assertThat(client.call("serverStart", serveParams(",\"colour\":\"red\"")).path("error").path("code").asInt())
                .isEqualTo(-32602);
        JsonNode wrongType = client.call("serverStart", "{\"listen\":\"tcp:127.0.0.1:" + port + "\",\"pool\":7}");
        assertThat(wrongType.path("error").path("code").asInt()).isEqualTo(-32602);
        JsonNode badPool = client.call("serverStart", "{\"listen\":[\"tcp:127.0.0.1:" + port + "\"],\"pool\":\"nowhere\","
                + "\"auth\":\"none\"}");
        assertThat(badPool.path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(badPool.path("error").path("message").asText()).contains("nowhere");
        JsonNode noUsers = client.call("serverStart", "{\"listen\":[\"tcp:127.0.0.1:" + port + "\"],"
                + "\"pool\":\"192.0.2.10-192.0.2.19\",\"auth\":\"chap\"}");
        assertThat(noUsers.path("error").path("message").asText()).contains("needs --users");
        try (ServerSocket busy = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            JsonNode r = client.call("serverStart", serveParams(""));
            assertThat(r.path("error").path("code").asInt()).isEqualTo(633);
            assertThat(r.path("error").path("data").path("detail").asText()).contains("cannot listen on 127.0.0.1:" + port);
        }
        assertThat(client.result("serverList", null)).isEmpty();
        assertThat(client.result("ping", null).path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
    }
}
