package io.jras.core.phonebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {

    @TempDir
    Path dir;

    static String[] samples() {
        return Samples.ALL;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void anUnchangedFileIsWrittenBackByteForByte(String sample) throws Exception {
        byte[] original = Samples.bytes(sample);
        assertThat(PbkParser.parse(original, sample).toBytes()).isEqualTo(original);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void updatingEveryEntryWithItselfLeavesTheFileIdentical(String sample) throws Exception {
        Path file = Samples.copy(sample, dir);
        Phonebook pb = Phonebook.load(file);
        for (PhonebookEntry e : pb.entries()) {
            pb.update(e);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(Samples.bytes(sample));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEntryOfASampleIsReadable(String sample) throws Exception {
        Phonebook pb = Phonebook.load(Samples.copy(sample, dir));
        assertThat(pb.entries()).hasSameSizeAs(pb.names());
    }

    @Test
    void theByteOrderMarkIsKeptAndNotPartOfTheFirstLine() throws Exception {
        PbkDocument d = PbkParser.parse(Samples.bytes("bom-comments-unknown-keys-crlf.pbk"), "s");
        assertThat(d.bom()).isTrue();
        assertThat(d.sections().getFirst().name()).isEqualTo("Büro Einwahl");
        assertThat(d.toBytes()).startsWith((byte) 0xef, (byte) 0xbb, (byte) 0xbf, (byte) ';');
    }

    @Test
    void changingOneEntryLeavesTheOthersBytesAlone() throws Exception {
        Path file = Samples.copy("windows-vpn-and-modem-crlf.pbk", dir);
        String before = Samples.text(file);
        Phonebook.load(file).edit("Dial-up to Branch", e -> e.withRedial(9, 60));
        String after = Samples.text(file);
        assertThat(after).isEqualTo(before.replace("RedialAttempts=3\r\n", "RedialAttempts=9\r\n"));
    }

    @Test
    void aLastLineWithoutLineBreakGetsOneOnlyWhenSomethingFollowsIt() throws Exception {
        Path file = Samples.copy("no-final-newline-lf.pbk", dir);
        Phonebook pb = Phonebook.load(file);
        pb.edit("Last line has no newline", e -> e.withIdleDisconnectSeconds(60));
        assertThat(Samples.text(file)).endsWith("RedialAttempts=1\nIdleDisconnectSeconds=60\n");
    }

    @Test
    void mixedLineEndingsAreKeptLineByLine() throws Exception {
        Path file = Samples.copy("mixed-endings.pbk", dir);
        Phonebook.load(file).edit("Mixed", e -> e.withDevice("tcp:10.0.0.2:7001"));
        assertThat(Samples.text(file)).isEqualTo(
                "[Mixed]\r\nType=3\nJrasDevice=tcp:10.0.0.2:7001\r\n\nMEDIA=jras\r\nDEVICE=jras\nPhoneNumber=1\r\n");
    }
}
