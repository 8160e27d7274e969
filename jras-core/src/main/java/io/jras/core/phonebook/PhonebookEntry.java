package io.jras.core.phonebook;

import io.jras.link.RasError;
import io.jras.link.RasException;
import io.jras.ppp.Ipv4;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One phonebook entry: immutable, a typed view over the entry's lines in the file. The lines are
 * the truth: a {@code with...} method edits them as a person would in an editor and reads the
 * result again, so keys jras does not know stay where they were, and an entry nobody changed is
 * written back unchanged. Keys and defaults: see the package documentation.
 *
 * <p>The {@code with...} methods refuse a bad value with RAS error 87 (749 for a phone number);
 * a value in the file that jras cannot read makes the entry unreadable with 625, naming the line.
 */
public final class PhonebookEntry {

    /** RAS_MaxPhoneNumber. */
    public static final int MAX_PHONE_NUMBER = 128;

    private static final Pattern DEVICE_SPEC = Pattern.compile("[a-z][a-z0-9+.-]*:\\S.*");

    private final PbkSection section;
    private final EntryValues values;

    private PhonebookEntry(PbkSection section, EntryValues values) {
        this.section = section;
        this.values = values;
    }

    /**
     * A new entry with jras's defaults, reaching its peer through {@code device} (a jras device
     * spec such as {@code tcp:127.0.0.1:7001}, {@code serial:/dev/ttyUSB0@115200},
     * {@code modem:tcp:HOST:PORT} or {@code exec:COMMAND}). Its type is phone for a modem device,
     * direct otherwise.
     *
     * @throws RasException 123 for an invalid name, 87 for an invalid device
     */
    public static PhonebookEntry create(String name, String device) throws RasException {
        EntryNames.validate(name);
        checkDevice(device);
        boolean modem = device.startsWith("modem:");
        List<PbkLine> body = new ArrayList<>();
        key(body, PhonebookKeys.ENCODING, "1");
        key(body, PhonebookKeys.TYPE, String.valueOf((modem ? EntryType.PHONE : EntryType.DIRECT).code()));
        key(body, PhonebookKeys.JRAS_DEVICE, device);
        key(body, PhonebookKeys.JRAS_AUTH, AuthPolicy.ANY.toString());
        key(body, PhonebookKeys.REDIAL_ATTEMPTS, String.valueOf(PhonebookKeys.DEFAULT_REDIAL_ATTEMPTS));
        key(body, PhonebookKeys.REDIAL_SECONDS, String.valueOf(PhonebookKeys.DEFAULT_REDIAL_SECONDS));
        key(body, PhonebookKeys.IDLE_DISCONNECT_SECONDS, String.valueOf(PhonebookKeys.DEFAULT_IDLE_DISCONNECT_SECONDS));
        key(body, PhonebookKeys.REDIAL_ON_LINK_FAILURE, "0");
        key(body, PhonebookKeys.IP_PRIORITIZE_REMOTE, "1");
        key(body, PhonebookKeys.IP_ADDRESS, PhonebookKeys.NO_ADDRESS);
        key(body, PhonebookKeys.IP_DNS_ADDRESS, PhonebookKeys.NO_ADDRESS);
        key(body, PhonebookKeys.IP_DNS2_ADDRESS, PhonebookKeys.NO_ADDRESS);
        key(body, PhonebookKeys.IP_ASSIGN, "1");
        key(body, PhonebookKeys.IP_NAME_ASSIGN, "1");
        blank(body);
        key(body, PhonebookKeys.MEDIA, PhonebookKeys.JRAS_MEDIA);
        blank(body);
        key(body, PhonebookKeys.DEVICE, modem ? "modem" : PhonebookKeys.JRAS_MEDIA);
        key(body, PhonebookKeys.LAST_SELECTED_PHONE, "0");
        key(body, PhonebookKeys.PROMOTE_ALTERNATES, "0");
        key(body, PhonebookKeys.TRY_NEXT_ALTERNATE_ON_FAIL, "1");
        blank(body);
        return of(new PbkSection(PbkLine.Header.of(name), body, 0), RasError.INVALID_PARAMETER, "");
    }

    /** Reads an entry from the file's lines; 625 naming the line for a value jras cannot read. */
    static PhonebookEntry read(PbkSection section, String source) throws RasException {
        return of(section, RasError.CORRUPT_PHONEBOOK, source);
    }

