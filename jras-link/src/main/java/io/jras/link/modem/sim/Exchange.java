package io.jras.link.modem.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The telephone exchange between emulated modems. Each subscriber number is one line, with at
 * most one DTE (one TCP connection) attached to its modem at a time. Placing a call to a number:
 * <ul>
 *   <li>the called modem is free (on hook, not dialing, no call, not ringing): it rings;</li>
 *   <li>it is off hook, dialing, ringing or in a call (held ones too), or it is the caller: BUSY;</li>
 *   <li>no DTE is attached: the line rings with nobody to answer, and the caller hears NO ANSWER
 *       after its S7.</li>
 * </ul>
 * The exchange holds no call state of its own: a ringing call is an {@link IncomingCall}, a
 * connected one is a pair of in-memory ends owned by the two modems.
 */
final class Exchange {

    /** What placing a call came to. */
    sealed interface Placed {
        /** The line is busy: the caller hears BUSY. */
        record Busy(String why) implements Placed {
        }

        /** The line rings (maybe with nobody there). */
        record Ringing(IncomingCall call, boolean attended) implements Placed {
        }
    }

    private final Map<String, EmulatedModem> attached = new LinkedHashMap<>();
    private final Set<String> numbers;

    /** @param numbers the subscriber numbers, normalized */
    Exchange(Set<String> numbers) {
        this.numbers = Collections.unmodifiableSet(Set.copyOf(numbers));
    }

    Set<String> numbers() {
        return numbers;
    }

    boolean isSubscriber(String number) {
        return numbers.contains(number);
    }

    /** Attaches a DTE's modem to {@code number}; false when another one is attached already. */
    synchronized boolean attach(String number, EmulatedModem modem) {
        requireSubscriber(number);
        return attached.putIfAbsent(number, Objects.requireNonNull(modem, "modem")) == null;
    }

    /** The modem leaves its line (its DTE went away). */
    synchronized void detach(String number, EmulatedModem modem) {
        attached.remove(number, modem);
    }

    /** Places a call from {@code caller} to the subscriber {@code number}. */
    Placed place(String number, EmulatedModem caller) {
        requireSubscriber(number);
        EmulatedModem callee;
        synchronized (this) {
            callee = attached.get(number);
        }
        IncomingCall call = new IncomingCall(number);
        if (callee == null) {
            return new Placed.Ringing(call, false);
        }
        if (callee == caller) {
            return new Placed.Busy("the caller's own line");
        }
        // Outside the exchange's lock: the callee takes its own lock to decide.
        return callee.offer(call) ? new Placed.Ringing(call, true) : new Placed.Busy("line " + number + " is busy");
    }

    private void requireSubscriber(String number) {
        if (!numbers.contains(number)) {
            throw new IllegalArgumentException("not a subscriber line: " + number);
        }
    }
}
