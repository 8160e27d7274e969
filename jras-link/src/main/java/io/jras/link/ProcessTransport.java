package io.jras.link;

import io.jras.link.pty.Pty;
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
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A subprocess as a line: {@code /bin/sh -c COMMAND}, whose stdin/stdout carry the bytes. With a
 * pty, stdin/stdout is the slave of a raw {@link Pty} and the child runs in a session of its own
 * with that terminal as its controlling tty ({@code setsid} plus a shell redirection), for
 * programs such as {@code slirp ppp} that insist on a terminal. The child's stderr never mixes
 * with the line; its last lines are kept for error messages ({@link #stderrTail()}).
 *
 * <p>{@link #close()} ends the child and everything it started (SIGTERM, then SIGKILL after
 * {@link #KILL_GRACE}).
 */
public final class ProcessTransport implements Transport {

    static final Duration KILL_GRACE = Duration.ofSeconds(2);
    private static final int STDERR_TAIL = 2048;

    // Runs in the child after setsid: makes the slave fds 0 and 1 (and, being a session leader
    // without a terminal, its controlling tty), then runs the user's command in the same shell.
    private static final String PTY_PRELUDE = "exec 0<>\"$JRAS_PTY\" 1>&0 || exit 126; unset JRAS_PTY\n";

    private final DeviceSpec.Exec spec;
    private final Process process;
    private final InputStream input;
    private final OutputStream output;
    private final Pty pty;
    private final StringBuilder stderr = new StringBuilder();
    private boolean closed;

    private ProcessTransport(DeviceSpec.Exec spec, Process process, InputStream input, OutputStream output, Pty pty) {
        this.spec = spec;
        this.process = process;
        this.input = input;
        this.output = output;
        this.pty = pty;
        Thread.ofVirtual().name("stderr " + spec.command()).start(this::drainStderr);
    }

    /**
     * Starts {@code spec}'s command.
     *
     * @throws RasException 633 when the process or its pty cannot be made
     */
    public static ProcessTransport start(DeviceSpec.Exec spec) throws RasException {
        return spec.pty() ? startOnPty(spec) : startOnPipes(spec);
    }

    private static ProcessTransport startOnPipes(DeviceSpec.Exec spec) throws RasException {
        try {
            Process process = new ProcessBuilder("/bin/sh", "-c", spec.command()).start();
            return new ProcessTransport(spec, process, process.getInputStream(),
                    new FlushingOutput(process.getOutputStream()), null);
        } catch (IOException e) {
            throw new RasException(RasError.PORT_NOT_AVAILABLE, "cannot start '" + spec.command() + "': " + e.getMessage(), e);
        }
    }

    private static ProcessTransport startOnPty(DeviceSpec.Exec spec) throws RasException {
        Pty pty;
        try {
            pty = Pty.open();
        } catch (IOException | UnsupportedOperationException e) {
            throw new RasException(RasError.PORT_NOT_AVAILABLE, "cannot open a pty: " + e.getMessage(), e);
        }
        try {
            ProcessBuilder builder = new ProcessBuilder("setsid", "-w", "/bin/sh", "-c", PTY_PRELUDE + spec.command())
                    .redirectInput(new File("/dev/null"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("JRAS_PTY", pty.slavePath());
            Process process = builder.start();
            // Our hold on the slave kept early output safe; once the child is gone, let the input end.
            process.onExit().thenRun(pty::releaseSlave);
            return new ProcessTransport(spec, process, pty.input(), pty.output(), pty);
        } catch (IOException e) {
            pty.close();
            throw new RasException(RasError.PORT_NOT_AVAILABLE, "cannot start '" + spec.command() + "' on a pty: " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public String deviceType() {
        return "exec";
    }

    /** The command as the user wrote it. */
    @Override
    public String deviceName() {
        return spec.command();
    }

    /** The child's process id (with a pty, that of the session leader). */
    public long pid() {
        return process.pid();
    }

    /** The child's process, to watch for its exit. */
    public ProcessHandle processHandle() {
        return process.toHandle();
    }

    /** The pty's slave, {@code /dev/pts/N}; null without a pty. */
    public String ptyPath() {
        return pty == null ? null : pty.slavePath();
    }

    /** The last {@value #STDERR_TAIL} characters the child wrote to stderr. */
    public String stderrTail() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    /** Ends the child and its descendants, then closes the line; idempotent. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        killTree();
        if (pty != null) {
            pty.close();
        } else {
            closeQuietly(process.getOutputStream());
            closeQuietly(process.getInputStream());
        }
        closeQuietly(process.getErrorStream());
    }

    // SIGTERM to all at once, SIGKILL to whatever is left after the grace. A process left a zombie
    // under an init that reaps slowly counts as gone.
    private void killTree() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        try {
            tree.forEach(ProcessHandle::destroy);
            awaitGone(tree);
            tree.stream().filter(ProcessTransport::running).forEach(ProcessHandle::destroyForcibly);
            process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }

    // Only the shell is our child (waitpid); the others we look at until they are gone.
    private static void awaitGone(List<ProcessHandle> processes) throws InterruptedException {
        long deadline = System.nanoTime() + KILL_GRACE.toNanos();
        while (processes.stream().anyMatch(ProcessTransport::running) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    static boolean running(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            int end = stat.lastIndexOf(')');
            return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private void drainStderr() {
        byte[] chunk = new byte[1024];
        try (InputStream err = process.getErrorStream()) {
            int n;
            while ((n = err.read(chunk)) > 0) {
                synchronized (stderr) {
                    stderr.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
                    if (stderr.length() > STDERR_TAIL) {
                        stderr.delete(0, stderr.length() - STDERR_TAIL);
                    }
                }
            }
        } catch (IOException ignored) {
            // the child is gone
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already closed by the child's exit
        }
    }

    @Override
    public String toString() {
        return spec.toString();
    }

    /** A process's stdin is buffered; a line must not sit on bytes, so every write is flushed. */
    private static final class FlushingOutput extends OutputStream {
        private final OutputStream out;

        FlushingOutput(OutputStream out) {
            this.out = Objects.requireNonNull(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            out.flush();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            out.flush();
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
