package io.jras.client.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jras.client.DialOptions;
import io.jras.client.Event;
import io.jras.client.RasClientException;
import io.jras.client.Status;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client's side of the protocol against a scripted daemon: order, errors, junk, loss. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DaemonRemoteAccessTest {

    private ScriptedDaemon daemon;
    private DaemonRemoteAccess ras;

    @BeforeEach
    void start() throws Exception {
        daemon = new ScriptedDaemon();
        ras = DaemonRemoteAccess.open(daemon.socket);
    }

    @AfterEach
    void stop() throws Exception {
        ras.close();
        daemon.close();
    }

    private static <T> CompletableFuture<T> async(java.util.concurrent.Callable<T> call) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                f.complete(call.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    private static String state(String handle, String state, int code, int error) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"state\",\"params\":{\"handle\":\"" + handle + "\",\"state\":\"" + state
                + "\",\"stateCode\":" + code + ",\"error\":" + error + "}}";
    }

    @Test
    void statesSentRightBehindTheDialAnswerReachItsListenerInOrder() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        CompletableFuture<Long> handle = async(() -> ras.dial(DialOptions.entry("Office").withCredentials("u", "pw"),
                (h, state, code, error) -> heard.add(Long.toHexString(h) + " " + state + " " + error)));
        JsonNode dial = daemon.request();
        assertThat(dial.path("method").asText()).isEqualTo("dial");
        assertThat(dial.path("params").path("entry").asText()).isEqualTo("Office");
        assertThat(dial.path("params").has("phonebook")).isFalse();
        daemon.send(ScriptedDaemon.result(dial, "{\"handle\":\"0x10\"}"),
                state("0x10", "OpenPort", 0, 0), state("0x10", "Connected", 8192, 0),
                state("0x99", "Connected", 8192, 0), // not ours: nobody hears it
                state("0x10", "Disconnected", 8193, 691), state("0x10", "OpenPort", 0, 0)); // after the end: dropped
        assertThat(handle.get(10, TimeUnit.SECONDS)).isEqualTo(0x10);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (heard.size() < 3 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        // A round trip: the reader has handled every line sent before its answer.
        CompletableFuture<List<io.jras.client.ConnectionInfo>> barrier = async(() -> ras.list());
        daemon.send(ScriptedDaemon.result(daemon.request(), "[]"));
        barrier.get(10, TimeUnit.SECONDS);
        assertThat(heard).containsExactly("10 OpenPort 0", "10 Connected 0", "10 Disconnected 691");
    }

    @Test
    void answersFindTheirCallsWhateverTheirOrder() throws Exception {
        CompletableFuture<Status> first = async(() -> ras.status(1));
        JsonNode r1 = daemon.request();
        CompletableFuture<Status> second = async(() -> ras.status(2));
        JsonNode r2 = daemon.request();
        daemon.send(ScriptedDaemon.result(r2, "{\"handle\":\"0x2\",\"state\":\"Connected\"}"),
                ScriptedDaemon.result(r1, "{\"handle\":\"0x1\",\"state\":\"OpenPort\"}"));
        assertThat(first.get(10, TimeUnit.SECONDS).state()).isEqualTo("OpenPort");
        assertThat(second.get(10, TimeUnit.SECONDS).state()).isEqualTo("Connected");
        assertThat(r1.path("params").path("handle").asText()).isEqualTo("0x1");
    }

    @Test
    void aRasErrorKeepsItsCodeTextAndDetail() throws Exception {
        CompletableFuture<Status> call = async(() -> ras.status(0x1234));
        daemon.send(ScriptedDaemon.error(daemon.request(),
                "{\"code\":6,\"message\":\"The handle is invalid.\",\"data\":{\"rasError\":6,\"detail\":\"0x1234\"}}"));
        assertThat(call).failsWithin(10, TimeUnit.SECONDS).withThrowableThat().havingCause()
                .isInstanceOfSatisfying(RasClientException.class, e -> {
                    assertThat(e.code()).isEqualTo(6);
                    assertThat(e.getMessage()).isEqualTo("The handle is invalid. (0x1234)");
                });
    }

    @Test
    void protocolErrorsBecomeInvalidParameterOrUnknownError() throws Exception {
        CompletableFuture<Status> bad = async(() -> ras.status(1));
        daemon.send(ScriptedDaemon.error(daemon.request(), "{\"code\":-32602,\"message\":\"Invalid params: status.handle\"}"));
        assertThat(bad).failsWithin(10, TimeUnit.SECONDS).withThrowableThat().havingCause()
                .isInstanceOfSatisfying(RasClientException.class, e -> assertThat(e.code()).isEqualTo(87));
        CompletableFuture<Status> unknown = async(() -> ras.status(1));
        daemon.send(ScriptedDaemon.error(daemon.request(), "{\"code\":-32601,\"message\":\"Method not found\"}"));
        assertThat(unknown).failsWithin(10, TimeUnit.SECONDS).withThrowableThat().havingCause()
                .isInstanceOfSatisfying(RasClientException.class, e -> {
                    assertThat(e.code()).isEqualTo(635);
                    assertThat(e.getMessage()).contains("Method not found", "-32601");
                });
    }

    @Test
    void junkFromTheDaemonIsSkipped() throws Exception {
        CompletableFuture<List<io.jras.client.ConnectionInfo>> call = async(() -> ras.list());
        JsonNode r = daemon.request();
        daemon.send("garbage", "[1,2]", "{\"jsonrpc\":\"2.0\",\"method\":\"fromTheFuture\",\"params\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":99999,\"result\":{}}", ScriptedDaemon.result(r, "[]"));
        assertThat(call.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void whenTheDaemonGoesAwayPendingAndLaterCallsFailWith711() throws Exception {
        CompletableFuture<Status> call = async(() -> ras.status(1));
        daemon.request();
        daemon.dropClient();
        assertThat(call).failsWithin(10, TimeUnit.SECONDS).withThrowableThat().havingCause()
                .isInstanceOfSatisfying(RasClientException.class, e -> assertThat(e.code()).isEqualTo(711));
        assertThatThrownBy(() -> ras.list()).isInstanceOfSatisfying(RasClientException.class,
                e -> assertThat(e.code()).isEqualTo(711));
    }

    @Test
    void eventsRightBehindTheWatchAnswerAreDeliveredAndNoneAfterClose() throws Exception {
        List<Long> seqs = new CopyOnWriteArrayList<>();
        CompletableFuture<AutoCloseable> sub = async(() -> ras.watch(5, (Event e) -> seqs.add(e.seq())));
        JsonNode watch = daemon.request();
        assertThat(watch.path("params").path("since").asLong()).isEqualTo(5);
        String event = "{\"jsonrpc\":\"2.0\",\"method\":\"event\",\"params\":{\"subscription\":3,\"event\":{\"seq\":%d,"
                + "\"handle\":\"0x10\",\"kind\":\"state\"}}}";
        daemon.send(ScriptedDaemon.result(watch, "{\"subscription\":3}"), event.formatted(5), event.formatted(6));
        AutoCloseable s = sub.get(10, TimeUnit.SECONDS);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seqs.size() < 2 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(seqs).containsExactly(5L, 6L);
        s.close();
        JsonNode unwatch = daemon.request();
        assertThat(unwatch.path("method").asText()).isEqualTo("unwatch");
        assertThat(unwatch.path("params").path("subscription").asLong()).isEqualTo(3);
        daemon.send(ScriptedDaemon.result(unwatch, "{}"), event.formatted(7));
        CompletableFuture<List<io.jras.client.ConnectionInfo>> after = async(() -> ras.list());
        daemon.send(ScriptedDaemon.result(daemon.request(), "[]"));
        after.get(10, TimeUnit.SECONDS);
        assertThat(seqs).containsExactly(5L, 6L);
    }

    @Test
    void thePasswordIsSentOnlyAsTheDialParamAndNowhereInTheOptionsText() throws Exception {
        DialOptions o = DialOptions.entry("Office").withCredentials("alice", "s3cret");
        assertThat(o.toString()).doesNotContain("s3cret");
        async(() -> ras.dial(o, null));
        JsonNode dial = daemon.request();
        assertThat(dial.path("params").path("password").asText()).isEqualTo("s3cret");
        daemon.send(ScriptedDaemon.result(dial, "{\"handle\":\"0x1\"}"));
    }
}
