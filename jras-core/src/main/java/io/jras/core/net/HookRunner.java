package io.jras.core.net;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one hook program as pppd does (pppd(8), "SCRIPTS"; main.c {@code run_program}): only a
 * regular file with an execute bit, in "/", with standard input from /dev/null and exactly the
 * environment of its {@link HookInvocation}. Unlike pppd, its output is not thrown away: standard
 * output and error are captured, at most {@code outputLimit} bytes, and logged. Unlike pppd, a hook
 * that runs longer than {@code timeout} is killed together with every process it started that is
 * still its descendant; a process that detached itself (double fork, setsid) is beyond reach.
 *
 * <p>A file that others may write is refused: the daemon may run as root, and a script anyone can
 * change would run anything as root. The owner must be root or this process's user.
 */
public final class HookRunner {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_OUTPUT_LIMIT = 16 * 1024;
    /** How long output is still read after the hook exited, for children that keep the pipe open. */
    static final Duration DRAIN_GRACE = Duration.ofMillis(500);

    private final Duration timeout;
    private final int outputLimit;
    private final Consumer<String> log;

    public HookRunner(Duration timeout, int outputLimit, Consumer<String> log) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a hook timeout must be positive");
        }
        if (outputLimit < 0) {
            throw new IllegalArgumentException("the output limit must not be negative");
        }
        this.timeout = timeout;
        this.outputLimit = outputLimit;
        this.log = log == null ? line -> { } : log;
    }

    public HookRunner(Consumer<String> log) {
        this(DEFAULT_TIMEOUT, DEFAULT_OUTPUT_LIMIT, log);
    }

    public Duration timeout() {
        return timeout;
    }

    /** Runs {@code program} for {@code script}; blocks until it ended or was killed. Never throws. */
    public HookResult run(HookScript script, Path program, HookInvocation invocation) {
        HookResult r = runUnlogged(script, program, invocation);
        if (r.outcome() != HookResult.Outcome.ABSENT) {
            log.accept("hook " + r.describe());
            for (String line : r.output().lines().toList()) {
                log.accept("hook " + script + ": " + line);
            }
            if (r.truncated()) {
                log.accept("hook " + script + ": (output beyond " + outputLimit + " bytes dropped)");
            }
        }
        return r;
    }

    private HookResult runUnlogged(HookScript script, Path program, HookInvocation invocation) {
        String refusal;
        try {
            refusal = refusal(program);
        } catch (IOException e) {
            return HookResult.notRun(script, program, HookResult.Outcome.ABSENT, "not present");
        }
        if (refusal != null) {
            return HookResult.notRun(script, program, HookResult.Outcome.NOT_RUN, "not run: " + refusal);
        }
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(invocation.arguments());
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(new File("/"))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(invocation.environment());

        long started = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return HookResult.notRun(script, program, HookResult.Outcome.FAILED_TO_START,
                    "could not be started: " + e.getMessage());
        }
        Capture capture = new Capture(p.getInputStream(), outputLimit);
        Thread reader = Thread.ofVirtual().name("hook-output-" + script).start(capture);
        boolean finished;
        try {
            finished = p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            killTree(p);
            Thread.currentThread().interrupt();
            return done(script, program, HookResult.Outcome.TIMED_OUT, -1, capture, started,
                    "interrupted; killed with its children");
        }
        if (!finished) {
            killTree(p);
            try {
                reader.join(DRAIN_GRACE); // what it wrote before it was killed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return done(script, program, HookResult.Outcome.TIMED_OUT, -1, capture, started,
                    "timed out after " + timeout.toMillis() + " ms; killed with its children");
        }
        try {
            reader.join(DRAIN_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int code = p.exitValue();
        return done(script, program, HookResult.Outcome.EXITED, code, capture, started,
                code == 0 ? "exited 0" : "failed: exit status " + code);
    }

    private HookResult done(HookScript script, Path program, HookResult.Outcome outcome, int code, Capture capture,
                            long started, String reason) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new HookResult(script, program, outcome, code, capture.text(), capture.truncated(), took, reason);
    }

    /**
     * Why this file is not run, or null to run it. IOException when it does not exist (or its
     * directory cannot be read): that is "absent".
     */
    static String refusal(Path program) throws IOException {
        PosixFileAttributes a = Files.readAttributes(program, PosixFileAttributes.class);
        if (!a.isRegularFile()) {
            return "not a regular file";
        }
        Set<PosixFilePermission> perms = a.permissions();
        if (!perms.contains(PosixFilePermission.OWNER_EXECUTE) && !perms.contains(PosixFilePermission.GROUP_EXECUTE)
                && !perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
            return "no execute permission (chmod +x " + program + ")";
        }
        if (perms.contains(PosixFilePermission.OTHERS_WRITE) || perms.contains(PosixFilePermission.GROUP_WRITE)) {
            return "writable by group or others";
        }
        int owner = (Integer) Files.getAttribute(program, "unix:uid");
        int me = UnixUser.current().uid();
        if (owner != 0 && owner != me) {
            return "owned by uid " + owner + ", neither root nor this process's user";
        }
        return null;
    }

    /**
     * Kills the hook and its descendants with SIGKILL. The tree is listed again after each round
     * because a child may fork between the listing and the kill.
     */
    static void killTree(Process p) {
        for (int round = 0; round < 5; round++) {
            List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
            if (tree.isEmpty() && !p.isAlive()) {
                break;
            }
            p.destroyForcibly(); // first, so it starts no more children
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the hook's output to the end, keeping the first {@code limit} bytes. */
    private static final class Capture implements Runnable {
        private final InputStream in;
        private final int limit;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private boolean truncated;

        Capture(InputStream in, int limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public void run() {
            byte[] buf = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    synchronized (this) {
                        int keep = Math.min(n, limit - kept.size());
                        if (keep > 0) {
                            kept.write(buf, 0, keep);
                        }
                        if (keep < n) {
                            truncated = true;
                        }
                    }
                }
            } catch (IOException e) {
                // the pipe closed under us: what was read is what there is
            }
        }

        synchronized String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }

        synchronized boolean truncated() {
            return truncated;
        }
    }
}