    private static PhonebookEntry of(PbkSection section, int error, String source) throws RasException {
        try {
            return new PhonebookEntry(section, EntryValues.read(section.body()));
        } catch (EntryValues.BadValue e) {
            int line = e.index < 0 ? 0 : section.lineNumber(e.index);
            String where = line > 0 ? source + ", line " + line + ": " : "";
            throw new RasException(error, where + "entry \"" + section.name() + "\": " + e.getMessage());
        }
    }

    PbkSection section() {
        return section;
    }

    public String name() {
        return section.name();
    }

    /** {@code Type=}: phone when absent. */
    public EntryType type() {
        return values.type();
    }

    /**
     * The jras device spec: {@code JrasDevice=}, or for a Windows entry without it the device
     * derived from the {@code MEDIA=} sub-section (see {@link #deviceDerived()}); empty when
     * neither gives one (a Windows VPN entry, say).
     */
    public Optional<String> device() {
        return values.device();
    }

    /** True when {@link #device()} comes from Windows' {@code Port=}, not from {@code JrasDevice=}. */
    public boolean deviceDerived() {
        return values.deviceDerived();
    }

    /** The primary number first, then the alternates, each with its comment. */
    public List<PhoneNumber> phoneNumbers() {
        return values.phoneNumbers();
    }

    /** Just the numbers, primary first: what a dial tries in order. */
    public List<String> numbers() {
        return values.phoneNumbers().stream().map(PhoneNumber::number).toList();
    }

    /** {@code TryNextAlternateOnFail=}: whether a failed number moves on to the next one. */
    public boolean tryNextAlternateOnFail() {
        return values.tryNextAlternateOnFail();
    }

    /** {@code JrasAuth=}, else what {@code AuthRestrictions=} allows, else any. */
    public AuthPolicy auth() {
        return values.auth();
    }

    public int redialAttempts() {
        return values.redialAttempts();
    }

    public int redialSeconds() {
        return values.redialSeconds();
    }

    /**
     * {@code IdleDisconnectSeconds=}: 0 and -1 (Windows' "use the global value" and "disabled";
     * jras has no global value) both mean never.
     */
    public int idleDisconnectSeconds() {
        return values.idleDisconnectSeconds();
    }

    public boolean redialOnLinkFailure() {
        return values.redialOnLinkFailure();
    }

    public AddressSource ipAssign() {
        return values.ipAssign();
    }

    /** {@code IpAddress=} as a dotted quad; 0.0.0.0 when absent. */
    public String ipAddress() {
        return values.ipAddress();
    }

    /** The address to request for ourselves: {@code IpAddress=} when {@code IpAssign=2}. */
    public Optional<String> staticIpAddress() {
        return values.ipAssign() == AddressSource.REQUIRE_SPECIFIC && !values.ipAddress().equals(PhonebookKeys.NO_ADDRESS)
                ? Optional.of(values.ipAddress()) : Optional.empty();
    }

    public AddressSource ipNameAssign() {
        return values.ipNameAssign();
    }

    public String dnsAddress() {
        return values.dnsAddress();
    }

    public String dns2Address() {
        return values.dns2Address();
    }

    /** {@code IpPrioritizeRemote=}: route everything through the link (Windows' default gateway box). */
    public boolean remoteDefaultGateway() {
        return values.remoteDefaultGateway();
    }

    /** The value of any of the entry's own keys (those before {@code MEDIA=}), as written. */
    public Optional<String> value(String key) {
        return SectionLayout.of(section.body()).top(key);
    }

    /**
     * The value of a key in the first link's first sub-section of a kind: {@code value("MEDIA",
     * "Port")}, {@code value("DEVICE", "LastSelectedPhone")}.
     */
    public Optional<String> value(String subsection, String key) {
        SectionLayout layout = SectionLayout.of(section.body());
        return layout.subsections().stream()
                .filter(s -> s.is(subsection))
                .findFirst()
                .flatMap(s -> layout.value(s, key));
    }

