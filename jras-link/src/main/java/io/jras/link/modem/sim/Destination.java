package io.jras.link.modem.sim;

import io.jras.link.DeviceSpec;
import java.util.Locale;
import java.util.Objects;

/** What dialing a number reaches in the emulator: a TCP endpoint, or a result such as BUSY. */
public sealed interface Destination {

    /** The call connects to {@code target}, and the line relays bytes to it. */
    record Remote(DeviceSpec.Tcp target) implements Destination {
        public Remote {
            Objects.requireNonNull(target, "target");
        }

        @Override
        public String toString() {
            return target.toString();
        }
    }

    /** The call fails with {@code result} (BUSY, NO CARRIER, NO ANSWER, NO DIALTONE or VOICE). */
    record Refusal(String result) implements Destination {
        public Refusal {
            if (!RESULTS.contains(result)) {
                throw new IllegalArgumentException("a refusal is one of " + RESULTS + ", not '" + result + "'");
            }
        }

        @Override
        public String toString() {
            return result;
        }
    }

    java.util.List<String> RESULTS = java.util.List.of("BUSY", "NO CARRIER", "NO ANSWER", "NO DIALTONE", "VOICE");

    /** {@code tcp:HOST:PORT}, or one of the results (any case; NO DIAL TONE is NO DIALTONE). */
    static Destination parse(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT).replace("NO DIAL TONE", "NO DIALTONE");
        if (RESULTS.contains(upper)) {
            return new Refusal(upper);
        }
        if (text.strip().startsWith("tcp:")) {
            return new Remote((DeviceSpec.Tcp) DeviceSpec.parse(text.strip()));
        }
        throw new IllegalArgumentException("a number maps to tcp:HOST:PORT or to one of " + RESULTS + ", not '" + text + "'");
    }
}
