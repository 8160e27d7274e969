package io.jras.ppp.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An authenticatee and an authenticator joined back to back under one {@link FakeClock}: packets
 * one side sends are handed to the other by {@link #deliver()}, timers fire in deadline order in
 * {@link #advance(Duration)}. Knobs drop the next packets in either direction.
 */
public final class AuthPair {
    public final FakeClock clock = new FakeClock();
    public final AuthSide authenticatee;
    public final RecordingOutput authenticateeOut;
    public final AuthSide authenticator;
    public final RecordingOutput authenticatorOut;
    private final Function<byte[], String> printer;
    private final List<String> trace = new ArrayList<>();
    private int dropFromAuthenticatee;
    private int dropFromAuthenticator;

    public AuthPair(AuthSide authenticatee, RecordingOutput authenticateeOut,
                    AuthSide authenticator, RecordingOutput authenticatorOut,
                    Function<byte[], String> printer) {
        this.authenticatee = authenticatee;
        this.authenticateeOut = authenticateeOut;
        this.authenticator = authenticator;
        this.authenticatorOut = authenticatorOut;
        this.printer = printer;
    }

    /** Both sides enter the Authenticate phase now; whatever they send is delivered. */
    public AuthPair start() {
        authenticator.start(clock.now());
        authenticatee.start(clock.now());
        deliver();
        return this;
    }

    public void dropNextFromAuthenticatee(int n) {
        dropFromAuthenticatee += n;
    }

    public void dropNextFromAuthenticator(int n) {
        dropFromAuthenticator += n;
    }

    /** Hands queued packets across, both ways, until none is left. */
    public void deliver() {
        boolean moved = true;
        while (moved) {
            moved = false;
            byte[] p;
            while ((p = authenticateeOut.pollSent()) != null) {
                moved = true;
                if (dropFromAuthenticatee > 0) {
                    dropFromAuthenticatee--;
                    trace.add("lost  ee->or " + printer.apply(p));
                } else {
                    trace.add("sent  ee->or " + printer.apply(p));
                    authenticator.receive(p, 0, p.length, clock.now());
                }
            }
            while ((p = authenticatorOut.pollSent()) != null) {
                moved = true;
                if (dropFromAuthenticator > 0) {
                    dropFromAuthenticator--;
                    trace.add("lost  or->ee " + printer.apply(p));
                } else {
                    trace.add("sent  or->ee " + printer.apply(p));
                    authenticatee.receive(p, 0, p.length, clock.now());
                }
            }
        }
    }

    /** Moves time forward by {@code d}, firing every deadline on the way and delivering after each. */
    public void advance(Duration d) {
        long target = clock.now() + d.toNanos();
        while (true) {
            long next = Math.min(authenticatee.nextDeadline(), authenticator.nextDeadline());
            if (next > target) {
                break;
            }
            clock.set(Math.max(next, clock.now()));
            if (authenticatee.nextDeadline() <= clock.now()) {
                authenticatee.onTimeout(clock.now());
            }
            if (authenticator.nextDeadline() <= clock.now()) {
                authenticator.onTimeout(clock.now());
            }
            deliver();
        }
        clock.set(target);
    }

    /** The packet trace, one line per packet, for assertion messages. */
    public String trace() {
        return String.join("\n", trace);
    }
}
