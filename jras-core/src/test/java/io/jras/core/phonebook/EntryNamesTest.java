package io.jras.core.phonebook;

import static io.jras.core.phonebook.Samples.rasError;
import static org.assertj.core.api.Assertions.assertThat;

import io.jras.link.RasError;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Entry names are judged as RasValidateEntryName does: 123 invalid, 183 taken (ignoring case). */
class EntryNamesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"", ".hidden", "trailing space ", "back\\slash", "for/ward", "co:lon", "st*r",
        "quest?on", "quo\"te", "less<", "more>", "pi|pe", "tab\there", "new\nline", "nul\0", "del\u007f"})
    void anInvalidNameIs123(String name) {
        rasError(RasError.INVALID_NAME, () -> EntryNames.validate(name));
        rasError(RasError.INVALID_NAME, () -> PhonebookEntry.create(name, "tcp:h:1"));
    }

    @Test
    void aNameOf256CharactersIsValidAndOf257Is123() throws Exception {
        EntryNames.validate("n".repeat(256));
        rasError(RasError.INVALID_NAME, () -> EntryNames.validate("n".repeat(257)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Office", "Office VPN", " leading space", "Büro Einwahl", "a.b", "[brackets]", "semi;colon", "x=y", "#1"})
    void namesWithSpacesAndPunctuationAreValidAndSurviveTheFile(String name) throws Exception {
        EntryNames.validate(name);
        Phonebook pb = Phonebook.load(dir.resolve("rasphone.pbk"));
        pb.add(PhonebookEntry.create(name, "tcp:h:1"));
        assertThat(Phonebook.load(pb.path()).names()).containsExactly(name);
        assertThat(Phonebook.load(pb.path()).entry(name).name()).isEqualTo(name);
    }

    @Test
    void aNameTakenInAnyCaseIs183() throws Exception {
        Phonebook pb = Phonebook.load(dir.resolve("rasphone.pbk"));
        pb.add(PhonebookEntry.create("Office VPN", "tcp:h:1"));
        rasError(RasError.ALREADY_EXISTS, () -> pb.add(PhonebookEntry.create("OFFICE vpn", "tcp:h:2")));
        assertThat(pb.names()).containsExactly("Office VPN");
    }
}
