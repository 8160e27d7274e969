package io.jras.server.radius;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real FreeRADIUS 3.2 (Debian's {@code freeradius}) on 127.0.0.1 for the tests: a private copy
 * of /etc/freeradius/3.0 in a temporary directory with free ports, one client (127.0.0.1, a fresh
 * secret, Message-Authenticator required), the given users with their Cleartext-Password (so PAP,
 * CHAP and MS-CHAPv2 all work), and a detail file the accounting records can be read back from.
 *
 * <p>It runs {@code freeradius -X -f -d DIR} after checking the configuration with {@code -C}.
 * If it cannot start, {@link #start} throws: the test fails, it is never skipped. The server's own
 * log (it prints what it receives, passwords included: a test lab, not jras output) goes to
 * {@code target/peer-logs/}.
 */
public final class FreeRadiusProcess implements AutoCloseable {

    public static final Path DEBIAN_RADDB = Path.of("/etc/freeradius/3.0");
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);

    /** One line of mods-config/files/authorize: a user, its password, and reply attributes like "Framed-IP-Address = 10.1.2.3". */
    public record User(String name, String password, List<String> reply) {
        public User(String name, String password) {
            this(name, password, List.of());
        }
    }

    private final Path dir;
    private final Path log;
    private final String secret;
    private final int authPort;
    private final int acctPort;
    private Process process;

    private FreeRadiusProcess(Path dir, Path log, String secret, int authPort, int acctPort) {
        this.dir = dir;
        this.log = log;
        this.secret = secret;
        this.authPort = authPort;
        this.acctPort = acctPort;
    }

    /** Writes the configuration, checks it, starts the server and waits until it is ready. */
    public static FreeRadiusProcess start(List<User> users) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("jras-freeradius-");
        Path logs = Path.of("target", "peer-logs");
        Files.createDirectories(logs);
        Path log = logs.resolve("freeradius-" + dir.getFileName() + ".log");
        byte[] s = new byte[12];
        new SecureRandom().nextBytes(s);
        int[] ports = freeUdpPorts();
        FreeRadiusProcess f = new FreeRadiusProcess(dir, log, HexFormat.of().formatHex(s), ports[0], ports[1]);
        f.configure(users);
        f.check();
        f.run();
        return f;
    }

    public InetSocketAddress authAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), authPort);
    }

    public InetSocketAddress acctAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), acctPort);
    }

    /** The shared secret of the client entry, for the test to hand to jras (and to look for in logs). */
    public String secret() {
        return secret;
    }

    public Path detailFile() {
        return dir.resolve("acct").resolve("detail");
    }

    /** The accounting records received so far, oldest first: attribute name to value (quotes removed). */
    public List<Map<String, String>> accountingRecords() throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        if (!Files.exists(detailFile())) {
            return out;
        }
        Map<String, String> current = null;
        for (String line : Files.readAllLines(detailFile(), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                current = null;
            } else if (!line.startsWith("\t") && !line.startsWith(" ")) {
                current = new LinkedHashMap<>();
                out.add(current);
            } else if (current != null) {
                int eq = line.indexOf(" = ");
                if (eq > 0) {
                    String value = line.substring(eq + 3).strip();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    current.put(line.substring(0, eq).strip(), value);
                }
            }
        }
        return out;
    }

    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no FreeRADIUS log: " + e.getMessage() + ")";
        }
    }

    private void configure(List<User> users) throws IOException, InterruptedException {
        // a copy that follows the symlinks of mods-enabled, so nothing points back into /etc
        Process cp = new ProcessBuilder("cp", "-rL", DEBIAN_RADDB + "/.", dir.toString()).redirectErrorStream(true).start();
        String cpOut = new String(cp.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (cp.waitFor() != 0) {
            throw new IOException("cannot copy " + DEBIAN_RADDB + " (is Debian's freeradius installed?): " + cpOut);
        }
        for (String d : List.of("log", "run", "acct")) {
            Files.createDirectories(dir.resolve(d));
        }
        // only what a PPP NAS needs: no EAP (its certificates), no inner-tunnel (a fixed port), no unix/passwd
        try (var sites = Files.list(dir.resolve("sites-enabled"))) {
            for (Path p : sites.toList()) {
                Files.delete(p);
            }
        }
        for (String m : List.of("eap", "ntlm_auth", "dynamic_clients", "radutmp", "sradutmp", "unix", "passwd",
                "soh", "replicate", "echo", "exec", "logintime", "unpack", "digest", "detail.log")) {
            Files.deleteIfExists(dir.resolve("mods-enabled").resolve(m));
        }
        Path conf = dir.resolve("radiusd.conf");
        String c = Files.readString(conf, StandardCharsets.UTF_8)
                .replaceAll("(?m)^logdir = .*$", "logdir = " + dir.resolve("log"))
                .replaceAll("(?m)^raddbdir = .*$", "raddbdir = " + dir)
                .replaceAll("(?m)^radacctdir = .*$", "radacctdir = " + dir.resolve("acct"))
                .replaceAll("(?m)^run_dir = .*$", "run_dir = " + dir.resolve("run"))
                .replaceAll("(?m)^proxy_requests\\s*=.*$", "proxy_requests = no")
                // stay root: the private directory belongs to us, not to freerad
                .replaceAll("(?m)^(\\s*)(user|group) = freerad", "$1#$2 = freerad");
        Files.writeString(conf, c, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("clients.conf"), """
                client jras {
                	ipaddr = 127.0.0.1
                	secret = "%s"
                	require_message_authenticator = yes
                	nas_type = other
                }
                """.formatted(secret), StandardCharsets.UTF_8);
        StringBuilder authorize = new StringBuilder();
        for (User u : users) {
            authorize.append(u.name()).append("\tCleartext-Password := \"").append(u.password()).append("\"\n");
            for (int i = 0; i < u.reply().size(); i++) {
                authorize.append('\t').append(u.reply().get(i)).append(i + 1 < u.reply().size() ? ",\n" : "\n");
            }
            authorize.append('\n');
        }
        Files.writeString(dir.resolve("mods-config/files/authorize"), authorize.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("mods-enabled/jras_acct"), """
                detail jras_acct {
                	filename = ${radacctdir}/detail
                	permissions = 0600
                	header = "%t"
                }
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("sites-enabled/jras"), """
                server jras {
                listen {
                	type = auth
                	ipaddr = 127.0.0.1
                	port = %d
                }
                listen {
                	type = acct
                	ipaddr = 127.0.0.1
                	port = %d
                }
                authorize {
                	preprocess
                	chap
                	mschap
                	files
                	pap
                }
                authenticate {
                	Auth-Type PAP {
                		pap
                	}
                	Auth-Type CHAP {
                		chap
                	}
                	Auth-Type MS-CHAP {
                		mschap
                	}
                }
                preacct {
                	preprocess
                	acct_unique
                }
                accounting {
                	jras_acct
                	ok
                }
                post-auth {
                	Post-Auth-Type REJECT {
                		attr_filter.access_reject
                	}
                }
                }
                """.formatted(authPort, acctPort), StandardCharsets.UTF_8);
    }

    private void check() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("freeradius", "-C", "-X", "-d", dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("freeradius -C rejects the test configuration in " + dir + ":\n" + tail(out));
        }
    }

    private void run() throws IOException, InterruptedException {
        process = new ProcessBuilder("freeradius", "-X", "-f", "-d", dir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long end = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < end) {
            if (logText().contains("Ready to process requests")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("freeradius exited with " + process.exitValue() + " before it was ready:\n"
                        + tail(logText()));
            }
            Thread.sleep(50);
        }
        stopProcess();
        throw new IOException("freeradius was not ready within " + READY_WITHIN + ":\n" + tail(logText()));
    }

    private static int[] freeUdpPorts() throws IOException {
        try (DatagramSocket a = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket b = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return new int[] {a.getLocalPort(), b.getLocalPort()};
        }
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : "..." + s.substring(s.length() - 4000);
    }

    @Override
    public void close() {
        stopProcess();
        // the private raddb holds the secret and the users' passwords: leave nothing behind
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary directory either way
        }
    }

    private void stopProcess() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
