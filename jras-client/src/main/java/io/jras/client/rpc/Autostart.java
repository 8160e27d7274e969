package io.jras.client.rpc;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a daemon when none answers: the {@code java} of this JVM, this JVM's class path, main
 * class {@value #MAIN_CLASS}, {@code --socket PATH}; detached from this process (a new session via
 * {@code setsid} where it exists, stdin from /dev/null, stdout and stderr appended to
 * {@code <socket>.log}), so it outlives the process that started it. Racing starters are fine:
 * the daemon's instance lock lets one of them serve and the others exit quietly.
 */
public final class Autostart {

    public static final String MAIN_CLASS = "io.jras.daemon.Main";

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private Autostart() {
    }

    /** Whether the daemon's main class is on this JVM's class path (the one the child gets). */
    public static boolean available() {
        return ClassLoader.getSystemClassLoader().getResource(MAIN_CLASS.replace('.', '/') + ".class") != null;
    }

    /** The command line that starts a daemon for {@code socket}. */
    public static List<String> command(Path socket) {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            cmd.add(SETSID.toString());
        }
        cmd.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-cp");
        cmd.add(absoluteClassPath());
        cmd.add(MAIN_CLASS);
        cmd.add("--socket");
        cmd.add(socket.toAbsolutePath().toString());
        return cmd;
    }

    /** Launches the daemon and returns at once; the caller waits for the socket to answer. */
    public static Process launch(Path socket) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(socket))
                // The child runs from / with absolute class path entries, so it holds no directory busy.
                .directory(new File("/"))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        File log = logFile(socket);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log)).redirectErrorStream(true);
        return pb.start();
    }

    /** {@code <socket>.log} (0600, in the socket's directory, created 0700 if missing), else /dev/null. */
    private static File logFile(Path socket) {
        Path log = SocketPaths.logFile(socket);
        try {
            Path dir = socket.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            if (!Files.exists(log)) {
                Files.createFile(log, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            return log.toFile();
        } catch (IOException | UnsupportedOperationException e) {
            return new File("/dev/null");
        }
    }

    /** java.class.path may hold relative entries; the child starts elsewhere. */
    private static String absoluteClassPath() {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                out.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, out);
    }
}
