package io.jras.core.phonebook;

import static io.jras.core.phonebook.Samples.rasError;
import static org.assertj.core.api.Assertions.assertThat;

import io.jras.link.RasError;
import io.jras.link.RasException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of broken file is RAS error 625, and the message names the line. */
class BrokenPhonebookTest {

    @TempDir
    Path dir;

    private RasException parse(byte[] bytes) {
        return rasError(RasError.CORRUPT_PHONEBOOK, () -> PbkParser.parse(bytes, "rasphone.pbk"));
    }

    private RasException parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aKeyBeforeAnySectionIs625WithItsLine() {
        assertThat(parse("; a comment\r\n\r\nType=2\r\n[A]\r\n").getMessage())
                .contains("rasphone.pbk, line 3:", "key line before the first [entry]");
    }

    @Test
    void textBeforeAnySectionIs625WithItsLine() {
        assertThat(parse("\nhello\n[A]\n").getMessage()).contains("line 2:", "text before the first");
    }

    @Test
    void aSectionHeaderWithTextAfterItsBracketIs625WithItsLine() {
        assertThat(parse("[A]\nType=1\n[B] trailing\nType=1\n").getMessage())
                .contains("line 3:", "malformed section header");
    }

    @Test
    void anUnterminatedSectionHeaderIs625WithItsLine() {
        assertThat(parse("[A]\r\nType=1\r\n\r\n[Office VPN\r\nType=2\r\n").getMessage())
                .contains("line 4:", "unterminated section header");
    }

    @Test
    void anEmptySectionNameIs625WithItsLine() {
        assertThat(parse("[A]\n[ ]\n").getMessage()).contains("line 2:", "empty entry name");
    }

    @Test
    void aValueWithoutKeyIs625WithItsLine() {
        assertThat(parse("[A]\nType=1\n=5\n").getMessage()).contains("line 3:", "a value without a key");
    }

    @Test
    void aNulByteIs625WithItsLine() {
        assertThat(parse("[A]\nType=1\nDevice=ab\0cd\n").getMessage()).contains("line 3:", "NUL byte at column 10");
    }

    @Test
    void invalidUtf8Is625WithItsLine() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("[A]\r\nComment=caf".getBytes(StandardCharsets.US_ASCII));
        b.write(0xe9); // Latin-1 é: not UTF-8
        b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(parse(b.toByteArray()).getMessage()).contains("line 2:", "not UTF-8");
    }

    @Test
    void aLineLongerThan64KiBIs625WithItsLine() {
        String huge = "Comment=" + "x".repeat(PbkParser.MAX_LINE_BYTES);
        assertThat(parse("[A]\nType=1\n" + huge + "\n").getMessage()).contains("line 3:", "longer than 65536 bytes");
    }

    @Test
    void aLineOfExactly64KiBIsAccepted() throws Exception {
        String line = "Comment=" + "x".repeat(PbkParser.MAX_LINE_BYTES - 8);
        PbkDocument d = Samples.parse("[A]\n" + line + "\n");
        assertThat(d.sections()).hasSize(1);
    }

    @Test
    void aSecondEntryWithTheSameNameInAnyCaseIs625WithItsLine() {
        assertThat(parse("[Office]\nType=1\n\n[OFFICE]\nType=2\n").getMessage())
                .contains("line 4:", "second entry named \"OFFICE\"", "first is at line 1");
    }

    @Test
    void aBadValueOfAKeyJrasReadsIs625WithItsLineWhenTheEntryIsRead() throws Exception {
        Path file = dir.resolve("rasphone.pbk");
        Files.writeString(file, "[Good]\nType=3\n\n[Bad]\nType=3\nRedialAttempts=three\n");
        Phonebook pb = Phonebook.load(file);
        assertThat(pb.entry("Good").redialAttempts()).isEqualTo(3);
        assertThat(rasError(RasError.CORRUPT_PHONEBOOK, () -> pb.entry("Bad")).getMessage())
                .contains("line 6:", "RedialAttempts=three is not a whole number");
        rasError(RasError.CORRUPT_PHONEBOOK, pb::entries);
    }

    @Test
    void loadingABrokenFileIs625NamingTheFile() throws Exception {
        Path file = dir.resolve("rasphone.pbk");
        Files.writeString(file, "Type=1\n");
        assertThat(rasError(RasError.CORRUPT_PHONEBOOK, () -> Phonebook.load(file)).getMessage())
                .contains(file.toString() + ", line 1:");
    }

    @Test
    void aFileBrokenBehindOurBackMakesAChange625AndStaysAsItIs() throws Exception {
        Path file = dir.resolve("rasphone.pbk");
        Files.writeString(file, "[A]\nType=1\n");
        Phonebook pb = Phonebook.load(file);
        Files.writeString(file, "[A]\nType=1\n[B\n");
        rasError(RasError.CORRUPT_PHONEBOOK, () -> pb.add(PhonebookEntry.create("C", "tcp:h:1")));
        assertThat(Files.readString(file)).isEqualTo("[A]\nType=1\n[B\n");
    }

    @Test
    void aFileLargerThan16MiBIs625() throws Exception {
        Path file = dir.resolve("rasphone.pbk");
        Files.write(file, new byte[Phonebook.MAX_FILE_BYTES + 1]);
        assertThat(rasError(RasError.CORRUPT_PHONEBOOK, () -> Phonebook.load(file)).getMessage())
                .contains("larger than");
    }
}
