package io.jras.ppp.testkit.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.ppp.testkit.peers.PeerProcess.Auth;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Proves that the harness starts each real peer and that it speaks PPP on 127.0.0.1: a plain socket
 * sends a hand-built LCP Configure-Request and gets LCP back. Deliberately independent of the jras
 * engine: the framing here is a local twenty-line helper.
 */
@RealPeers
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PeerHarnessIT {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    private static final Duration REPLY_WITHIN = Duration.ofSeconds(10);
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(30);
    private static final int LCP = 0xc021;
    private static final int CONF_REQ = 1;
    private static final int CONF_ACK = 2;
    private static final int OPT_AUTH = 3;

    /**
     * Our LCP Configure-Request (RFC 1661 5.1), before RFC 1662 framing:
     * <pre>
     *   ff 03              address, control
     *   c0 21              protocol LCP
     *   01 01 00 14        code 1 Configure-Request, identifier 1, length 20
     *   01 04 05 dc        MRU 1500
     *   02 06 00 00 00 00  ACCM 0x00000000
     *   05 06 4a 52 41 53  magic number "JRAS"
     * </pre>
     */
    private static final byte[] OUR_CONF_REQ =
            HEX.parseHex("ff 03 c0 21 01 01 00 14 01 04 05 dc 02 06 00 00 00 00 05 06 4a 52 41 53");

    /**
     * The same on the wire, FCS aside: flag 7e, then every byte below 0x20 escaped (default ACCM) as
     * 7d followed by the byte xor 0x20; then the FCS-16 (LSB first, escaped too) and a closing flag.
     */
    private static final String OUR_CONF_REQ_WIRE = "7e ff 7d 23 c0 21 7d 21 7d 21 7d 20 7d 34 7d 21 7d 24 7d 25 dc"
            + " 7d 22 7d 26 7d 20 7d 20 7d 20 7d 20 7d 25 7d 26 4a 52 41 53";

    @Test
    void theLocalFramingHelperIsRfc1662() {
        // FCS-16 check value of "123456789" (CRC-16/X-25): 0x906e
        assertThat(~fcs16("123456789".getBytes(StandardCharsets.US_ASCII)) & 0xffff).isEqualTo(0x906e);
        String wire = HEX.formatHex(frame(OUR_CONF_REQ));
        assertThat(wire).startsWith(OUR_CONF_REQ_WIRE).endsWith("7e");
        List<Frame> back = new Deframer().feed(frame(OUR_CONF_REQ));
        assertThat(back).singleElement().satisfies(f -> {
            assertThat(f.protocol()).isEqualTo(LCP);
            assertThat(f.code()).isEqualTo(CONF_REQ);
            assertThat(f.options()).containsKeys(1, 2, 5);
        });
    }

    @ParameterizedTest
    @EnumSource(value = Auth.class, names = {"NONE", "PAP", "CHAP", "MSCHAPV2"})
    void pppdServerAnswersLcp(Auth auth) throws IOException {
        try (PeerProcess server = PeerProcess.pppdServer(auth, Map.of())) {
            assertThat(server.log()).contains("Connect: ppp0");
            List<Frame> lcp;
            try (Socket s = connect(server.port())) {
                s.getOutputStream().write(frame(OUR_CONF_REQ));
                lcp = readLcpUntilConfReqAndAck(s);
            }
            assertAckOfOurRequest(lcp);
            assertThat(authOption(lcp)).isEqualTo(expectedAuthOption(auth));
            // pppd's own log saw our request, and it ends with "Modem hangup" when we close
            server.awaitLog("^rcvd \\[LCP ConfReq id=0x1 <mru 1500> <asyncmap 0x0> <magic 0x4a524153>\\]", REPLY_WITHIN);
            assertThat(server.awaitExit(EXIT_WITHIN)).isEqualTo(PeerProcess.EXIT_HANGUP);
            assertThat(server.log()).contains("Modem hangup");
            assertThat(runDirs("server-" + server.port())).as("run dir removed").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Auth.class, names = {"NONE", "PAP", "CHAP"})
    void slirpAnswersLcpOnEveryConnection(Auth auth) throws IOException {
        int port;
        try (PeerProcess slirp = PeerProcess.slirp(auth, Map.of())) {
            port = slirp.port();
            for (int connection = 1; connection <= 2; connection++) {
                try (Socket s = connect(slirp.port())) {
                    s.getOutputStream().write(frame(OUR_CONF_REQ));
                    List<Frame> lcp = readLcpUntilConfReqAndAck(s);
                    assertAckOfOurRequest(lcp);
                    assertThat(authOption(lcp)).as("connection %d", connection).isEqualTo(expectedAuthOption(auth));
                }
            }
        }
        assertThat(runDirs("slirp-" + port)).as("run dir removed").isEmpty();
    }

    @Test
    void pppdClientCallsAndSendsConfReq() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             PeerProcess client = PeerProcess.pppdClient(listener.getLocalPort(), Auth.ANY, Map.of())) {
            listener.setSoTimeout((int) REPLY_WITHIN.toMillis());
            try (Socket s = listener.accept()) {
                s.setSoTimeout(100);
                Frame req = readFrames(s, f -> f.protocol() == LCP && f.code() == CONF_REQ).getLast();
                // pppd's defaults: <asyncmap 0x0> <magic ...> <pcomp> <accomp>, no auth asked of us
                assertThat(req.options()).containsKeys(2, 5, 7, 8).doesNotContainKey(OPT_AUTH);
                assertThat(req.options().get(2)).containsExactly(0, 0, 0, 0);
            }
            assertThat(client.awaitExit(EXIT_WITHIN)).isEqualTo(PeerProcess.EXIT_HANGUP);
        }
    }

    @Test
    void aPeerThatCannotStartFailsTheTestWithItsStderr() {
        int nobodyListens = PeerProcess.freePort();
        assertThatThrownBy(() -> PeerProcess.pppdClient(nobodyListens, Auth.NONE, Map.of()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("could not start")
                .hasMessageContaining("ERROR: socat")
                .hasMessageContaining("Connection refused");
        assertThat(runDirs("client-" + nobodyListens)).as("run dir removed").isEmpty();
    }

    // ---- helpers --------------------------------------------------------------------------

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(100);
        return s;
    }

    private static List<Frame> readLcpUntilConfReqAndAck(Socket s) throws IOException {
        List<Frame> lcp = new ArrayList<>();
        readFrames(s, f -> {
            if (f.protocol() == LCP) {
                lcp.add(f);
            }
            return lcp.stream().anyMatch(x -> x.code() == CONF_REQ) && lcp.stream().anyMatch(x -> x.code() == CONF_ACK);
        });
        return lcp;
    }

    /** Reads frames until {@code done} accepts one; fails on timeout or EOF. Returns all frames read. */
    private static List<Frame> readFrames(Socket s, Predicate<Frame> done) throws IOException {
        Deframer deframer = new Deframer();
        List<Frame> all = new ArrayList<>();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        long deadline = System.nanoTime() + REPLY_WITHIN.toNanos();
        while (System.nanoTime() - deadline < 0) {
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (n < 0) {
                break;
            }
            for (Frame f : deframer.feed(Arrays.copyOf(buf, n))) {
                all.add(f);
                if (done.test(f)) {
                    return all;
                }
            }
        }
        throw new AssertionError("no expected frame within " + REPLY_WITHIN + "; got " + all
                + "; raw " + HEX.formatHex(deframer.raw.toByteArray()));
    }

    private static void assertAckOfOurRequest(List<Frame> lcp) {
        Frame ack = lcp.stream().filter(f -> f.code() == CONF_ACK).findFirst().orElseThrow();
        byte[] ourOptions = Arrays.copyOfRange(OUR_CONF_REQ, 8, OUR_CONF_REQ.length);
        assertThat(ack.id()).isEqualTo(1);
        assertThat(Arrays.copyOfRange(ack.info(), 4, ack.info().length)).isEqualTo(ourOptions);
    }

    private static String authOption(List<Frame> lcp) {
        Frame req = lcp.stream().filter(f -> f.code() == CONF_REQ).findFirst().orElseThrow();
        byte[] auth = req.rawOptions().get(OPT_AUTH);
        return auth == null ? "none" : HEX.formatHex(auth);
    }

    private static String expectedAuthOption(Auth auth) {
        return switch (auth) {
            case NONE -> "none";
            case PAP -> "c0 23";
            case CHAP -> "c2 23 05";        // CHAP with MD5
            case MSCHAPV2 -> "c2 23 81";    // CHAP with MS-CHAPv2
            case ANY -> throw new IllegalArgumentException();
        };
    }

    private static List<Path> runDirs(String prefix) {
        Path base = Path.of("/tmp/jras-peers");
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(base)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(prefix + ".")).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // ---- a tiny RFC 1662 framing helper (independent of the engine under test) ----------------

    /** The FCS-16 register over {@code data}, from 0xffff, not complemented (RFC 1662 C.2). */
    static int fcs16(byte[] data) {
        int fcs = 0xffff;
        for (byte b : data) {
            fcs ^= b & 0xff;
            for (int i = 0; i < 8; i++) {
                fcs = (fcs & 1) != 0 ? (fcs >>> 1) ^ 0x8408 : fcs >>> 1;
            }
        }
        return fcs;
    }

    /** Flag, body + FCS (LSB first) with flag, escape and all control characters escaped, flag. */
    static byte[] frame(byte[] body) {
        int fcs = ~fcs16(body) & 0xffff;
        byte[] withFcs = Arrays.copyOf(body, body.length + 2);
        withFcs[body.length] = (byte) fcs;
        withFcs[body.length + 1] = (byte) (fcs >>> 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x7e);
        for (byte b : withFcs) {
            int v = b & 0xff;
            if (v < 0x20 || v == 0x7d || v == 0x7e) {
                out.write(0x7d);
                out.write(v ^ 0x20);
            } else {
                out.write(v);
            }
        }
        out.write(0x7e);
        return out.toByteArray();
    }

    /** A received PPP frame without address/control and FCS: the protocol and the information field. */
    record Frame(int protocol, byte[] info) {
        int code() {
            return info.length > 0 ? info[0] & 0xff : -1;
        }

        int id() {
            return info.length > 1 ? info[1] & 0xff : -1;
        }

        /** Configure-* options: type to value bytes (as ints, for readable assertions). */
        Map<Integer, List<Integer>> options() {
            Map<Integer, List<Integer>> m = new LinkedHashMap<>();
            rawOptions().forEach((k, v) -> {
                List<Integer> l = new ArrayList<>();
                for (byte b : v) {
                    l.add(b & 0xff);
                }
                m.put(k, l);
            });
            return m;
        }

        Map<Integer, byte[]> rawOptions() {
            Map<Integer, byte[]> m = new LinkedHashMap<>();
            int end = info.length >= 4 ? Math.min(info.length, ((info[2] & 0xff) << 8) | (info[3] & 0xff)) : 0;
            for (int i = 4; i + 2 <= end; ) {
                int len = info[i + 1] & 0xff;
                if (len < 2 || i + len > end) {
                    break;
                }
                m.put(info[i] & 0xff, Arrays.copyOfRange(info, i + 2, i + len));
                i += len;
            }
            return m;
        }

        @Override
        public String toString() {
            return String.format("%04x:%s", protocol, HEX.formatHex(info));
        }
    }

    /** Splits received bytes into frames; drops frames with a bad FCS and bytes before the first flag. */
    static final class Deframer {
        final ByteArrayOutputStream raw = new ByteArrayOutputStream();
        private final ByteArrayOutputStream cur = new ByteArrayOutputStream();
        private boolean escaped;
        private boolean synced;

        List<Frame> feed(byte[] bytes) {
            raw.writeBytes(bytes);
            List<Frame> out = new ArrayList<>();
            for (byte x : bytes) {
                int b = x & 0xff;
                if (b == 0x7e) {
                    byte[] f = cur.toByteArray();
                    if (synced && f.length >= 4 && fcs16(f) == 0xf0b8) {     // the good-FCS residual
                        out.add(decode(Arrays.copyOf(f, f.length - 2)));
                    }
                    cur.reset();
                    escaped = false;
                    synced = true;
                } else if (b == 0x7d) {
                    escaped = true;
                } else {
                    cur.write(escaped ? b ^ 0x20 : b);
                    escaped = false;
                }
            }
            return out;
        }

        private static Frame decode(byte[] f) {
            int i = f.length >= 2 && (f[0] & 0xff) == 0xff && f[1] == 0x03 ? 2 : 0;
            int proto;
            if ((f[i] & 1) != 0) {          // compressed (PFC) one-byte protocol
                proto = f[i] & 0xff;
                i += 1;
            } else {
                proto = ((f[i] & 0xff) << 8) | (f[i + 1] & 0xff);
                i += 2;
            }
            return new Frame(proto, Arrays.copyOfRange(f, i, f.length));
        }
    }
}
