package io.jras.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jras.link.RasError;
import io.jras.link.RasException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {

    private static final String SECRET = "s3cr3t pass wörd";

    @TempDir
    Path dir;

    private Path phonebook() {
        return dir.resolve("rasphone.pbk");
    }

    private CredentialStore store() {
        return CredentialStore.open(dir.resolve("cfg/jras/credentials"));
    }

    @Test
    void theFileIsCreatedWithMode0600InADirectoryOfMode0700() throws Exception {
        CredentialStore store = store();
        store.set(phonebook(), "Office", "ann", SECRET);
        assertThat(Files.getPosixFilePermissions(store.path())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(store.path().getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void setThenGetReturnsWhatWasSavedForThatPhonebookAndEntry() throws Exception {
        CredentialStore store = store();
        store.set(phonebook(), "Office VPN", "ann", SECRET);
        store.set(dir.resolve("other.pbk"), "Office VPN", "bob", "x");
        assertThat(store.get(phonebook(), "office vpn")).contains(new StoredCredentials("ann", SECRET));
        assertThat(store.get(dir.resolve("sub/../rasphone.pbk"), "Office VPN")).as("paths are normalized").isPresent();
        assertThat(store.get(dir.resolve("other.pbk"), "Office VPN").orElseThrow().user()).isEqualTo("bob");
        assertThat(store.get(phonebook(), "Home")).isEmpty();
    }

    @Test
    void anyTextSurvivesTheFile() throws Exception {
        CredentialStore store = store();
        String odd = "pa ss\nword=\u00e9\u4e2d # not a comment";
        store.set(phonebook(), "A", "", odd);
        store.set(phonebook(), "B", "DOMAIN\\user name", "");
        assertThat(store.get(phonebook(), "A")).contains(new StoredCredentials("", odd));
        assertThat(store.get(phonebook(), "B")).contains(new StoredCredentials("DOMAIN\\user name", ""));
    }

    @Test
    void setReplacesAndRemoveForgets() throws Exception {
        CredentialStore store = store();
        store.set(phonebook(), "A", "ann", "one");
        store.set(phonebook(), "a", "ann", "two");
        assertThat(store.get(phonebook(), "A").orElseThrow().password()).isEqualTo("two");
        assertThat(store.remove(phonebook(), "A")).isTrue();
        assertThat(store.remove(phonebook(), "A")).isFalse();
        assertThat(store.get(phonebook(), "A")).isEmpty();
    }

    @Test
    void renameMovesTheCredentialsWithTheEntry() throws Exception {
        CredentialStore store = store();
        store.set(phonebook(), "Old", "ann", SECRET);
        assertThat(store.rename(phonebook(), "Old", "New")).isTrue();
        assertThat(store.get(phonebook(), "Old")).isEmpty();
        assertThat(store.get(phonebook(), "New")).contains(new StoredCredentials("ann", SECRET));
        assertThat(store.rename(phonebook(), "Missing", "Other")).isFalse();
    }

    @Test
    void theFileHoldsNoPasswordInClear() throws Exception {
        CredentialStore store = store();
        store.set(phonebook(), "A", "ann", SECRET);
        String text = Files.readString(store.path());
        assertThat(text).doesNotContain(SECRET).contains("obfuscation, not encryption");
    }

    @Test
    void toStringNeverShowsThePassword() {
        StoredCredentials c = new StoredCredentials("ann", SECRET);
        assertThat(c.toString()).contains("ann").doesNotContain(SECRET);
        assertThat(new CredentialFile.Record("/p", "A", "ann", SECRET).toString()).doesNotContain(SECRET);
    }

    @Test
    void aFileOthersCanReadIsRefusedWithTheFix() throws Exception {
        CredentialStore store = store();
        store.set(phonebook(), "A", "ann", SECRET);
        Files.setPosixFilePermissions(store.path(), PosixFilePermissions.fromString("rw-r--r--"));
        RasException e = catchThrowableOfType(RasException.class, () -> store.get(phonebook(), "A"));
        assertThat(e.code()).isEqualTo(RasError.CANNOT_LOAD_PHONEBOOK);
        assertThat(e.getMessage()).contains("rw-r--r--", "chmod 600 " + store.path()).doesNotContain(SECRET);
        RasException onWrite = catchThrowableOfType(RasException.class, () -> store.set(phonebook(), "B", "b", "b"));
        assertThat(onWrite.code()).isEqualTo(RasError.CANNOT_LOAD_PHONEBOOK);
        assertThat(Files.getPosixFilePermissions(store.path())).as("not silently repaired")
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    void aMalformedLineIs625WithItsNumberAndWithoutItsContent() throws Exception {
        CredentialStore store = store();
        store.set(phonebook(), "A", "ann", SECRET);
        Files.writeString(store.path(), "# header\n\nbm90 YmFzZTY0 " + SECRET + "\n", StandardCharsets.UTF_8);
        RasException e = catchThrowableOfType(RasException.class, () -> store.get(phonebook(), "A"));
        assertThat(e.code()).isEqualTo(RasError.CORRUPT_PHONEBOOK);
        assertThat(e.getMessage()).contains("line 3").doesNotContain(SECRET).doesNotContain("s3cr3t");
    }

    @Test
    void aMissingFileHasNoCredentialsAndIsNotCreatedByReading() throws Exception {
        CredentialStore store = store();
        assertThat(store.get(phonebook(), "A")).isEmpty();
        assertThat(store.path()).doesNotExist();
        assertThat(store.remove(phonebook(), "A")).isFalse();
    }

    @Test
    void theUserDefaultIsBesideTheUserPhonebook() {
        assertThat(CredentialStore.userDefault().getParent())
                .isEqualTo(io.jras.core.phonebook.PhonebookLocation.userDefault().getParent());
        assertThat(CredentialStore.SYSTEM).isEqualTo(Path.of("/etc/jras/credentials"));
    }

    @Test
    void writersInFourThreadsLoseNothing() throws Exception {
        CredentialStore store = store();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int w = 0; w < 4; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20; i++) {
                        store.set(phonebook(), "e" + writer + "-" + i, "u", "p" + i);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
        for (int w = 0; w < 4; w++) {
            for (int i = 0; i < 20; i++) {
                assertThat(store.get(phonebook(), "e" + w + "-" + i)).contains(new StoredCredentials("u", "p" + i));
            }
        }
        assertThat(Files.getPosixFilePermissions(store.path())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
}
