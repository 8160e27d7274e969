package io.jras.core.phonebook;

import static io.jras.core.phonebook.Samples.rasError;
import static org.assertj.core.api.Assertions.assertThat;

import io.jras.link.RasError;
import io.jras.ppp.AuthProtocol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhonebookEntryTest {

    @TempDir
    Path dir;

    private Phonebook sample(String name) throws Exception {
        return Phonebook.load(Samples.copy(name, dir));
    }

    @Test
    void aWindowsVpnEntryReadsItsTypedValues() throws Exception {
        PhonebookEntry e = sample("windows-vpn-and-modem-crlf.pbk").entry("Office VPN");
        assertThat(e.type()).isEqualTo(EntryType.VPN);
        assertThat(e.device()).as("a VPN miniport is no jras device").isEmpty();
        assertThat(e.phoneNumbers()).containsExactly(new PhoneNumber("vpn.corp.example", ""));
        assertThat(e.auth()).as("AuthRestrictions=544: MD5-CHAP and MS-CHAPv2")
                .isEqualTo(AuthPolicy.parse("chap,mschapv2"));
        assertThat(e.redialAttempts()).isEqualTo(5);
        assertThat(e.redialSeconds()).isEqualTo(30);
        assertThat(e.idleDisconnectSeconds()).isEqualTo(900);
        assertThat(e.redialOnLinkFailure()).isTrue();
        assertThat(e.remoteDefaultGateway()).isFalse();
        assertThat(e.ipAssign()).isEqualTo(AddressSource.SERVER_ASSIGNED);
        assertThat(e.staticIpAddress()).isEmpty();
        assertThat(e.ipNameAssign()).isEqualTo(AddressSource.REQUIRE_SPECIFIC);
        assertThat(e.dnsAddress()).isEqualTo("10.20.0.53");
        assertThat(e.dns2Address()).isEqualTo("10.20.0.54");
        assertThat(e.value("IpDnsSuffix")).contains("corp.example");
        assertThat(e.value("MEDIA", "Device")).contains("WAN Miniport (SSTP)");
        assertThat(e.value("ms_msclient")).as("NETCOMPONENTS keys are not the entry's own").isEmpty();
        assertThat(e.value("NoSuchKey")).isEmpty();
    }

    @Test
    void aWindowsModemEntryHasItsAlternatesInOrderWithComments() throws Exception {
        PhonebookEntry e = sample("windows-vpn-and-modem-crlf.pbk").entry("dial-up to branch");
        assertThat(e.name()).isEqualTo("Dial-up to Branch");
        assertThat(e.phoneNumbers()).containsExactly(
                new PhoneNumber("5550100", "main office"),
                new PhoneNumber("5550199", "night line"),
                new PhoneNumber("+44 20 7946 0000", "London"));
        assertThat(e.numbers()).containsExactly("5550100", "5550199", "+44 20 7946 0000");
        assertThat(e.auth()).as("AuthRestrictions=552: PAP, MD5-CHAP, MS-CHAPv2").isEqualTo(AuthPolicy.ANY);
    }

    @Test
    void aWindowsComPortWithAModemBecomesAModemOnTheMatchingTty() throws Exception {
        PhonebookEntry e = sample("windows-vpn-and-modem-crlf.pbk").entry("Dial-up to Branch");
        assertThat(e.device()).contains("modem:serial:/dev/ttyS2@57600");
        assertThat(e.deviceDerived()).isTrue();
    }

    @Test
    void aWindowsDirectCableBecomesASerialLine() throws Exception {
        PhonebookEntry e = sample("serial-and-switch-lf.pbk").entry("Lab serial line");
        assertThat(e.device()).contains("serial:/dev/ttyS0@115200");
        assertThat(e.type()).isEqualTo(EntryType.DIRECT);
        assertThat(e.phoneNumbers()).as("an empty PhoneNumber= is no number").isEmpty();
        assertThat(e.idleDisconnectSeconds()).isEqualTo(-1);
        assertThat(e.staticIpAddress()).contains("192.168.7.2");
    }

    @Test
    void aSwitchBeforeTheModemDoesNotHideTheModemsNumbers() throws Exception {
        PhonebookEntry e = sample("serial-and-switch-lf.pbk").entry("Switch then modem");
        assertThat(e.device()).contains("modem:serial:/dev/ttyS1@38400");
        assertThat(e.numbers()).containsExactly("0123 456789", "0123 456700");
        assertThat(e.tryNextAlternateOnFail()).isFalse();
    }

    @Test
    void jrasKeysWinOverWindowsOnes() throws Exception {
        Phonebook pb = sample("bom-comments-unknown-keys-crlf.pbk");
        PhonebookEntry e = pb.entry("Büro Einwahl");
        assertThat(e.device()).contains("modem:tcp:127.0.0.1:7002");
        assertThat(e.deviceDerived()).isFalse();
        assertThat(e.auth().protocols()).containsExactly(AuthProtocol.CHAP_MD5, AuthProtocol.MSCHAP_V2);
        assertThat(e.value("X-Custom-Key")).as("the first of duplicate keys").contains("hello = world");
        assertThat(pb.entry("Plain TCP").auth()).isEqualTo(AuthPolicy.NONE);
        assertThat(pb.entry("Plain TCP").lines()).endsWith("a legacy command line without an equals sign");
    }

    @Test
    void alternatesSpreadOverSeveralDeviceSubsectionsAreReadButOnlyFromTheFirstLink() throws Exception {
        PhonebookEntry e = sample("alternates-across-devices-lf.pbk").entry("Alternates across devices");
        assertThat(e.phoneNumbers()).containsExactly(new PhoneNumber("111", "first"), new PhoneNumber("222", "second"));
    }

    @Test
    void anEntryWithoutKeysGetsTheDocumentedDefaults() throws Exception {
        PhonebookEntry e = PhonebookEntry.read(Samples.parse("[Bare]\n").sections().getFirst(), "t");
        assertThat(e.type()).isEqualTo(EntryType.PHONE);
        assertThat(e.device()).isEmpty();
        assertThat(e.phoneNumbers()).isEmpty();
        assertThat(e.auth()).isEqualTo(AuthPolicy.ANY);
        assertThat(e.redialAttempts()).isEqualTo(PhonebookKeys.DEFAULT_REDIAL_ATTEMPTS);
        assertThat(e.redialSeconds()).isEqualTo(PhonebookKeys.DEFAULT_REDIAL_SECONDS);
        assertThat(e.idleDisconnectSeconds()).isZero();
        assertThat(e.redialOnLinkFailure()).isFalse();
        assertThat(e.remoteDefaultGateway()).isTrue();
        assertThat(e.tryNextAlternateOnFail()).isTrue();
        assertThat(e.ipAssign()).isEqualTo(AddressSource.SERVER_ASSIGNED);
        assertThat(e.ipAddress()).isEqualTo("0.0.0.0");
        assertThat(e.dnsAddress()).isEqualTo("0.0.0.0");
    }

    @Test
    void aNewEntryHasEveryKeyJrasUsesWithItsDefault() throws Exception {
        PhonebookEntry e = PhonebookEntry.create("Office", "tcp:127.0.0.1:7001");
        assertThat(e.lines()).containsExactly(
                "[Office]", "Encoding=1", "Type=3", "JrasDevice=tcp:127.0.0.1:7001", "JrasAuth=any",
                "RedialAttempts=3", "RedialSeconds=60", "IdleDisconnectSeconds=0", "RedialOnLinkFailure=0",
                "IpPrioritizeRemote=1", "IpAddress=0.0.0.0", "IpDnsAddress=0.0.0.0", "IpDns2Address=0.0.0.0",
                "IpAssign=1", "IpNameAssign=1", "",
                "MEDIA=jras", "",
                "DEVICE=jras", "LastSelectedPhone=0", "PromoteAlternates=0", "TryNextAlternateOnFail=1", "");
        assertThat(PhonebookEntry.create("Modem", "modem:tcp:127.0.0.1:7002").type()).isEqualTo(EntryType.PHONE);
    }

    @Test
    void editsKeepUnknownKeysCommentsAndTheirOrder() throws Exception {
        PhonebookEntry e = sample("bom-comments-unknown-keys-crlf.pbk").entry("Büro Einwahl");
        List<String> expected = new ArrayList<>(e.lines());
        PhonebookEntry changed = e.withRedial(7, 45).withAuth(AuthPolicy.MSCHAPV2).withDevice("modem:tcp:10.0.0.9:7002");
        expected.set(expected.indexOf("RedialAttempts=4"), "RedialAttempts=7");
        expected.set(expected.indexOf("JrasAuth=chap,mschapv2"), "JrasAuth=mschapv2");
        expected.set(expected.indexOf("JrasDevice=modem:tcp:127.0.0.1:7002"), "JrasDevice=modem:tcp:10.0.0.9:7002");
        // RedialSeconds was absent: it goes after the entry's last own key, before the blank line and MEDIA=.
        expected.add(expected.indexOf("IdleDisconnectSeconds=300") + 1, "RedialSeconds=45");
        assertThat(changed.lines()).containsExactlyElementsOf(expected);
    }

    @Test
    void anAlternateIsAddedAfterTheLastNumberAsWindowsWritesIt() throws Exception {
        PhonebookEntry e = sample("bom-comments-unknown-keys-crlf.pbk").entry("Büro Einwahl");
        PhonebookEntry changed = e.withPhoneNumbers(List.of(new PhoneNumber("*99#", "GPRS"), new PhoneNumber("*99***1#", "APN 1")));
        assertThat(changed.lines()).containsSubsequence(
                "DEVICE=modem", "# number comment line", "PhoneNumber=*99#", "Comment=GPRS",
                "PhoneNumber=*99***1#", "AreaCode=", "CountryCode=0", "CountryID=0", "UseDialingRules=0", "Comment=APN 1",
                "UnknownDeviceKey=7", "LastSelectedPhone=0");
        assertThat(changed.phoneNumbers()).extracting(PhoneNumber::comment).containsExactly("GPRS", "APN 1");
    }

    @Test
    void removingAnAlternateTakesAllItsLinesAndNothingElse() throws Exception {
        PhonebookEntry e = sample("windows-vpn-and-modem-crlf.pbk").entry("Dial-up to Branch");
        PhonebookEntry changed = e.withPhoneNumbers(List.of(new PhoneNumber("5550100", "main office"), new PhoneNumber("+44 20 7946 0000", "London")));
        List<String> lines = changed.lines();
        assertThat(lines).doesNotContain("PhoneNumber=5550199", "Comment=night line");
        assertThat(String.join("\n", lines)).contains(
                "PhoneNumber=5550100\nAreaCode=212\nCountryCode=1\nCountryID=1\nUseDialingRules=0\nComment=main office\n"
                + "PhoneNumber=+44 20 7946 0000\nAreaCode=\nCountryCode=44");
        assertThat(changed.phoneNumbers()).extracting(PhoneNumber::number).containsExactly("5550100", "+44 20 7946 0000");
        assertThat(lines).hasSize(e.lines().size() - 6);
    }

    @Test
    void changingANumberAndItsCommentRewritesOnlyThoseLines() throws Exception {
        PhonebookEntry e = sample("windows-vpn-and-modem-crlf.pbk").entry("Dial-up to Branch");
        List<PhoneNumber> numbers = new ArrayList<>(e.phoneNumbers());
        numbers.set(1, new PhoneNumber("5550111", "new night line"));
        List<String> expected = new ArrayList<>(e.lines());
        expected.set(expected.indexOf("PhoneNumber=5550199"), "PhoneNumber=5550111");
        expected.set(expected.indexOf("Comment=night line"), "Comment=new night line");
        assertThat(e.withPhoneNumbers(numbers).lines()).containsExactlyElementsOf(expected);
    }

    @Test
    void numbersThatStayOrMoveKeepTheirOwnDialingLines() throws Exception {
        PhonebookEntry e = sample("windows-vpn-and-modem-crlf.pbk").entry("Dial-up to Branch");
        PhonebookEntry changed = e.withPhoneNumbers(List.of(
                new PhoneNumber("5550000", "new primary"),
                new PhoneNumber("+44 20 7946 0000", "London office"),
                new PhoneNumber("5550100", "main office")));
        String text = String.join("\n", changed.lines());
        assertThat(text).contains("DEVICE=modem\n"
                + "PhoneNumber=5550000\nAreaCode=\nCountryCode=0\nCountryID=0\nUseDialingRules=0\nComment=new primary\n"
                + "PhoneNumber=+44 20 7946 0000\nAreaCode=\nCountryCode=44\nCountryID=44\nUseDialingRules=0\nComment=London office\n"
                + "PhoneNumber=5550100\nAreaCode=212\nCountryCode=1\nCountryID=1\nUseDialingRules=0\nComment=main office\n"
                + "LastSelectedPhone=0\n");
        assertThat(text).doesNotContain("5550199", "night line");
    }

    @Test
    void aNewPrimaryGoesBeforeTheOldOneWhichKeepsItsLines() throws Exception {
        PhonebookEntry e = sample("windows-vpn-and-modem-crlf.pbk").entry("Dial-up to Branch");
        List<PhoneNumber> numbers = new ArrayList<>(e.phoneNumbers());
        numbers.addFirst(new PhoneNumber("5559999", "first choice"));
        List<String> lines = e.withPhoneNumbers(numbers).lines();
        assertThat(String.join("\n", lines)).contains("DEVICE=modem\nPhoneNumber=5559999\nAreaCode=\nCountryCode=0\nCountryID=0\n"
                + "UseDialingRules=0\nComment=first choice\nPhoneNumber=5550100\nAreaCode=212\n");
        assertThat(lines).hasSize(e.lines().size() + 6);
    }

    @Test
    void theFirstNumberOfANewEntryGoesIntoItsDeviceSubsection() throws Exception {
        PhonebookEntry e = PhonebookEntry.create("Modem", "modem:tcp:127.0.0.1:7002")
                .withPhoneNumbers(List.of(PhoneNumber.of("5551234")));
        assertThat(e.lines()).containsSubsequence("DEVICE=modem", "PhoneNumber=5551234", "Comment=", "LastSelectedPhone=0");
        assertThat(e.numbers()).containsExactly("5551234");
    }

    @Test
    void anEntryWithoutMediaGetsMediaAndDeviceForItsFirstNumber() throws Exception {
        PhonebookEntry bare = PhonebookEntry.read(Samples.parse("[Bare]\nType=1\nFoo=bar\n\n").sections().getFirst(), "t");
        PhonebookEntry e = bare.withPhoneNumbers(List.of(PhoneNumber.of("42")));
        assertThat(e.lines()).containsExactly("[Bare]", "Type=1", "Foo=bar", "", "MEDIA=jras", "", "DEVICE=jras",
                "PhoneNumber=42", "AreaCode=", "CountryCode=0", "CountryID=0", "UseDialingRules=0", "Comment=", "");
    }

    @Test
    void settingTheSameValuesReturnsTheSameEntry() throws Exception {
        PhonebookEntry e = sample("windows-vpn-and-modem-crlf.pbk").entry("Dial-up to Branch");
        assertThat(e.withRedial(3, 60)).isSameAs(e);
        assertThat(e.withPhoneNumbers(e.phoneNumbers())).isSameAs(e);
    }

    @Test
    void anIpAddressAndDnsServersAreWrittenAsWindowsDoes() throws Exception {
        PhonebookEntry e = PhonebookEntry.create("A", "tcp:h:1").withIpAddress("10.1.2.3").withDnsAddresses("10.0.0.53", null);
        assertThat(e.lines()).contains("IpAddress=10.1.2.3", "IpAssign=2", "IpDnsAddress=10.0.0.53", "IpDns2Address=0.0.0.0", "IpNameAssign=2");
        assertThat(e.staticIpAddress()).contains("10.1.2.3");
        PhonebookEntry back = e.withIpAddress(null).withDnsAddresses(null, null);
        assertThat(back.ipAssign()).isEqualTo(AddressSource.SERVER_ASSIGNED);
        assertThat(back.ipNameAssign()).isEqualTo(AddressSource.SERVER_ASSIGNED);
    }

    @Test
    void aGenericKeyCanBeSetAndRemoved() throws Exception {
        PhonebookEntry e = PhonebookEntry.create("A", "tcp:h:1").withValue("X-Note", "kept by jras");
        assertThat(e.value("x-note")).contains("kept by jras");
        assertThat(e.withoutValue("X-Note").value("X-Note")).isEmpty();
        assertThat(e.withoutValue("RedialAttempts").redialAttempts()).isEqualTo(PhonebookKeys.DEFAULT_REDIAL_ATTEMPTS);
    }

    @Test
    void badValuesAre87AndBadNumbers749() throws Exception {
        PhonebookEntry e = PhonebookEntry.create("A", "tcp:h:1");
        rasError(RasError.INVALID_PARAMETER, () -> e.withValue("RedialAttempts", "many"));
        rasError(RasError.INVALID_PARAMETER, () -> e.withValue("IpAssign", "7"));
        rasError(RasError.INVALID_PARAMETER, () -> e.withValue("JrasAuth", "kerberos"));
        rasError(RasError.INVALID_PARAMETER, () -> e.withValue("Comment", "line\r\nbreak"));
        rasError(RasError.INVALID_PARAMETER, () -> e.withValue("MEDIA", "serial"));
        rasError(RasError.INVALID_PARAMETER, () -> e.withValue("a=b", "c"));
        rasError(RasError.INVALID_PARAMETER, () -> e.withRedial(-1, 5));
        rasError(RasError.INVALID_PARAMETER, () -> e.withIpAddress("10.0.0.256"));
        rasError(RasError.INVALID_PARAMETER, () -> e.withDevice("no scheme"));
        rasError(RasError.INVALID_PARAMETER, () -> e.withDevice("tcp:h:1\nType=9"));
        rasError(RasError.INVALID_PARAMETER, () -> PhonebookEntry.create("B", ""));
        rasError(RasError.BAD_PHONE_NUMBER, () -> e.withPhoneNumbers(List.of(PhoneNumber.of(""))));
        rasError(RasError.BAD_PHONE_NUMBER, () -> e.withPhoneNumbers(List.of(PhoneNumber.of("1".repeat(129)))));
        rasError(RasError.BAD_PHONE_NUMBER, () -> e.withPhoneNumbers(List.of(PhoneNumber.of("12\n34"))));
    }

    @Test
    void removingJrasDeviceFallsBackToTheWindowsDevice() throws Exception {
        PhonebookEntry e = sample("windows-vpn-and-modem-crlf.pbk").entry("Dial-up to Branch");
        PhonebookEntry own = e.withDevice("modem:tcp:127.0.0.1:7002");
        assertThat(own.device()).contains("modem:tcp:127.0.0.1:7002");
        assertThat(own.withDevice(null).device()).contains("modem:serial:/dev/ttyS2@57600");
    }
}
