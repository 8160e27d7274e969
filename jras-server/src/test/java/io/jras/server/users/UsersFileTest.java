package io.jras.server.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileTest {

    @TempDir
    Path dir;

    final List<String> log = new CopyOnWriteArrayList<>();

    Path write(String name, String text, Instant mtime) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        Files.setLastModifiedTime(p, FileTime.from(mtime));
        return p;
    }

    @Test
    void itLooksUpForItsOwnServerName() throws Exception {
        Path p = write("chap-secrets", "alice jras wonderland\nalice other elsewhere\n", Instant.parse("2025-01-01T00:00:00Z"));
        UsersFile f = UsersFile.load(p, "jras");
        assertThat(f.secretFor("alice")).hasValue("wonderland");
        assertThat(UsersFile.load(p, "other").secretFor("alice")).hasValue("elsewhere");
        assertThat(f.secretFor("bob")).isEmpty();
    }

    @Test
    void aMalformedFileFailsToLoadNamingFileAndLine() throws Exception {
        Path p = write("pap-secrets", "alice * wonderland\nbob topsecret\n", Instant.now());
        assertThatThrownBy(() -> UsersFile.load(p, "jras"))
                .isInstanceOf(UsersFileException.class)
                .hasMessage(p + ":2: an entry needs at least three words: client server secret; found 2");
    }

    @Test
    void aChangedFileIsReadAgain() throws Exception {
        Path p = write("users", "alice * wonderland\n", Instant.parse("2025-01-01T00:00:00Z"));
        UsersFile f = UsersFile.load(p, "jras", Duration.ZERO, log::add);
        assertThat(f.secretFor("alice")).hasValue("wonderland");
        write("users", "alice * looking-glass\nbob * builder\n", Instant.parse("2025-01-01T00:00:05Z"));
        assertThat(f.secretFor("alice")).hasValue("looking-glass");
        assertThat(f.secretFor("bob")).hasValue("builder");
        assertThat(log).containsExactly("users file " + p + " reloaded: 2 entries");
    }

    @Test
    void aBrokenChangeKeepsThePreviousUsersAndSaysWhereItIsBroken() throws Exception {
        Path p = write("users", "alice * wonderland\n", Instant.parse("2025-01-01T00:00:00Z"));
        UsersFile f = UsersFile.load(p, "jras", Duration.ZERO, log::add);
        write("users", "alice * new-secret\ncarol \"unclosed-secret\n", Instant.parse("2025-01-01T00:00:05Z"));
        assertThat(f.secretFor("alice")).hasValue("wonderland");
        assertThat(f.secretFor("alice")).hasValue("wonderland");
        assertThat(log).containsExactly("users file " + p + ":2: a quote (\") is never closed; keeping the previous 1 entries");
        assertThat(String.join("\n", log)).doesNotContain("secret\"").doesNotContain("new-secret").doesNotContain("wonderland");
        write("users", "alice * fixed\n", Instant.parse("2025-01-01T00:00:09Z"));
        assertThat(f.secretFor("alice")).hasValue("fixed");
    }

    @Test
    void changesAreLookedForAtMostOncePerRecheckInterval() throws Exception {
        Path p = write("users", "alice * wonderland\n", Instant.parse("2025-01-01T00:00:00Z"));
        UsersFile f = UsersFile.load(p, "jras", Duration.ofHours(1), log::add);
        write("users", "alice * changed\n", Instant.parse("2025-01-01T00:00:05Z"));
        assertThat(f.secretFor("alice")).hasValue("wonderland");
    }

    @Test
    void aFileOthersCanReadIsWarnedAbout() throws Exception {
        Path p = write("users", "alice * wonderland\n", Instant.now());
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        UsersFile.load(p, "jras", Duration.ZERO, log::add);
        assertThat(log).singleElement().asString().startsWith("warning: users file " + p + " can be read by group or others");
    }
}
