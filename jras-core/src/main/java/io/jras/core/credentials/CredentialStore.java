package io.jras.core.credentials;

import io.jras.core.phonebook.EntryNames;
import io.jras.core.phonebook.PhonebookLocation;
import io.jras.core.phonebook.store.AtomicFile;
import io.jras.core.phonebook.store.WriteLock;
import io.jras.link.RasError;
import io.jras.link.RasException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * User names and passwords saved for phonebook entries (what rasdial's {@code /SAVEPASSWORD} and
 * RasSetCredentials keep), apart from the phonebook, keyed by phonebook path and entry name
 * (the name compared ignoring case, as entry names are).
 *
 * <p>The file ({@link #userDefault()}: {@code $XDG_CONFIG_HOME/jras/credentials}) has mode 0600
 * from the moment it exists: every write creates a new file with that mode and renames it over
 * the old one, under the same lock as the phonebook uses, so concurrent writers lose nothing. A
 * directory jras creates for it has mode 0700. Values are base64: obfuscation against a glance
 * over the shoulder, not encryption; the file mode is the protection.
 *
 * <p>A file that group or others may read, write or execute is refused (RAS error 622, with the
 * {@code chmod} that fixes it) rather than quietly repaired, as ssh refuses such a key: the
 * passwords in it may already have been read, and its owner should know.
 *
 * <p>Errors: 622 the file cannot be read or is open to others, 624 it cannot be written, 625 it
 * is malformed (naming the line). No error, {@code toString} or log line carries a password.
 */
public final class CredentialStore {

    public static final String FILE_NAME = "credentials";
    /** The system service's credentials, beside the system phonebook. */
    public static final Path SYSTEM = PhonebookLocation.SYSTEM.resolveSibling(FILE_NAME);

    private static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
    private static final Set<PosixFilePermission> OPEN_TO_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final AtomicFile file;

    private CredentialStore(AtomicFile file) {
        this.file = file;
    }

    /** The store in {@code file}; nothing is read or created until used. */
    public static CredentialStore open(Path file) {
        return new CredentialStore(new AtomicFile(file));
    }

    /** The per-user store, {@code $XDG_CONFIG_HOME/jras/credentials}. */
    public static CredentialStore openUserDefault() {
        return open(userDefault());
    }

    public static Path userDefault() {
        return PhonebookLocation.configDirectory().resolve(FILE_NAME);
    }

    public Path path() {
        return file.target();
    }

    /** The credentials saved for an entry. */
    public Optional<StoredCredentials> get(Path phonebook, String entry) throws RasException {
        String pb = key(phonebook);
        return read().stream()
                .filter(r -> matches(r, pb, entry))
                .findFirst()
                .map(r -> new StoredCredentials(r.user(), r.password()));
    }

    /** Saves (or replaces) the credentials of an entry. */
    public void set(Path phonebook, String entry, String user, String password) throws RasException {
        if (user == null || password == null || entry == null) {
            throw new RasException(RasError.INVALID_PARAMETER, "entry, user and password are required");
        }
        String pb = key(phonebook);
        update(records -> {
            List<CredentialFile.Record> out = new ArrayList<>();
            boolean replaced = false;
            for (CredentialFile.Record r : records) {
                if (matches(r, pb, entry)) {
                    if (!replaced) {
                        out.add(new CredentialFile.Record(pb, entry, user, password));
                        replaced = true;
                    }
                } else {
                    out.add(r);
                }
            }
            if (!replaced) {
                out.add(new CredentialFile.Record(pb, entry, user, password));
            }
            return out;
        });
    }

    /** Forgets an entry's credentials; false when there were none. */
    public boolean remove(Path phonebook, String entry) throws RasException {
        String pb = key(phonebook);
        boolean[] found = {false};
        update(records -> {
            List<CredentialFile.Record> out = new ArrayList<>();
            for (CredentialFile.Record r : records) {
                if (matches(r, pb, entry)) {
                    found[0] = true;
                } else {
                    out.add(r);
                }
            }
            return found[0] ? out : records;
        });
        return found[0];
    }

    /** Moves an entry's credentials to its new name, after a phonebook rename; false when there were none. */
    public boolean rename(Path phonebook, String from, String to) throws RasException {
        String pb = key(phonebook);
        boolean[] found = {false};
        update(records -> {
            List<CredentialFile.Record> out = new ArrayList<>();
            for (CredentialFile.Record r : records) {
                if (matches(r, pb, from)) {
                    found[0] = true;
                    out.add(new CredentialFile.Record(pb, to, r.user(), r.password()));
                } else if (!matches(r, pb, to)) {
                    out.add(r);
                }
            }
            return found[0] ? out : records;
        });
        return found[0];
    }

    @Override
    public String toString() {
        return "CredentialStore[" + file.target() + "]";
    }

    @FunctionalInterface
    private interface Change {
        List<CredentialFile.Record> apply(List<CredentialFile.Record> records);
    }

    private void update(Change change) throws RasException {
        try {
            file.createDirectory(PosixFilePermissions.fromString("rwx------"));
            WriteLock.around(file.resolved(), () -> {
                List<CredentialFile.Record> current = read();
                List<CredentialFile.Record> next = change.apply(current);
                if (next != current) {
                    try {
                        file.replace(CredentialFile.format(next), AtomicFile.OWNER_ONLY, true);
                    } catch (IOException e) {
                        throw new RasException(RasError.CANNOT_WRITE_PHONEBOOK, source() + ": " + e, e);
                    }
                }
                return null;
            });
        } catch (IOException e) {
            throw new RasException(RasError.CANNOT_WRITE_PHONEBOOK, source() + ": " + e, e);
        }
    }

    private List<CredentialFile.Record> read() throws RasException {
        byte[] bytes;
        try {
            checkMode();
            bytes = file.read(MAX_FILE_BYTES);
        } catch (IOException e) {
            throw new RasException(RasError.CANNOT_LOAD_PHONEBOOK, source() + ": " + e, e);
        }
        if (bytes == null) {
            return List.of();
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new RasException(RasError.CORRUPT_PHONEBOOK, source() + ": larger than " + MAX_FILE_BYTES + " bytes");
        }
        return CredentialFile.parse(bytes, source());
    }

    private void checkMode() throws IOException, RasException {
        Path f = file.target();
        if (!Files.exists(f)) {
            return;
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(f);
        if (mode.stream().anyMatch(OPEN_TO_OTHERS::contains)) {
            throw new RasException(RasError.CANNOT_LOAD_PHONEBOOK, source() + " has mode "
                    + PosixFilePermissions.toString(mode) + ": others may read the passwords in it. "
                    + "Refusing to use it; after checking who could have read it, run: chmod 600 " + f);
        }
    }

    private String source() {
        return file.target().toString();
    }

    private static String key(Path phonebook) {
        return phonebook.toAbsolutePath().normalize().toString();
    }

    private static boolean matches(CredentialFile.Record r, String phonebook, String entry) {
        return r.phonebook().equals(phonebook) && EntryNames.same(r.entry(), entry);
    }
}
