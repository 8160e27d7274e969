package io.jras.core.phonebook;

import static io.jras.core.phonebook.Samples.rasError;
import static org.assertj.core.api.Assertions.assertThat;

import io.jras.link.RasError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhonebookTest {

    @TempDir
    Path dir;

    private Phonebook fresh() throws Exception {
        return Phonebook.load(dir.resolve("rasphone.pbk"));
    }

    @Test
    void aMissingFileIsAnEmptyPhonebookAndIsNotCreatedByReading() throws Exception {
        Phonebook pb = fresh();
        assertThat(pb.names()).isEmpty();
        assertThat(pb.entries()).isEmpty();
        assertThat(pb.path()).doesNotExist();
    }

    @Test
    void aMissingEntryIs623() throws Exception {
        Phonebook pb = Phonebook.load(Samples.copy("windows-vpn-and-modem-crlf.pbk", dir));
        assertThat(rasError(RasError.CANNOT_FIND_PHONEBOOK_ENTRY, () -> pb.entry("Nope")).getMessage()).contains("Nope");
        rasError(RasError.CANNOT_FIND_PHONEBOOK_ENTRY, () -> pb.remove("Nope"));
        rasError(RasError.CANNOT_FIND_PHONEBOOK_ENTRY, () -> pb.rename("Nope", "Other"));
        rasError(RasError.CANNOT_FIND_PHONEBOOK_ENTRY, () -> pb.update(PhonebookEntry.create("Nope", "tcp:h:1")));
        rasError(RasError.CANNOT_FIND_PHONEBOOK_ENTRY, () -> pb.edit("Nope", e -> e));
        assertThat(pb.find("Nope")).isEmpty();
    }

    @Test
    void removingFromAMissingDirectoryIs623AndCreatesNothing() throws Exception {
        Phonebook pb = Phonebook.load(dir.resolve("not/yet/rasphone.pbk"));
        rasError(RasError.CANNOT_FIND_PHONEBOOK_ENTRY, () -> pb.remove("X"));
        assertThat(dir.resolve("not")).doesNotExist();
    }

    @Test
    void theFirstAddCreatesTheFileAndItsDirectoriesInCrlf() throws Exception {
        Phonebook pb = Phonebook.load(dir.resolve("a/b/rasphone.pbk"));
        pb.add(PhonebookEntry.create("Office", "tcp:127.0.0.1:7001"));
        assertThat(Samples.text(pb.path())).startsWith("[Office]\r\nEncoding=1\r\n").endsWith("TryNextAlternateOnFail=1\r\n\r\n");
        assertThat(Files.getPosixFilePermissions(pb.path())).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    void addedEntriesAreSeparatedByABlankLineAndReadBack() throws Exception {
        Path file = Samples.copy("no-final-newline-lf.pbk", dir);
        Phonebook pb = Phonebook.load(file);
        pb.add(PhonebookEntry.create("Second", "tcp:h:2").withPhoneNumbers(List.of(new PhoneNumber("1", "one"))));
        assertThat(Samples.text(file)).startsWith("[Last line has no newline]\nType=3\nJrasDevice=exec:ssh gw pppd notty\nRedialAttempts=1\n\n[Second]\nEncoding=1\n");
        assertThat(Phonebook.load(file).entry("second").phoneNumbers()).containsExactly(new PhoneNumber("1", "one"));
    }

    @Test
    void renameKeepsTheEntryAndItsPlace() throws Exception {
        Path file = Samples.copy("windows-vpn-and-modem-crlf.pbk", dir);
        String before = Samples.text(file);
        Phonebook pb = Phonebook.load(file);
        PhonebookEntry renamed = pb.rename("Office VPN", "Head Office VPN");
        assertThat(renamed.name()).isEqualTo("Head Office VPN");
        assertThat(pb.names()).containsExactly("Head Office VPN", "Dial-up to Branch");
        assertThat(Samples.text(file)).isEqualTo(before.replace("[Office VPN]\r\n", "[Head Office VPN]\r\n"));
    }

    @Test
    void renameRulesAre123And183AndAChangeOfCaseIsAllowed() throws Exception {
        Phonebook pb = Phonebook.load(Samples.copy("windows-vpn-and-modem-crlf.pbk", dir));
        rasError(RasError.INVALID_NAME, () -> pb.rename("Office VPN", "bad/name"));
        rasError(RasError.ALREADY_EXISTS, () -> pb.rename("Office VPN", "DIAL-UP TO BRANCH"));
        assertThat(pb.rename("Office VPN", "OFFICE VPN").name()).isEqualTo("OFFICE VPN");
        assertThat(pb.names()).containsExactly("OFFICE VPN", "Dial-up to Branch");
    }

    @Test
    void removeTakesTheWholeEntryAndLeavesTheRestByteForByte() throws Exception {
        Path file = Samples.copy("serial-and-switch-lf.pbk", dir);
        String before = Samples.text(file);
        Phonebook pb = Phonebook.load(file);
        pb.remove("lab serial line");
        assertThat(pb.names()).containsExactly("Switch then modem");
        assertThat(Samples.text(file)).isEqualTo(before.substring(before.indexOf("[Switch then modem]")));
    }

    @Test
    void editWorksOnTheEntryAsItIsInTheFileNow() throws Exception {
        Path file = dir.resolve("rasphone.pbk");
        Phonebook first = Phonebook.load(file);
        first.add(PhonebookEntry.create("Office", "tcp:h:1"));
        Phonebook second = Phonebook.load(file);
        first.edit("Office", e -> e.withRedial(8, 60));
        second.edit("Office", e -> e.withAuth(AuthPolicy.PAP));
        PhonebookEntry e = Phonebook.load(file).entry("Office");
        assertThat(e.redialAttempts()).isEqualTo(8);
        assertThat(e.auth()).isEqualTo(AuthPolicy.PAP);
    }

    @Test
    void aStaleSnapshotNeverDropsEntriesOthersAdded() throws Exception {
        Path file = dir.resolve("rasphone.pbk");
        Phonebook a = Phonebook.load(file);
        Phonebook b = Phonebook.load(file);
        a.add(PhonebookEntry.create("A", "tcp:h:1"));
        b.add(PhonebookEntry.create("B", "tcp:h:2"));
        assertThat(b.names()).containsExactly("A", "B");
        a.reload();
        assertThat(a.names()).containsExactly("A", "B");
    }

    @Test
    void importAndExportCopyOneEntryInTheTargetsLineEndings() throws Exception {
        Phonebook windows = Phonebook.load(Samples.copy("windows-vpn-and-modem-crlf.pbk", dir));
        Path lfFile = dir.resolve("lf.pbk");
        Files.writeString(lfFile, "[Existing]\nType=3\n");
        Phonebook lf = Phonebook.load(lfFile);

        PhonebookEntry imported = lf.importFrom(windows, "Dial-up to Branch");
        assertThat(imported.lines()).isEqualTo(windows.entry("Dial-up to Branch").lines());
        String text = Samples.text(lfFile);
        assertThat(text).startsWith("[Existing]\nType=3\n\n[Dial-up to Branch]\nEncoding=1\n").doesNotContain("\r");

        windows.exportTo("Office VPN", lf);
        assertThat(lf.names()).containsExactly("Existing", "Dial-up to Branch", "Office VPN");
        rasError(RasError.ALREADY_EXISTS, () -> windows.exportTo("Office VPN", lf));
        rasError(RasError.CANNOT_FIND_PHONEBOOK_ENTRY, () -> lf.importFrom(windows, "Nope"));
    }

    @Test
    void anExistingFileKeepsItsModeOnRewrite() throws Exception {
        Path file = Samples.copy("serial-and-switch-lf.pbk", dir);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Phonebook.load(file).remove("Lab serial line");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
    }

    @Test
    void aSymlinkedPhonebookIsWrittenThroughTheLink() throws Exception {
        Path real = Samples.copy("serial-and-switch-lf.pbk", dir);
        Path link = Files.createSymbolicLink(dir.resolve("link.pbk"), real);
        Phonebook.load(link).remove("Lab serial line");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Phonebook.load(real).names()).containsExactly("Switch then modem");
    }

    @Test
    void writersThroughASymlinkAndThroughTheRealPathShareOneLock() throws Exception {
        Path real = dir.resolve("rasphone.pbk");
        Phonebook.load(real).add(PhonebookEntry.create("A", "tcp:h:1"));
        Path link = Files.createSymbolicLink(dir.resolve("link.pbk"), real);
        Phonebook.load(link).add(PhonebookEntry.create("B", "tcp:h:2"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("rasphone.pbk.lock").doesNotContain("link.pbk.lock");
        }
    }

    @Test
    void aDirectoryInsteadOfAFileIs621() throws Exception {
        Path d = Files.createDirectory(dir.resolve("rasphone.pbk"));
        rasError(RasError.CANNOT_OPEN_PHONEBOOK, () -> Phonebook.load(d));
    }

    @Test
    void noTemporaryOrStrayFilesAreLeftBehind() throws Exception {
        Phonebook pb = fresh();
        pb.add(PhonebookEntry.create("A", "tcp:h:1"));
        pb.remove("A");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("rasphone.pbk", "rasphone.pbk.lock");
        }
    }
}