    /** The entry's lines as in the file, header first, without line breaks. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(section.header().text());
        section.body().forEach(l -> out.add(l.text()));
        return out;
    }

    public PhonebookEntry withType(EntryType type) throws RasException {
        return edit(e -> e.setTop(PhonebookKeys.TYPE, String.valueOf(type.code())));
    }

    /** Sets {@code JrasDevice=}; null removes it (the device is then derived again, if it can be). */
    public PhonebookEntry withDevice(String device) throws RasException {
        if (device == null) {
            return edit(e -> e.removeTop(PhonebookKeys.JRAS_DEVICE));
        }
        checkDevice(device);
        return edit(e -> e.setTop(PhonebookKeys.JRAS_DEVICE, device));
    }

    /**
     * Sets the numbers, primary first.
     *
     * @throws RasException 749 for an empty number, one longer than {@value #MAX_PHONE_NUMBER}
     *                      characters or with control characters; 87 for a bad comment
     */
    public PhonebookEntry withPhoneNumbers(List<PhoneNumber> numbers) throws RasException {
        for (PhoneNumber n : numbers) {
            String v = n.number();
            if (v.isBlank() || !v.equals(v.strip()) || v.length() > MAX_PHONE_NUMBER || hasControl(v)) {
                throw new RasException(RasError.BAD_PHONE_NUMBER,
                        "a number is 1 to " + MAX_PHONE_NUMBER + " characters, no leading or trailing spaces");
            }
            checkText("a phone number's comment", n.comment());
        }
        if (numbers.equals(phoneNumbers())) {
            return this;
        }
        String kind = device().filter(d -> d.startsWith("modem:")).isPresent() ? "modem" : PhonebookKeys.JRAS_MEDIA;
        return edit(e -> e.setPhoneNumbers(List.copyOf(numbers), kind));
    }

    public PhonebookEntry withAuth(AuthPolicy auth) throws RasException {
        return edit(e -> e.setTop(PhonebookKeys.JRAS_AUTH, auth.toString()));
    }

    public PhonebookEntry withRedial(int attempts, int seconds) throws RasException {
        if (attempts < 0 || seconds < 0) {
            throw new RasException(RasError.INVALID_PARAMETER, "redial attempts and seconds must not be negative");
        }
        return edit(e -> {
            e.setTop(PhonebookKeys.REDIAL_ATTEMPTS, String.valueOf(attempts));
            e.setTop(PhonebookKeys.REDIAL_SECONDS, String.valueOf(seconds));
        });
    }

    /** 0 (or -1) = never. */
    public PhonebookEntry withIdleDisconnectSeconds(int seconds) throws RasException {
        if (seconds < -1) {
            throw new RasException(RasError.INVALID_PARAMETER, "idle disconnect seconds must be -1 or more");
        }
        return edit(e -> e.setTop(PhonebookKeys.IDLE_DISCONNECT_SECONDS, String.valueOf(seconds)));
    }

    public PhonebookEntry withRedialOnLinkFailure(boolean on) throws RasException {
        return edit(e -> e.setTop(PhonebookKeys.REDIAL_ON_LINK_FAILURE, on ? "1" : "0"));
    }

    /** A fixed address for ourselves ({@code IpAssign=2}); null = server assigned ({@code IpAssign=1}). */
    public PhonebookEntry withIpAddress(String address) throws RasException {
        String a = address == null ? PhonebookKeys.NO_ADDRESS : ipv4(address);
        AddressSource s = address == null ? AddressSource.SERVER_ASSIGNED : AddressSource.REQUIRE_SPECIFIC;
        return edit(e -> {
            e.setTop(PhonebookKeys.IP_ADDRESS, a);
            e.setTop(PhonebookKeys.IP_ASSIGN, String.valueOf(s.code()));
        });
    }

    /**
     * Fixed DNS servers ({@code IpNameAssign=2}; {@code secondary} may be null); both null =
     * server assigned ({@code IpNameAssign=1}).
     */
    public PhonebookEntry withDnsAddresses(String primary, String secondary) throws RasException {
        if (primary == null && secondary != null) {
            throw new RasException(RasError.INVALID_PARAMETER, "a secondary DNS server needs a primary one");
        }
        String p = primary == null ? PhonebookKeys.NO_ADDRESS : ipv4(primary);
        String s = secondary == null ? PhonebookKeys.NO_ADDRESS : ipv4(secondary);
        AddressSource src = primary == null ? AddressSource.SERVER_ASSIGNED : AddressSource.REQUIRE_SPECIFIC;
        return edit(e -> {
            e.setTop(PhonebookKeys.IP_DNS_ADDRESS, p);
            e.setTop(PhonebookKeys.IP_DNS2_ADDRESS, s);
            e.setTop(PhonebookKeys.IP_NAME_ASSIGN, String.valueOf(src.code()));
        });
    }

