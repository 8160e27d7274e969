package io.jras.core.net;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * DNS through systemd-resolved, per interface, as resolvectl(1) does it: {@code resolvectl dns
 * IFNAME SERVER...} and {@code resolvectl domain IFNAME DOMAIN...} when a connection comes up,
 * {@code resolvectl revert IFNAME} when it goes. resolved keeps each link's servers apart, so two
 * connections never step on each other, and it forgets a link's settings when the interface
 * disappears. (resolved's D-Bus API would need a D-Bus library; the command is what scripts use.)
 *
 * <p>The command is injectable: tests use a script that records its arguments.
 */
public final class ResolvedDns implements DnsConfigurator {

    /** resolved's runtime directory; it exists while resolved runs. */
    public static final Path RUN_DIR = Path.of("/run/systemd/resolve");
    public static final List<String> RESOLVECTL = List.of("resolvectl");
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_MESSAGE = 500;

    private final List<String> resolvectl;
    private final Consumer<String> log;

    public ResolvedDns(List<String> resolvectl, Consumer<String> log) {
        if (resolvectl.isEmpty()) {
            throw new IllegalArgumentException("the resolvectl command is empty");
        }
        this.resolvectl = List.copyOf(resolvectl);
        this.log = log == null ? line -> { } : log;
    }

    /**
     * Whether resolved is there to use: its runtime directory exists, or {@code resolvectl status}
     * succeeds (a resolved without the directory, in a container say).
     */
    public static boolean present(Path runDir, List<String> resolvectl) {
        if (Files.isDirectory(runDir)) {
            return true;
        }
        List<String> cmd = new ArrayList<>(resolvectl);
        cmd.add("status");
        try {
            return run(cmd) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void apply(DnsSettings s) throws IOException {
        if (!s.servers().isEmpty()) {
            command("dns", s.ifname(), s.servers());
        }
        if (!s.domains().isEmpty()) {
            command("domain", s.ifname(), s.domains());
        }
        log.accept("dns " + s.ifname() + ": resolved now uses " + String.join(" ", s.servers())
                + (s.domains().isEmpty() ? "" : " for " + String.join(" ", s.domains())));
    }

    @Override
    public void revert(String ifname) throws IOException {
        command("revert", ifname, List.of());
        log.accept("dns " + ifname + ": resolved settings reverted");
    }

    @Override
    public String describe() {
        return "systemd-resolved (" + String.join(" ", resolvectl) + ")";
    }

    private void command(String verb, String ifname, List<String> values) throws IOException {
        List<String> cmd = new ArrayList<>(resolvectl);
        cmd.add(verb);
        cmd.add(ifname);
        cmd.addAll(values);
        StringBuilder out = new StringBuilder();
        int code = run(cmd, out);
        if (code != 0) {
            throw new IOException(String.join(" ", cmd) + " failed with exit status " + code
                    + (out.isEmpty() ? "" : ": " + out.toString().strip()));
        }
    }

    private static int run(List<String> cmd) throws IOException {
        return run(cmd, new StringBuilder());
    }

    /** Runs {@code cmd} with a timeout; its output (first {@value #MAX_MESSAGE} characters) goes to {@code out}. */
    private static int run(List<String> cmd, StringBuilder out) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (InputStream in = p.getInputStream()) {
                byte[] all = in.readNBytes(MAX_MESSAGE);
                synchronized (out) {
                    out.append(new String(all, StandardCharsets.UTF_8));
                }
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // output is only for the message
            }
        });
        try {
            if (!p.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                HookRunner.killTree(p);
                throw new IOException(String.join(" ", cmd) + " did not finish within " + COMMAND_TIMEOUT.toSeconds() + " s");
            }
            reader.join(HookRunner.DRAIN_GRACE);
        } catch (InterruptedException e) {
            HookRunner.killTree(p);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", cmd));
        }
        return p.exitValue();
    }
}
