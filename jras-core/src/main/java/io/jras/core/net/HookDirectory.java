package io.jras.core.net;

import io.jras.core.phonebook.PhonebookEntry;
import io.jras.link.RasError;
import io.jras.link.RasException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the hook scripts are: {@code ip-up}, {@code ip-down}, {@code ipv6-up} and
 * {@code ipv6-down} in one directory. jras does not run pppd's /etc/ppp scripts unless told to:
 * they were written for pppd (Debian's call run-parts on /etc/ppp/ip-up.d, where other packages
 * drop scripts that assume pppd's files), and jras's links are not pppd's.
 *
 * <ul>
 * <li>an explicit directory (the daemon's {@code --hook-dir}, or the environment variable
 *     {@value #ENV}) wins; {@code ppp} there means {@link #PPP}, /etc/ppp;</li>
 * <li>else the system service uses {@link #SYSTEM}, /etc/jras;</li>
 * <li>else the per-user {@code $XDG_CONFIG_HOME/jras} (~/.config/jras).</li>
 * </ul>
 * An entry may name its own directory with the jras key {@code JrasHookDir=}; it replaces the
 * default for that entry's connections (Windows ignores the key).
 */
public final class HookDirectory {

    public static final String ENV = "JRAS_HOOK_DIR";
    /** The system service's directory, beside the system phonebook. */
    public static final Path SYSTEM = Path.of("/etc/jras");
    /** pppd's directory, used only when asked for. */
    public static final Path PPP = Path.of("/etc/ppp");
    /** The phonebook key of an entry's own hook directory. */
    public static final String ENTRY_KEY = "JrasHookDir";

    private HookDirectory() {
    }

    /** The directory: {@code option} (null or blank when not given), else the environment, else the default. */
    public static Path resolve(String option, boolean system) {
        return resolve(option, system, System.getenv(), System.getProperty("user.home"));
    }

    static Path resolve(String option, boolean system, Map<String, String> env, String home) {
        String explicit = option != null && !option.isBlank() ? option : env.get(ENV);
        if (explicit != null && !explicit.isBlank()) {
            return explicit.strip().equals("ppp") ? PPP : Path.of(explicit.strip()).toAbsolutePath().normalize();
        }
        if (system) {
            return SYSTEM;
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".config");
        return base.resolve("jras").normalize();
    }

    /**
     * The directory for one entry's connections: its {@code JrasHookDir=} when set (an absolute
     * path, or {@code ppp} for /etc/ppp), else {@code dflt}.
     *
     * @throws RasException 625 when the key holds something else
     */
    public static Path forEntry(PhonebookEntry entry, Path dflt) throws RasException {
        if (entry == null) {
            return dflt;
        }
        String v = entry.value(ENTRY_KEY).map(String::strip).orElse("");
        if (v.isEmpty()) {
            return dflt;
        }
        if (v.equals("ppp")) {
            return PPP;
        }
        try {
            Path p = Path.of(v);
            if (p.isAbsolute()) {
                return p.normalize();
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        throw new RasException(RasError.CORRUPT_PHONEBOOK,
                "entry \"" + entry.name() + "\": " + ENTRY_KEY + "= is neither an absolute directory nor ppp");
    }
}
