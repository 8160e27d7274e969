package io.jras.bench.scale;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the process that owns a listening TCP socket, the way {@code ss -ltnp} does: the socket's
 * inode from /proc/net/tcp (and tcp6), then the process with a descriptor {@code socket:[inode]}.
 * So the benchmark measures whichever process really serves the port ({@code jras serve} itself,
 * or a daemon that hosts the server for it).
 */
final class ListeningProcess {

    /** /proc/net/tcp's state column: 0A is TCP_LISTEN. */
    private static final String TCP_LISTEN = "0A";

    private ListeningProcess() {
    }

    /** The pid owning a socket that listens on {@code port}, or -1 if none is found. */
    static long find(int port) throws IOException {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (Files.exists(p)) {
                inodes.addAll(listeningInodes(Files.readAllLines(p), port));
            }
        }
        if (inodes.isEmpty()) {
            return -1;
        }
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                if (ownsAny(proc.resolve("fd"), inodes)) {
                    return Long.parseLong(proc.getFileName().toString());
                }
            }
        }
        return -1;
    }

    /** The inodes of the lines in a /proc/net/tcp table that listen on {@code port}. */
    static Set<String> listeningInodes(List<String> table, int port) {
        Set<String> inodes = new HashSet<>();
        for (String line : table.subList(Math.min(1, table.size()), table.size())) {
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
            String[] f = line.trim().split("\\s+");
            if (f.length < 10) {
                continue;
            }
            String local = f[1];
            int localPort = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
            if (localPort == port && f[3].equals(TCP_LISTEN) && !f[9].equals("0")) {
                inodes.add(f[9]);
            }
        }
        return inodes;
    }

    private static boolean ownsAny(Path fdDir, Set<String> inodes) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue; // closed meanwhile
                }
                if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
                    return true;
                }
            }
        } catch (IOException | SecurityException e) {
            // a process that ended meanwhile, or one we may not look into
        }
        return false;
    }
}
