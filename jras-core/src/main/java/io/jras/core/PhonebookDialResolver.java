package io.jras.core;

import io.jras.core.credentials.CredentialStore;
import io.jras.core.credentials.StoredCredentials;
import io.jras.core.phonebook.Phonebook;
import io.jras.core.phonebook.PhonebookEntry;
import io.jras.core.phonebook.PhonebookLocation;
import io.jras.link.RasError;
import io.jras.link.RasException;
import io.jras.ppp.AuthProtocol;
import java.nio.file.Path;
import java.time.Duration;
import io.jras.net.Ipv4Prefix;
import io.jras.net.RouteSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a dial from a phonebook entry (read afresh for each dial, so edits take effect at once)
 * and its stored credentials, or from a device spec and number without an entry.
 *
 * <p>Entry keys beyond Windows' (see the phonebook's key table): {@code JrasMaxConnectSeconds}
 * (maximum connect time, 0 = none) and {@code JrasEchoInterval} / {@code JrasEchoFailure} (LCP
 * keepalive, 0 = off).
 */
public final class PhonebookDialResolver implements DialResolver {

    /** Makes the device for a device spec such as "tcp:HOST:PORT" or "modem:tcp:HOST:PORT". */
    @FunctionalInterface
    public interface DeviceFactory {
        Device forSpec(String spec) throws RasException;
    }

    private final DeviceFactory devices;
    private final CredentialStoreSource credentials;

    /** Where stored credentials come from (the per-user store by default). */
    @FunctionalInterface
    public interface CredentialStoreSource {
        CredentialStore open() throws RasException;
    }

    public PhonebookDialResolver(DeviceFactory devices, CredentialStoreSource credentials) {
        this.devices = devices;
        this.credentials = credentials;
    }

    /** jras-link's devices and the per-user credential store. */
    public static PhonebookDialResolver standard() {
        return new PhonebookDialResolver(LinkDevices::forSpec, CredentialStore::openUserDefault);
    }

    @Override
    public DialRequest resolve(String entryName, String phonebook, String phoneNumber, String device, String user,
                               String password, int owner, boolean allUsers) throws RasException {
        if (entryName == null || entryName.isEmpty()) {
            if (device == null || device.isEmpty()) {
                throw new RasException(RasError.INVALID_PARAMETER, "a dial without an entry needs a device");
            }
            List<String> numbers = phoneNumber == null ? List.of() : List.of(phoneNumber);
            return new DialRequest(null, null, devices.forSpec(device), numbers, user, password,
                    EnumSet.allOf(AuthProtocol.class), true, DialPolicy.DEFAULT, owner, allUsers);
        }
        Path path = PhonebookLocation.resolve(phonebook);
        PhonebookEntry e = Phonebook.load(path).entry(entryName);
        String spec = device != null && !device.isEmpty() ? device : e.device()
                .orElseThrow(() -> new RasException(RasError.DEVICE_DOES_NOT_EXIST,
                        "entry " + entryName + " names no device jras can use"));
        List<String> numbers = new ArrayList<>();
        if (phoneNumber != null && !phoneNumber.isEmpty()) {
            numbers.add(phoneNumber);
        } else {
            numbers.addAll(e.tryNextAlternateOnFail() ? e.numbers() : e.numbers().stream().limit(1).toList());
        }
        String u = user;
        String p = password;
        if (u == null || p == null) {
            Optional<StoredCredentials> stored = credentials.open().get(path, e.name());
            if (stored.isPresent()) {
                u = u == null ? stored.get().user() : u;
                p = p == null ? stored.get().password() : p;
            }
        }
        return new DialRequest(e.name(), path, devices.forSpec(spec), numbers, u, p, e.auth().protocols(), true,
                policy(e), owner, allUsers, routes(e));
    }

    /**
     * The host interface's routes: the default route when IpPrioritizeRemote=1 (Windows' "use default
     * gateway on remote network"), plus the prefixes of {@code JrasRoutes=10.0.0.0/8 192.168.7.0/24}.
     */
    static RouteSpec routes(PhonebookEntry e) throws RasException {
        List<Ipv4Prefix> prefixes = new ArrayList<>();
        String listed = e.value("JrasRoutes").orElse("").strip();
        for (String item : listed.isEmpty() ? new String[0] : listed.split("[,\\s]+")) {
            try {
                prefixes.add(Ipv4Prefix.parse(item));
            } catch (IllegalArgumentException ex) {
                throw new RasException(RasError.INVALID_PARAMETER, "entry " + e.name() + ": JrasRoutes: " + ex.getMessage());
            }
        }
        return new RouteSpec(e.remoteDefaultGateway(), prefixes);
    }

    private static DialPolicy policy(PhonebookEntry e) {
        int idle = e.idleDisconnectSeconds();
        return new DialPolicy(Math.max(0, e.redialAttempts()), Duration.ofSeconds(Math.max(1, e.redialSeconds())),
                e.redialOnLinkFailure(), Duration.ofSeconds(Math.max(0, idle)),
                Duration.ofSeconds(seconds(e, "JrasMaxConnectSeconds", 0)),
                Duration.ofSeconds(seconds(e, "JrasEchoInterval", 0)), Math.max(1, seconds(e, "JrasEchoFailure", 4)));
    }

    private static int seconds(PhonebookEntry e, String key, int dflt) {
        try {
            return e.value(key).map(String::trim).map(Integer::parseInt).orElse(dflt);
        } catch (NumberFormatException ex) {
            return dflt;
        }
    }
}