    public PhonebookEntry withRemoteDefaultGateway(boolean on) throws RasException {
        return edit(e -> e.setTop(PhonebookKeys.IP_PRIORITIZE_REMOTE, on ? "1" : "0"));
    }

    /**
     * Sets any of the entry's own keys. A key jras reads must get a value jras can read (87
     * otherwise); sub-section markers ({@code MEDIA}, {@code DEVICE}, {@code NETCOMPONENTS}) cannot
     * be set this way.
     */
    public PhonebookEntry withValue(String key, String value) throws RasException {
        checkKey(key);
        checkText("the value of " + key, value);
        return edit(e -> e.setTop(key, value));
    }

    /** Removes one of the entry's own keys; the default then applies. */
    public PhonebookEntry withoutValue(String key) throws RasException {
        checkKey(key);
        return edit(e -> e.removeTop(key));
    }

    /** The same entry under another name; the name is not checked here. */
    PhonebookEntry withName(String name) {
        PbkLine.Header h = PbkLine.Header.of(name).withEnd(section.header().end());
        return new PhonebookEntry(section.withHeader(h), values);
    }

    /** The same entry with every line taking the line endings of the file it goes into. */
    PhonebookEntry forAnotherFile() {
        List<PbkLine> body = section.body().stream().map(l -> l.withEnd(LineEnd.FILE_STYLE)).toList();
        PbkSection s = new PbkSection(section.header().withEnd(LineEnd.FILE_STYLE), body, 0);
        return new PhonebookEntry(s, values);
    }

    private interface Change {
        void apply(SectionEditor editor);
    }

    private PhonebookEntry edit(Change change) throws RasException {
        SectionEditor editor = new SectionEditor(section.body());
        change.apply(editor);
        if (!editor.changed()) {
            return this;
        }
        return of(section.withBody(editor.lines()), RasError.INVALID_PARAMETER, "");
    }

    private static void checkDevice(String device) throws RasException {
        if (device == null || !DEVICE_SPEC.matcher(device).matches() || hasControl(device) || !device.equals(device.strip())) {
            throw new RasException(RasError.INVALID_PARAMETER,
                    "a device is TYPE:ADDRESS, e.g. tcp:127.0.0.1:7001, serial:/dev/ttyUSB0@115200, modem:tcp:HOST:PORT, exec:COMMAND");
        }
    }

    private static void checkKey(String key) throws RasException {
        if (key == null || key.isBlank() || !key.equals(key.strip()) || key.indexOf('=') >= 0 || hasControl(key)
                || key.startsWith("[") || key.startsWith(";") || key.startsWith("#") || SectionLayout.isMarker(key)) {
            throw new RasException(RasError.INVALID_PARAMETER, "not a key an entry can have set: " + PbkParser.printable(String.valueOf(key)));
        }
    }

    private static void checkText(String what, String text) throws RasException {
        if (text == null || hasControl(text)) {
            throw new RasException(RasError.INVALID_PARAMETER, what + " must be text without control characters");
        }
    }

    private static String ipv4(String address) throws RasException {
        try {
            return Ipv4.format(Ipv4.parse(address));
        } catch (IllegalArgumentException e) {
            throw new RasException(RasError.INVALID_PARAMETER, "not an IPv4 address a.b.c.d: " + PbkParser.printable(address));
        }
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }

    private static void key(List<PbkLine> body, String key, String value) {
        body.add(PbkLine.KeyValue.of(key, value));
    }

    private static void blank(List<PbkLine> body) {
        body.add(new PbkLine.Blank("", LineEnd.FILE_STYLE));
    }

    /** Two entries are equal when their lines are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PhonebookEntry e && lines().equals(e.lines());
    }

    @Override
    public int hashCode() {
        return Objects.hash(lines());
    }

    @Override
    public String toString() {
        return "PhonebookEntry[" + name() + ", device=" + device().orElse("none") + ", numbers=" + numbers()
                + ", auth=" + auth() + "]";
    }
}
