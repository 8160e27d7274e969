package io.jras.core.phonebook.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A small file that is only ever replaced whole: a write goes to a temporary file in the same
 * directory, is flushed to disk, gets its mode, and is renamed over the original (rename(2) is
 * atomic), after which the directory is flushed too. A reader, or a crash at any moment, sees the
 * old file or the new one, never a mix and never nothing.
 *
 * <p>A symbolic link is followed: the file it points to is replaced, the link stays.
 */
public final class AtomicFile {

    /** Called between the temporary file's write and the rename; a test seam for failures. */
    @FunctionalInterface
    public interface BeforeRename {
        void run(Path temporary) throws IOException;
    }

    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private final Path target;
    private final BeforeRename beforeRename;

    public AtomicFile(Path target) {
        this(target, temporary -> { });
    }

    public AtomicFile(Path target, BeforeRename beforeRename) {
        this.target = target.toAbsolutePath().normalize();
        this.beforeRename = beforeRename;
    }

    /** The file, as given (absolute). */
    public Path target() {
        return target;
    }

    /** The file a write replaces: the target, or where it links to. */
    public Path resolved() throws IOException {
        return Files.isSymbolicLink(target) ? target.toRealPath() : target;
    }

    /**
     * The file's bytes, or null when it does not exist. Reads at most {@code limit + 1} bytes, so
     * a caller sees that a file is too big without reading all of it.
     */
    public byte[] read(int limit) throws IOException {
        try (InputStream in = Files.newInputStream(target)) {
            return in.readNBytes(limit + 1);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * Replaces the file with {@code bytes}.
     *
     * @param newMode   the mode of a file that did not exist yet, or of every write when
     *                  {@code forceMode}; otherwise an existing file keeps its mode (and, where
     *                  the process may set them, its owner and group)
     * @param forceMode always give the file {@code newMode}
     */
    public void replace(byte[] bytes, Set<PosixFilePermission> newMode, boolean forceMode) throws IOException {
        Path file = resolved();
        Path dir = file.getParent();
        PosixFileAttributes old = null;
        if (Files.exists(file)) {
            old = Files.readAttributes(file, PosixFileAttributes.class);
        }
        Set<PosixFilePermission> mode = forceMode || old == null ? newMode : old.permissions();
        // Created with the final mode (or less, through the umask): never more open than the result.
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp",
                PosixFilePermissions.asFileAttribute(mode));
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.setPosixFilePermissions(tmp, mode);
            if (old != null) {
                keepOwner(tmp, old);
            }
            beforeRename.run(tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + file + " atomically", e);
            }
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Creates the directory of the file (and its parents) with {@code mode} if it is missing. */
    public void createDirectory(Set<PosixFilePermission> mode) throws IOException {
        Path dir = target.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(mode));
        }
    }

    private static void keepOwner(Path tmp, PosixFileAttributes old) {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        try {
            PosixFileAttributes now = view.readAttributes();
            if (!now.owner().equals(old.owner())) {
                view.setOwner(old.owner());
            }
            if (!now.group().equals(old.group())) {
                view.setGroup(old.group());
            }
        } catch (IOException e) {
            // Only root may give a file away; a user writing their own file never needs to.
        }
    }

    private static void syncDirectory(Path dir) {
        // Makes the rename itself durable; some file systems cannot open a directory this way.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // The data is on disk already; at worst a crash now brings back the old file.
        }
    }
}
