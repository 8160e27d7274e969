package io.jras.server.users;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A users file in pppd's pap-secrets / chap-secrets format, looked up for one server name:
 *
 * <pre>
 * # client   server   secret          addresses...
 * alice      *        wonderland      192.0.2.77
 * "bob s"    jras     "two words"     192.0.2.64/26 !192.0.2.70
 * *          *        guestpass       *
 * </pre>
 *
 * See {@link UsersTable} for the lookup order, {@link SecretsTokenizer} for quoting and
 * {@link AddressRule} for the address words. The file is read again when its modification time or
 * size changes (checked at most once per {@code recheck}); a changed file that does not parse is
 * reported through {@code log} and the previous users stay in force. Thread-safe; a lookup never
 * waits for another one's reload.
 */
public final class UsersFile implements UserDirectory {

    /** How often a lookup may look at the file's modification time. */
    public static final Duration DEFAULT_RECHECK = Duration.ofSeconds(1);

    private final Path path;
    private final String serverName;
    private final Duration recheck;
    private final Consumer<String> log;

    private final ReentrantLock reloading = new ReentrantLock();
    private volatile UsersTable table;
    private volatile long checkedAt;
    // Guarded by reloading.
    private FileTime loadedTime;
    private long loadedSize;
    private FileTime rejectedTime;

    private UsersFile(Path path, String serverName, Duration recheck, Consumer<String> log) {
        this.path = Objects.requireNonNull(path, "path");
        this.serverName = Objects.requireNonNull(serverName, "serverName");
        this.recheck = Objects.requireNonNull(recheck, "recheck");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Reads {@code path} for the server called {@code serverName}; a malformed file throws, naming file:line. */
    public static UsersFile load(Path path, String serverName) throws IOException {
        return load(path, serverName, DEFAULT_RECHECK, line -> { });
    }

    /**
     * @param recheck how often lookups may check the file for changes; {@link Duration#ZERO} = every lookup
     * @param log     gets one line per reload and per rejected change; never a secret
     */
    public static UsersFile load(Path path, String serverName, Duration recheck, Consumer<String> log) throws IOException {
        UsersFile f = new UsersFile(path, serverName, recheck, log);
        f.reloading.lock();
        try {
            f.read();
        } finally {
            f.reloading.unlock();
        }
        if (isReadableByOthers(path)) {
            log.accept("warning: users file " + path + " can be read by group or others (chmod 600 it)");
        }
        return f;
    }

    @Override
    public Optional<UserEntry> find(String client) {
        maybeReload();
        return table.find(client, serverName);
    }

    /** The entries as last loaded. */
    public UsersTable table() {
        maybeReload();
        return table;
    }

    public Path path() {
        return path;
    }

    public String serverName() {
        return serverName;
    }

    private void maybeReload() {
        long now = System.nanoTime();
        // One lookup looks at the file; the others go on with the current table rather than wait on its I/O.
        if (now - checkedAt < recheck.toNanos() || !reloading.tryLock()) {
            return;
        }
        try {
            checkedAt = now;
            FileTime time;
            long size;
            try {
                time = Files.getLastModifiedTime(path);
                size = Files.size(path);
            } catch (IOException e) {
                if (rejectedTime == null) {
                    log.accept("users file " + path + " cannot be read (" + describe(e) + "); keeping its "
                            + table.size() + " entries");
                    rejectedTime = FileTime.fromMillis(0);
                }
                return;
            }
            if (time.equals(loadedTime) && size == loadedSize || time.equals(rejectedTime)) {
                return;
            }
            try {
                read();
                rejectedTime = null;
                log.accept("users file " + path + " reloaded: " + table.size() + " entries");
            } catch (IOException e) {
                rejectedTime = time;
                log.accept(describe(e) + "; keeping the previous " + table.size() + " entries");
            }
        } finally {
            reloading.unlock();
        }
    }

    /** Reads the file into {@link #table}; the caller holds {@link #reloading}. */
    private void read() throws IOException {
        FileTime time = Files.getLastModifiedTime(path);
        byte[] bytes = Files.readAllBytes(path);
        table = UsersTable.parse(new String(bytes, StandardCharsets.UTF_8), path.toString());
        loadedTime = time;
        loadedSize = bytes.length;
        checkedAt = System.nanoTime();
    }

    private static String describe(IOException e) {
        if (e instanceof UsersFileException) {
            return "users file " + e.getMessage();
        }
        return e instanceof NoSuchFileException ? "no such file" : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static boolean isReadableByOthers(Path path) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(path);
            return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "UsersFile[" + path + " for " + serverName + ", " + table.size() + " entries]";
    }
}
