package io.jras.client;

import io.jras.core.credentials.CredentialStore;
import io.jras.core.credentials.StoredCredentials;
import io.jras.core.phonebook.AuthPolicy;
import io.jras.core.phonebook.PhoneNumber;
import io.jras.core.phonebook.Phonebook;
import io.jras.core.phonebook.PhonebookEntry;
import io.jras.core.phonebook.PhonebookLocation;
import io.jras.link.RasException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The phonebook (a Windows rasphone.pbk file) and the credential store, for applications. Entries
 * are read and written in the caller's own files, so no daemon is involved. Errors are the RAS
 * ones: 123 invalid name, 183 already exists, 623 no such entry, 625 a broken file (with its line).
 *
 * @see DialOptions#phonebook()
 */
public final class Phonebooks {

    private final Path phonebook;
    private final CredentialStore credentials;

    private Phonebooks(Path phonebook, CredentialStore credentials) {
        this.phonebook = phonebook;
        this.credentials = credentials;
    }

    /** {@code path}, else {@code JRAS_PHONEBOOK}, else ~/.config/jras/rasphone.pbk; the per-user credential store. */
    public static Phonebooks open(String path) {
        return new Phonebooks(PhonebookLocation.resolve(path), CredentialStore.openUserDefault());
    }

    /** As {@link #open(String)}, with the credential store in {@code credentialsFile} (created 0600). */
    public static Phonebooks open(String path, Path credentialsFile) {
        return new Phonebooks(PhonebookLocation.resolve(path), CredentialStore.open(credentialsFile));
    }

    public Path path() {
        return phonebook;
    }

    public List<EntryInfo> list() throws RasClientException {
        try {
            List<EntryInfo> out = new ArrayList<>();
            for (PhonebookEntry e : Phonebook.load(phonebook).entries()) {
                out.add(info(e));
            }
            return out;
        } catch (RasException e) {
            throw EmbeddedRemoteAccess.wrap(e);
        }
    }

    public EntryInfo show(String name) throws RasClientException {
        try {
            return info(Phonebook.load(phonebook).entry(name));
        } catch (RasException e) {
            throw EmbeddedRemoteAccess.wrap(e);
        }
    }

    /** Adds an entry; {@code spec.device()} is required. */
    public EntryInfo add(String name, EntrySpec spec) throws RasClientException {
        try {
            if (spec.device() == null) {
                throw new RasException(87, "a new entry needs a device");
            }
            PhonebookEntry e = apply(PhonebookEntry.create(name, spec.device()), spec);
            return info(Phonebook.load(phonebook).add(e));
        } catch (RasException e) {
            throw EmbeddedRemoteAccess.wrap(e);
        }
    }

    /** Changes the settings {@code spec} names; the others stay. */
    public EntryInfo set(String name, EntrySpec spec) throws RasClientException {
        try {
            return info(Phonebook.load(phonebook).edit(name, e -> apply(e, spec)));
        } catch (RasException e) {
            throw EmbeddedRemoteAccess.wrap(e);
        }
    }

    /** Renames an entry; its stored credentials follow. */
    public EntryInfo rename(String from, String to) throws RasClientException {
        try {
            PhonebookEntry e = Phonebook.load(phonebook).rename(from, to);
            credentials.rename(phonebook, from, e.name());
            return info(e);
        } catch (RasException e) {
            throw EmbeddedRemoteAccess.wrap(e);
        }
    }

    /** Removes an entry and its stored credentials. */
    public void remove(String name) throws RasClientException {
        try {
            Phonebook.load(phonebook).remove(name);
            credentials.remove(phonebook, name);
        } catch (RasException e) {
            throw EmbeddedRemoteAccess.wrap(e);
        }
    }

    /** Copies entries from another phonebook file (all when {@code names} is empty); returns their names. */
    public List<String> importFrom(Path file, List<String> names) throws RasClientException {
        try {
            Phonebook source = Phonebook.load(file);
            Phonebook target = Phonebook.load(phonebook);
            List<String> done = new ArrayList<>();
            for (String n : names.isEmpty() ? source.names() : names) {
                done.add(target.importFrom(source, n).name());
            }
            return done;
        } catch (RasException e) {
            throw EmbeddedRemoteAccess.wrap(e);
        }
    }

    /** Copies entries into another phonebook file (all when {@code names} is empty); returns their names. */
    public List<String> exportTo(Path file, List<String> names) throws RasClientException {
        try {
            Phonebook source = Phonebook.load(phonebook);
            Phonebook target = Phonebook.load(file);
            List<String> done = new ArrayList<>();
            for (String n : names.isEmpty() ? source.names() : names) {
                done.add(source.exportTo(n, target).name());
            }
            return done;
        } catch (RasException e) {
            throw EmbeddedRemoteAccess.wrap(e);
        }
    }

    /**
     * Stores the user name and/or password for an entry (mode 0600, apart from the phonebook); a
     * null keeps what was stored. The password is never returned.
     */
    public void setCredentials(String entry, String user, String password) throws RasClientException {
        try {
            Optional<StoredCredentials> old = credentials.get(phonebook, entry);
            credentials.set(phonebook, entry, user != null ? user : old.map(StoredCredentials::user).orElse(""),
                    password != null ? password : old.map(StoredCredentials::password).orElse(""));
        } catch (RasException e) {
            throw EmbeddedRemoteAccess.wrap(e);
        }
    }

    private EntryInfo info(PhonebookEntry e) throws RasException {
        Optional<StoredCredentials> c = credentials.get(phonebook, e.name());
        return new EntryInfo(e.name(), e.device().orElse(""), e.numbers(), e.auth().toString(),
                c.map(StoredCredentials::user).orElse(""), c.isPresent() && !c.get().password().isEmpty(),
                e.redialAttempts(), e.redialSeconds(), e.idleDisconnectSeconds(), e.redialOnLinkFailure());
    }

    private static PhonebookEntry apply(PhonebookEntry e, EntrySpec s) throws RasException {
        if (s.device() != null) {
            e = e.withDevice(s.device());
        }
        if (s.phoneNumbers() != null) {
            List<PhoneNumber> numbers = new ArrayList<>();
            for (String n : s.phoneNumbers()) {
                numbers.add(PhoneNumber.of(n));
            }
            e = e.withPhoneNumbers(numbers);
        }
        if (s.auth() != null) {
            e = e.withAuth(AuthPolicy.parse(s.auth()));
        }
        if (s.redialAttempts() != null || s.redialSeconds() != null) {
            e = e.withRedial(s.redialAttempts() != null ? s.redialAttempts() : e.redialAttempts(),
                    s.redialSeconds() != null ? s.redialSeconds() : e.redialSeconds());
        }
        if (s.idleDisconnectSeconds() != null) {
            e = e.withIdleDisconnectSeconds(s.idleDisconnectSeconds());
        }
        if (s.redialOnLinkFailure() != null) {
            e = e.withRedialOnLinkFailure(s.redialOnLinkFailure());
        }
        return e;
    }
}
