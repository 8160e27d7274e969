package io.jras.link.modem;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How to dial: what the dialer is told, kept apart from what it counts while dialing.
 *
 * @param initCommands sent in order before dialing, each must be answered OK (default ATZ, ATE0V1)
 * @param dialPrefix put before the number: ATDT (tone, the default) or ATDP (pulse)
 * @param phoneNumbers the primary number, then the alternates; tried in order while a number
 *     fails with BUSY, NO ANSWER, NO CARRIER, NO DIALTONE (or DELAYED, BLACKLISTED, or no result)
 * @param stepTimeout how long an init command may go unanswered (45 s)
 * @param dialTimeout how long a dial may take to give a result (45 s)
 * @param guardTime the silence around the {@code +++} escape when hanging up (1 s)
 */
public record ModemConfig(List<String> initCommands, String dialPrefix, List<String> phoneNumbers,
        Duration stepTimeout, Duration dialTimeout, Duration guardTime) {

    public static final List<String> DEFAULT_INIT = List.of("ATZ", "ATE0V1");
    public static final String TONE = "ATDT";
    public static final String PULSE = "ATDP";
    public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofSeconds(45);
    public static final Duration DEFAULT_GUARD_TIME = Duration.ofSeconds(1);

    public ModemConfig {
        initCommands = List.copyOf(initCommands);
        phoneNumbers = List.copyOf(phoneNumbers);
        for (String command : initCommands) {
            requireCommandLine(command, "init command");
        }
        requireCommandLine(dialPrefix, "dial prefix");
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        Objects.requireNonNull(dialTimeout, "dialTimeout");
        Objects.requireNonNull(guardTime, "guardTime");
        if (stepTimeout.isNegative() || stepTimeout.isZero() || dialTimeout.isNegative() || dialTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (guardTime.isNegative()) {
            throw new IllegalArgumentException("the guard time cannot be negative");
        }
    }

    /** The defaults, dialing {@code numbers} (primary first). */
    public static ModemConfig dialing(String... numbers) {
        return new ModemConfig(DEFAULT_INIT, TONE, List.of(numbers), DEFAULT_STEP_TIMEOUT, DEFAULT_STEP_TIMEOUT,
                DEFAULT_GUARD_TIME);
    }

    public ModemConfig withInitCommands(String... commands) {
        return new ModemConfig(List.of(commands), dialPrefix, phoneNumbers, stepTimeout, dialTimeout, guardTime);
    }

    public ModemConfig withDialPrefix(String prefix) {
        return new ModemConfig(initCommands, prefix, phoneNumbers, stepTimeout, dialTimeout, guardTime);
    }

    public ModemConfig withPhoneNumbers(List<String> numbers) {
        return new ModemConfig(initCommands, dialPrefix, numbers, stepTimeout, dialTimeout, guardTime);
    }

    public ModemConfig withStepTimeout(Duration timeout) {
        return new ModemConfig(initCommands, dialPrefix, phoneNumbers, timeout, dialTimeout, guardTime);
    }

    public ModemConfig withDialTimeout(Duration timeout) {
        return new ModemConfig(initCommands, dialPrefix, phoneNumbers, stepTimeout, timeout, guardTime);
    }

    public ModemConfig withGuardTime(Duration guard) {
        return new ModemConfig(initCommands, dialPrefix, phoneNumbers, stepTimeout, dialTimeout, guard);
    }

    private static void requireCommandLine(String command, String what) {
        Objects.requireNonNull(command, what);
        if (!command.toUpperCase(Locale.ROOT).startsWith("AT")) {
            throw new IllegalArgumentException(what + " must start with AT: '" + command + "'");
        }
        if (command.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException(what + " must be printable ASCII without a line end: '" + command.strip() + "'");
        }
    }
}
