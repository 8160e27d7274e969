package io.jras.link.modem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Drives a {@link HayesDialer} by hand: lines in, time advanced, commands and events taken out. */
final class DialerDriver {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final HayesDialer dialer;
    final ModemConfig config;
    Instant now = T0;

    DialerDriver(ModemConfig config) {
        this.config = config;
        dialer = new HayesDialer(config);
    }

    DialerDriver start() {
        dialer.start(now);
        return this;
    }

    /** What the dialer wrote since the last call, as the texts (the writer would add the CR). */
    List<String> sent() {
        List<String> out = new ArrayList<>();
        for (var c = dialer.pollCommand(); c.isPresent(); c = dialer.pollCommand()) {
            out.add(c.get().text());
        }
        return out;
    }

    List<String> events() {
        List<String> out = new ArrayList<>();
        for (var e = dialer.pollEvent(); e.isPresent(); e = dialer.pollEvent()) {
            out.add(e.get().toString());
        }
        return out;
    }

    DialerDriver modemSays(String... lines) {
        for (String line : lines) {
            dialer.onLine(line, now);
        }
        return this;
    }

    /** Moves the clock on and tells the dialer the time. */
    DialerDriver advance(Duration d) {
        now = now.plus(d);
        dialer.onTimeout(now);
        return this;
    }

    /** Takes each init command and answers it OK; the dial command is left to take. */
    DialerDriver initialized() {
        for (int i = 0; i < config.initCommands().size(); i++) {
            sent();
            modemSays("OK");
        }
        return this;
    }

    DialOutcome outcome() {
        return dialer.outcome().orElseThrow(() -> new AssertionError("no outcome yet; state " + dialer.state()));
    }
}
