package io.jras.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's phonebook operations: RAS errors by number, credentials apart and never shown. */
class PhonebooksTest {

    @TempDir
    Path dir;

    @Test
    void entriesAreAddedChangedRenamedAndRemovedWithRasErrors() throws Exception {
        Phonebooks pb = Phonebooks.open(dir.resolve("rasphone.pbk").toString(), dir.resolve("credentials"));
        EntryInfo added = pb.add("Office VPN", EntrySpec.device("tcp:192.0.2.1:7001").withPhoneNumbers(List.of("1", "2")).withAuth("chap"));
        assertThat(added.phoneNumbers()).containsExactly("1", "2");
        assertThat(added.auth()).isEqualTo("chap");
        assertThatThrownBy(() -> pb.add("office vpn", EntrySpec.device("tcp:192.0.2.1:7001")))
                .isInstanceOfSatisfying(RasClientException.class, e -> assertThat(e.code()).isEqualTo(183));
        assertThatThrownBy(() -> pb.add("bad|name", EntrySpec.device("tcp:192.0.2.1:7001")))
                .isInstanceOfSatisfying(RasClientException.class, e -> assertThat(e.code()).isEqualTo(123));
        assertThatThrownBy(() -> pb.show("Nope"))
                .isInstanceOfSatisfying(RasClientException.class, e -> assertThat(e.code()).isEqualTo(623));

        assertThat(pb.set("Office VPN", new EntrySpec(null, null, null, 4, 9, null, true)))
                .satisfies(e -> {
                    assertThat(e.redialAttempts()).isEqualTo(4);
                    assertThat(e.redialSeconds()).isEqualTo(9);
                    assertThat(e.redialOnLinkFailure()).isTrue();
                    assertThat(e.device()).isEqualTo("tcp:192.0.2.1:7001");
                });
        pb.setCredentials("Office VPN", "alice", "wonderland");
        assertThat(pb.rename("Office VPN", "Home").user()).isEqualTo("alice");
        assertThat(pb.show("Home").passwordStored()).isTrue();
        assertThat(pb.show("Home").toString()).doesNotContain("wonderland");
        assertThat(Files.readString(pb.path())).doesNotContain("wonderland");
        pb.remove("Home");
        assertThat(pb.list()).isEmpty();
    }

    @Test
    void aBrokenPhonebookIs625WithItsLine() throws Exception {
        Path file = dir.resolve("broken.pbk");
        Files.writeString(file, "[Good]\r\nType=1\r\n[Unterminated\r\n");
        assertThatThrownBy(() -> Phonebooks.open(file.toString(), dir.resolve("credentials")).list())
                .isInstanceOfSatisfying(RasClientException.class, e -> {
                    assertThat(e.code()).isEqualTo(625);
                    assertThat(e.getMessage()).contains("3");
                });
    }
}
