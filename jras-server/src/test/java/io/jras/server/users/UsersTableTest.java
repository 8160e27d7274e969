package io.jras.server.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.ppp.Ipv4;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsersTableTest {

    static UsersTable parse(String text) throws UsersFileException {
        return UsersTable.parse(text, "users");
    }

    static String secret(UsersTable t, String client, String server) {
        return t.find(client, server).map(UserEntry::secret).orElse(null);
    }

    @Test
    void anEntryIsClientServerSecretThenAddresses() throws Exception {
        UserEntry e = parse("alice * wonderland 192.0.2.77\n").find("alice", "jras").orElseThrow();
        assertThat(e.client()).isEqualTo("alice");
        assertThat(e.server()).isEqualTo("*");
        assertThat(e.secret()).isEqualTo("wonderland");
        assertThat(e.addresses().staticAddress()).hasValue(Ipv4.parse("192.0.2.77"));
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndAHashInsideAWordIsKept() throws Exception {
        UsersTable t = parse("""
                # users of the lab

                alice * pass#1   # a trailing comment
                   \t
                bob * 'x'        # bob
                """);
        assertThat(t.size()).isEqualTo(2);
        assertThat(secret(t, "alice", "jras")).isEqualTo("pass#1");
        assertThat(secret(t, "bob", "jras")).isEqualTo("x");
        assertThat(t.find("alice", "jras").orElseThrow().line()).isEqualTo(3);
        assertThat(t.find("bob", "jras").orElseThrow().line()).isEqualTo(5);
    }

    @Test
    void quotesKeepSpacesAndHashesAndMayStartMidWord() throws Exception {
        UsersTable t = parse("""
                "bob smith" jras "two words # not a comment"
                'carol' "*" pre"fix post"fix
                dave * ""
                """);
        assertThat(secret(t, "bob smith", "jras")).isEqualTo("two words # not a comment");
        assertThat(secret(t, "carol", "jras")).isEqualTo("prefix postfix");
        assertThat(secret(t, "dave", "jras")).isEmpty();
    }

    @Test
    void backslashEscapesFollowPppd() throws Exception {
        UsersTable t = parse("a * x\\sy\nb * \\x41\\102\\\"q\nc * one\\\ntwo\n");
        assertThat(secret(t, "a", "s")).isEqualTo("x y");
        assertThat(secret(t, "b", "s")).isEqualTo("AB\"q");
        assertThat(secret(t, "c", "s")).isEqualTo("onetwo");
    }

    @Test
    void windowsLineEndingsAreWhiteSpace() throws Exception {
        UsersTable t = parse("alice * wonderland\r\nbob * builder 192.0.2.5\r\n");
        assertThat(secret(t, "alice", "jras")).isEqualTo("wonderland");
        assertThat(t.find("bob", "jras").orElseThrow().addresses().staticAddress()).hasValue(Ipv4.parse("192.0.2.5"));
    }

    @Test
    void wildcardsMatchAnyClientAndAnyServer() throws Exception {
        UsersTable t = parse("* * guest\n");
        assertThat(secret(t, "anyone", "anything")).isEqualTo("guest");
        assertThat(parse("alice labserver pw\n").find("alice", "jras")).isEmpty();
        assertThat(parse("alice * pw\n").find("bob", "jras")).isEmpty();
    }

    @ParameterizedTest(name = "{0} to {1} gets {2}")
    @CsvSource({
        // pppd scan_authfile: exact client and server, then exact client, then exact server, then neither
        "alice, jras, both-exact",
        "alice, other, client-exact",
        "bob, jras, server-exact",
        "bob, other, none-exact",
    })
    void theMostSpecificEntryWinsWhateverTheOrder(String client, String server, String expected) throws Exception {
        UsersTable t = parse("""
                * * none-exact
                * jras server-exact
                alice * client-exact
                alice jras both-exact
                """);
        assertThat(secret(t, client, server)).isEqualTo(expected);
        UsersTable reversed = parse("""
                alice jras both-exact
                alice * client-exact
                * jras server-exact
                * * none-exact
                """);
        assertThat(secret(reversed, client, server)).isEqualTo(expected);
    }

    @Test
    void amongEquallySpecificEntriesTheFirstWins() throws Exception {
        assertThat(secret(parse("alice * first\nalice * second\n"), "alice", "jras")).isEqualTo("first");
    }

    @Test
    void namesAreCaseSensitiveAsInPppd() throws Exception {
        assertThat(parse("Alice * pw\n").find("alice", "jras")).isEmpty();
    }

    @Test
    void aMissingFieldIsReportedWithItsLineAndWithoutAnyWord() throws Exception {
        assertThatThrownBy(() -> parse("# header\nalice * wonderland\nbob s3cret-word\n"))
                .isInstanceOf(UsersFileException.class)
                .hasMessageStartingWith("users:3: ")
                .hasMessageContaining("client server secret")
                .hasMessageNotContaining("s3cret-word")
                .satisfies(e -> assertThat(((UsersFileException) e).line()).isEqualTo(3));
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheLineItOpens() {
        assertThatThrownBy(() -> parse("alice * wonderland\nbob * \"half-a-secret\n\n"))
                .isInstanceOf(UsersFileException.class)
                .hasMessageStartingWith("users:2: ")
                .hasMessageContaining("never closed")
                .hasMessageNotContaining("half-a-secret");
    }

    @Test
    void aBadAddressIsReportedByPositionNotByText() {
        assertThatThrownBy(() -> parse("\n\nalice * wonderland 192.0.2.1 my-password\n"))
                .isInstanceOf(UsersFileException.class)
                .hasMessageStartingWith("users:3: word 5 is not an IPv4 address")
                .hasMessageNotContaining("my-password")
                .hasMessageNotContaining("wonderland");
    }

    @Test
    void unsupportedPppdFeaturesAreErrorsNotSilentlyIgnored() {
        assertThatThrownBy(() -> parse("alice * pw * -- ms-dns 192.0.2.9\n"))
                .hasMessageStartingWith("users:1: per-user pppd options");
        assertThatThrownBy(() -> parse("alice * @/etc/ppp/alice.secret\n"))
                .hasMessageStartingWith("users:1: secrets read from another file");
        assertThatThrownBy(() -> parse("alice * pw - 192.0.2.1\n"))
                .hasMessageStartingWith("users:1: '-' (no address) must be the only");
        assertThatThrownBy(() -> parse("alice * pw 192.0.2.0/33\n"))
                .hasMessageStartingWith("users:1: word 4 is not");
    }

    @Test
    void aWordLongerThanPppdsMaximumIsAnError() {
        assertThatThrownBy(() -> parse("alice * " + "x".repeat(SecretsTokenizer.MAX_WORD + 1) + "\n"))
                .hasMessageStartingWith("users:1: a word is longer than 1024");
    }

    @Test
    void anEntryNeverShowsItsSecret() throws Exception {
        UserEntry e = parse("alice * wonderland 192.0.2.7\n").find("alice", "x").orElseThrow();
        assertThat(e.toString()).doesNotContain("wonderland").contains("alice").contains("192.0.2.7");
    }

    @Test
    void anEmptyFileHasNoUsers() throws Exception {
        assertThat(parse("").size()).isZero();
        assertThat(parse("# nobody\n\n").find("alice", "jras")).isEqualTo(Optional.empty());
    }
}
