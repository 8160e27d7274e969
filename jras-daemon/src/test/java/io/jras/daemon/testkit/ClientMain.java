package io.jras.daemon.testkit;

import io.jras.client.ConnectionInfo;
import io.jras.client.DialOptions;
import io.jras.client.Event;
import io.jras.client.Handles;
import io.jras.client.RasClientException;
import io.jras.client.RemoteAccess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A tiny client program for tests that need another process (or another user): one command per run
 * through {@link RemoteAccess#connect(Path)}, which starts a daemon when none answers. Prints one
 * line per answer; a RAS error prints "error N". Exit status 0 unless something unexpected failed.
 *
 * <pre>
 * SOCKET dial ENTRY DEVICE [all]   dials, waits for Connected, prints "handle 0x..."
 * SOCKET dial-pbk ENTRY PHONEBOOK  dials an entry of a phonebook; prints "handle 0x..." or "error N"
 * SOCKET list                      "0x... ENTRY OWNER STATE" per connection
 * SOCKET status HANDLE             the state, or "error N"
 * SOCKET hangup HANDLE             "ok" or "error N"
 * SOCKET tombstone HANDLE          "tombstone" or "none"
 * SOCKET hangup-entry ENTRY        lists, hangs up the entry's handle, polls status until error 6
 * SOCKET watch-until KIND          watches from 0 until an event of KIND, prints the handles seen
 * SOCKET ping                      the daemon's pid
 * SOCKET shutdown                  "ok" or "error N"
 * SOCKET serve-start tcp:HOST:PORT  serverStart with no authentication: the server id, or "error N"
 * </pre>
 */
public final class ClientMain {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    private ClientMain() {
    }

    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[0]);
        try (RemoteAccess ras = RemoteAccess.connect(socket)) {
            System.out.println(run(ras, args));
        } catch (RasClientException e) {
            System.out.println("error " + e.code());
            System.err.println(e.describe());
        }
        System.exit(0);
    }

    private static String run(RemoteAccess ras, String[] a) throws Exception {
        return switch (a[1]) {
            case "dial" -> dial(ras, a[2], a[3], a.length > 4 && a[4].equals("all"));
            case "dial-pbk" -> "handle " + Handles.format(ras.dial(DialOptions.entry(a[2]).withPhonebook(a[3]), null));
            case "list" -> {
                StringBuilder b = new StringBuilder();
                for (ConnectionInfo i : ras.list()) {
                    b.append(Handles.format(i.handle())).append(' ').append(i.entry()).append(' ').append(i.owner())
                            .append(' ').append(i.state()).append('\n');
                }
                yield b.toString().strip();
            }
            case "status" -> ras.status(Handles.parse(a[2])).state();
            case "hangup" -> {
                ras.hangUp(Handles.parse(a[2]), false);
                yield "ok";
            }
            case "tombstone" -> ras.tombstone(Handles.parse(a[2])).isPresent() ? "tombstone" : "none";
            case "hangup-entry" -> hangUpEntry(ras, a[2]);
            case "watch-until" -> watchUntil(ras, a[2]);
            case "ping" -> ((io.jras.client.rpc.DaemonRemoteAccess) ras).ping().path("pid").asText();
            case "shutdown" -> {
                ((io.jras.client.rpc.DaemonRemoteAccess) ras).shutdownDaemon();
                yield "ok";
            }
            case "serve-start" -> ((io.jras.client.rpc.DaemonRemoteAccess) ras).startServer(java.util.Map.of(
                    "listen", java.util.List.of(a[2]), "pool", "192.0.2.10-192.0.2.19", "auth", "none"), false, line -> { })
                    .path("server").asText();
            default -> throw new IllegalArgumentException("unknown command " + a[1]);
        };
    }

    private static String dial(RemoteAccess ras, String entry, String device, boolean allUsers) throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        int[] failure = new int[1];
        long h = ras.dial(DialOptions.entry(entry).withDevice(device)
                .withCredentials(PeerServer.USER, PeerServer.PASSWORD).forAllUsers(allUsers), (handle, state, code, error) -> {
                    if (code == 0x2000 || code == 0x2001) {
                        failure[0] = error;
                        up.countDown();
                    }
                });
        if (!up.await(WITHIN.toMillis(), TimeUnit.MILLISECONDS) || failure[0] != 0) {
            return "not connected " + Handles.format(h) + " error " + failure[0];
        }
        return "handle " + Handles.format(h);
    }

    private static String hangUpEntry(RemoteAccess ras, String entry) throws Exception {
        long h = ras.list().stream().filter(i -> i.entry().equals(entry)).findFirst().orElseThrow().handle();
        ras.hangUp(h, false);
        long end = System.nanoTime() + WITHIN.toNanos();
        while (System.nanoTime() < end) {
            try {
                ras.status(h);
            } catch (RasClientException e) {
                if (e.code() == 6) {
                    return "listed " + Handles.format(h) + " " + entry + "\ninvalid";
                }
                throw e;
            }
            Thread.sleep(20);
        }
        return "still valid";
    }

    private static String watchUntil(RemoteAccess ras, String kind) throws Exception {
        Set<String> handles = new LinkedHashSet<>();
        CountDownLatch seen = new CountDownLatch(1);
        AutoCloseable sub = ras.watch(0, (Event e) -> {
            handles.add(Handles.format(e.handle()));
            if (e.kind().equals(kind)) {
                seen.countDown();
            }
        });
        boolean found = seen.await(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        sub.close();
        return found ? String.join(" ", handles) : "no " + kind;
    }
}
