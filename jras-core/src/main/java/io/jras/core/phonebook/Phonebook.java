package io.jras.core.phonebook;

import io.jras.core.phonebook.store.AtomicFile;
import io.jras.core.phonebook.store.WriteLock;
import io.jras.link.RasError;
import io.jras.link.RasException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rasphone.pbk file and its entries.
 *
 * <p>Reading: {@link #load(Path)} reads the file once; a missing file is an empty phonebook. The
 * queries answer from that snapshot; {@link #reload()} reads the file again.
 *
 * <p>Writing: every change is one transaction on the file, under {@link WriteLock} (threads and
 * processes wait for each other): read the file as it is now, apply the change, check the rules
 * (123 invalid name, 183 name taken, 623 no such entry) against that fresh content, and replace
 * the file atomically through {@link AtomicFile}. So two writers never lose each other's entries,
 * and a failed write (624) leaves the file as it was. Lines of entries that did not change are
 * written back byte for byte.
 *
 * <p>Errors: 621 the file cannot be read, 624 it cannot be written, 625 it is not a phonebook (the
 * message names the line).
 */
public final class Phonebook {

    /** The largest phonebook read: 16 MiB (thousands of entries). */
    public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

    /** A change to an entry, applied to its current state inside the transaction. */
    @FunctionalInterface
    public interface EntryChange {
        PhonebookEntry apply(PhonebookEntry current) throws RasException;
    }

    @FunctionalInterface
    private interface DocumentChange {
        PbkDocument apply(PbkDocument current) throws RasException;
    }

    private final AtomicFile file;
    private PbkDocument document; // guarded by this

    private Phonebook(AtomicFile file, PbkDocument document) {
        this.file = file;
        this.document = document;
    }

    /** Reads the phonebook at {@code path}; a missing file is an empty phonebook. */
    public static Phonebook load(Path path) throws RasException {
        return load(new AtomicFile(path));
    }

    /** Package-private seam: a phonebook over a given {@link AtomicFile} (tests inject failures). */
    static Phonebook load(AtomicFile file) throws RasException {
        Phonebook pb = new Phonebook(file, PbkDocument.empty());
        pb.reload();
        return pb;
    }

    /** The file, absolute. */
    public Path path() {
        return file.target();
    }

    /** Reads the file again. */
    public void reload() throws RasException {
        PbkDocument d = read();
        synchronized (this) {
            document = d;
        }
    }

    /** The entry names in file order. */
    public synchronized List<String> names() {
        return document.sections().stream().map(PbkSection::name).toList();
    }

    /** Whether an entry of that name (ignoring case) exists. */
    public synchronized boolean contains(String name) {
        return document.indexOf(name) >= 0;
    }

    /** Every entry, in file order; 625 when one has a value jras cannot read. */
    public List<PhonebookEntry> entries() throws RasException {
        PbkDocument d = snapshot();
        List<PhonebookEntry> out = new ArrayList<>();
        for (PbkSection s : d.sections()) {
            out.add(PhonebookEntry.read(s, source()));
        }
        return out;
    }

    /** The entry named {@code name} (ignoring case), if there is one. */
    public Optional<PhonebookEntry> find(String name) throws RasException {
        PbkDocument d = snapshot();
        int i = d.indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(PhonebookEntry.read(d.sections().get(i), source()));
    }

    /** The entry named {@code name} (ignoring case); 623 when there is none. */
    public PhonebookEntry entry(String name) throws RasException {
        return find(name).orElseThrow(() -> notFound(name));
    }

    /** Adds a new entry at the end of the file: 123 for an invalid name, 183 when the name is taken. */
    public PhonebookEntry add(PhonebookEntry entry) throws RasException {
        EntryNames.validate(entry.name());
        PhonebookEntry e = entry.forAnotherFile();
        return entryIn(transact(d -> {
            if (d.indexOf(e.name()) >= 0) {
                throw new RasException(RasError.ALREADY_EXISTS, "an entry named \"" + e.name() + "\" exists in " + source());
            }
            return d.plus(e.section());
        }), e.name());
    }

    /**
     * Replaces the entry of the same name (ignoring case) with {@code entry}; 623 when there is
     * none. The other entries stay as they are in the file now. To change an entry from its
     * current state in the file, use {@link #edit(String, EntryChange)}.
     */
    public PhonebookEntry update(PhonebookEntry entry) throws RasException {
        return edit(entry.name(), current -> entry);
    }

    /**
     * Changes an entry from its state in the file at the moment of the change (so that two
     * processes changing different keys of one entry both keep their change); 623 when absent.
     */
    public PhonebookEntry edit(String name, EntryChange change) throws RasException {
        return entryIn(transact(d -> {
            int i = d.indexOf(name);
            if (i < 0) {
                throw notFound(name);
            }
            PbkSection old = d.sections().get(i);
            PhonebookEntry next = change.apply(PhonebookEntry.read(old, source()));
            // The header stays as spelled in the file: this is not a rename.
            return d.with(i, new PbkSection(old.header(), next.section().body(), 0));
        }), name);
    }

    /** Renames an entry: 123 for an invalid new name, 623 when absent, 183 when the new name is taken. */
    public PhonebookEntry rename(String from, String to) throws RasException {
        EntryNames.validate(to);
        return entryIn(transact(d -> {
            int i = d.indexOf(from);
            if (i < 0) {
                throw notFound(from);
            }
            int j = d.indexOf(to);
            if (j >= 0 && j != i) {
                throw new RasException(RasError.ALREADY_EXISTS, "an entry named \"" + to + "\" exists in " + source());
            }
            PbkSection s = d.sections().get(i);
            if (s.name().equals(to)) {
                return d;
            }
            return d.with(i, s.withHeader(PbkLine.Header.of(to).withEnd(s.header().end())));
        }), to);
    }

    /** Removes an entry and all its lines; 623 when absent. */
    public void remove(String name) throws RasException {
        transact(d -> {
            int i = d.indexOf(name);
            if (i < 0) {
                throw notFound(name);
            }
            return d.without(i);
        });
    }

    /** Copies entry {@code name} of {@code source} into this phonebook: 623, 123, 183 as for add. */
    public PhonebookEntry importFrom(Phonebook source, String name) throws RasException {
        return add(source.entry(name));
    }

    /** Copies entry {@code name} of this phonebook into {@code target}: 623, 123, 183 as for add. */
    public PhonebookEntry exportTo(String name, Phonebook target) throws RasException {
        return target.importFrom(this, name);
    }

    @Override
    public String toString() {
        return "Phonebook[" + file.target() + "]";
    }

    private synchronized PbkDocument snapshot() {
        return document;
    }

    private String source() {
        return file.target().toString();
    }

    private RasException notFound(String name) {
        return new RasException(RasError.CANNOT_FIND_PHONEBOOK_ENTRY, "no entry \"" + name + "\" in " + source());
    }

    private PbkDocument read() throws RasException {
        byte[] bytes;
        try {
            bytes = file.read(MAX_FILE_BYTES);
        } catch (IOException e) {
            throw new RasException(RasError.CANNOT_OPEN_PHONEBOOK, source() + ": " + e, e);
        }
        if (bytes == null) {
            return PbkDocument.empty();
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new RasException(RasError.CORRUPT_PHONEBOOK,
                    source() + ": larger than " + MAX_FILE_BYTES + " bytes, not a phonebook");
        }
        return PbkParser.parse(bytes, source());
    }

    private PhonebookEntry entryIn(PbkDocument d, String name) throws RasException {
        int i = d.indexOf(name);
        if (i < 0) {
            throw notFound(name);
        }
        return PhonebookEntry.read(d.sections().get(i), source());
    }

    /** Runs one change as a transaction on the file; returns the document as written. */
    private PbkDocument transact(DocumentChange change) throws RasException {
        if (!Files.isDirectory(file.target().getParent())) {
            // Try the change on the empty phonebook first: a failing remove must not create directories.
            PbkDocument empty = PbkDocument.empty();
            if (change.apply(empty) == empty) {
                return empty;
            }
            try {
                file.createDirectory(PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new RasException(RasError.CANNOT_WRITE_PHONEBOOK, source() + ": " + e, e);
            }
        }
        PbkDocument written;
        try {
            // Locked by the file a write replaces, so a phonebook reached through a symlink is the same lock.
            written = WriteLock.around(file.resolved(), () -> {
                PbkDocument current = read();
                PbkDocument next = change.apply(current);
                if (next == current) {
                    return current;
                }
                byte[] bytes = next.toBytes();
                try {
                    file.replace(bytes, AtomicFile.WORLD_READABLE, false);
                } catch (IOException e) {
                    throw new RasException(RasError.CANNOT_WRITE_PHONEBOOK, source() + ": " + e, e);
                }
                // Read back what was written: line numbers in later messages are then exact.
                return PbkParser.parse(bytes, source());
            });
        } catch (IOException e) {
            throw new RasException(RasError.CANNOT_WRITE_PHONEBOOK, source() + ": cannot lock: " + e, e);
        }
        synchronized (this) {
            document = written;
        }
        return written;
    }
}
