package io.jras.core.phonebook;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the phonebook is: the {@code --phonebook} option, else the environment variable
 * {@value #ENV}, else the per-user file {@code $XDG_CONFIG_HOME/jras/rasphone.pbk}
 * ({@code ~/.config/jras/rasphone.pbk} when XDG_CONFIG_HOME is unset, empty or relative, as the
 * XDG Base Directory specification says). The system phonebook, for connections of all users and
 * the system service, is {@link #SYSTEM}.
 */
public final class PhonebookLocation {

    public static final String ENV = "JRAS_PHONEBOOK";
    public static final String FILE_NAME = "rasphone.pbk";
    /** The system phonebook (Windows' "all users" phonebook). */
    public static final Path SYSTEM = Path.of("/etc/jras", FILE_NAME);

    private PhonebookLocation() {
    }

    /** The phonebook to use: {@code cliOption} (null or blank when not given), else the environment, else the user's. */
    public static Path resolve(String cliOption) {
        return resolve(cliOption, false);
    }

    /**
     * As {@link #resolve(String)}, but with {@code system} the system phonebook replaces the
     * environment and the user's default (an explicit {@code --phonebook} still wins).
     */
    public static Path resolve(String cliOption, boolean system) {
        return resolve(cliOption, system, System.getenv(), System.getProperty("user.home"));
    }

    static Path resolve(String cliOption, boolean system, Map<String, String> env, String home) {
        if (cliOption != null && !cliOption.isBlank()) {
            return Path.of(cliOption).toAbsolutePath().normalize();
        }
        if (system) {
            return SYSTEM;
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        return configDirectory(env, home).resolve(FILE_NAME);
    }

    /** The per-user phonebook, {@code $XDG_CONFIG_HOME/jras/rasphone.pbk}. */
    public static Path userDefault() {
        return configDirectory().resolve(FILE_NAME);
    }

    /** jras's per-user configuration directory, {@code $XDG_CONFIG_HOME/jras}. */
    public static Path configDirectory() {
        return configDirectory(System.getenv(), System.getProperty("user.home"));
    }

    static Path configDirectory(Map<String, String> env, String home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(home, ".config");
        return base.resolve("jras").normalize();
    }
}
