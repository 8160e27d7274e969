package io.jras.core.phonebook;

import static io.jras.core.phonebook.Samples.rasError;
import static org.assertj.core.api.Assertions.assertThat;

import io.jras.core.phonebook.store.AtomicFile;
import io.jras.link.RasError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that fails at any point before the rename leaves the original file as it was. */
class AtomicWriteTest {

    @TempDir
    Path dir;

    @Test
    void aFailureBetweenTheTemporaryWriteAndTheRenameLeavesTheOriginalIntact() throws Exception {
        Path file = Samples.copy("windows-vpn-and-modem-crlf.pbk", dir);
        List<byte[]> seenInTemporary = new ArrayList<>();
        Phonebook pb = Phonebook.load(new AtomicFile(file, temporary -> {
            seenInTemporary.add(Files.readAllBytes(temporary));
            throw new IOException("disk pulled out");
        }));

        assertThat(rasError(RasError.CANNOT_WRITE_PHONEBOOK, () -> pb.remove("Office VPN")).getMessage())
                .contains("disk pulled out");

        assertThat(seenInTemporary).singleElement().satisfies(b -> assertThat(new String(b)).doesNotContain("[Office VPN]"));
        assertThat(Files.readAllBytes(file)).isEqualTo(Samples.bytes("windows-vpn-and-modem-crlf.pbk"));
        assertThat(pb.names()).as("the snapshot is not changed either").containsExactly("Office VPN", "Dial-up to Branch");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("").allMatch(n -> !n.endsWith(".tmp"));
        }
    }

    @Test
    void theTemporaryFileAlreadyHasTheFinalModeAndContentBeforeTheRename() throws Exception {
        Path file = dir.resolve("rasphone.pbk");
        List<String> modes = new ArrayList<>();
        Phonebook pb = Phonebook.load(new AtomicFile(file, temporary -> {
            modes.add(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(temporary)));
            assertThat(temporary.getParent()).isEqualTo(dir);
        }));
        pb.add(PhonebookEntry.create("A", "tcp:h:1"));
        assertThat(modes).containsExactly("rw-r--r--");
    }

    @Test
    void aFailedFirstWriteLeavesNoFile() throws Exception {
        Path file = dir.resolve("rasphone.pbk");
        Phonebook pb = Phonebook.load(new AtomicFile(file, temporary -> {
            throw new IOException("no space left on device");
        }));
        rasError(RasError.CANNOT_WRITE_PHONEBOOK, () -> pb.add(PhonebookEntry.create("A", "tcp:h:1")));
        assertThat(file).doesNotExist();
        assertThat(pb.names()).isEmpty();
    }
}
