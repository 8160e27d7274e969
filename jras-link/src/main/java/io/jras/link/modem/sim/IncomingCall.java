package io.jras.link.modem.sim;

import io.jras.link.MemoryTransport;
import io.jras.link.Transport;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A call from one emulated modem to another while it rings: RINGING until the called line answers
 * (ATA, or S0 auto-answer) or the caller gives up (NO ANSWER after S7, a character from its DTE,
 * its line closing). Only one of the two can happen; whoever comes second learns it from the
 * return value. On answer the exchange joins the two lines with an in-memory pair: each modem
 * treats its end as the far end of its call, so hanging up on one side (ATH, the line closing)
 * ends the other's relay with NO CARRIER, as a telephone line does.
 */
final class IncomingCall {

    enum State { RINGING, ANSWERED, ABANDONED }

    private final String number;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private State state = State.RINGING;
    private Transport callerEnd;

    /** @param number the called number, as the exchange knows it */
    IncomingCall(String number) {
        this.number = number;
    }

    String number() {
        return number;
    }

    /**
     * The called line picks up.
     *
     * @return its end of the connected line, or null when the caller has already given up
     */
    Transport answer() {
        lock.lock();
        try {
            if (state != State.RINGING) {
                return null;
            }
            MemoryTransport.Pair pair = MemoryTransport.pair("call-" + number);
            callerEnd = pair.near();
            state = State.ANSWERED;
            changed.signalAll();
            return pair.far();
        } finally {
            lock.unlock();
        }
    }

    /** The caller gives up; false when the call was answered first (then see {@link #callerEnd()}). */
    boolean abandon() {
        lock.lock();
        try {
            if (state != State.RINGING) {
                return state == State.ABANDONED;
            }
            state = State.ABANDONED;
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    boolean ringing() {
        return state() == State.RINGING;
    }

    State state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    /** The caller's end once answered, else null. */
    Transport callerEnd() {
        lock.lock();
        try {
            return callerEnd;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the state leaves RINGING or {@code timeout} passes; the state then. */
    State awaitChange(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long left = timeout.toNanos();
            while (state == State.RINGING && left > 0) {
                left = changed.awaitNanos(left);
            }
            return state;
        } finally {
            lock.unlock();
        }
    }
}
