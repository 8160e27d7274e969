package io.jras.core.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The manager's event stream: a bounded history (the last {@code capacity} events) plus live
 * subscribers. A subscriber that asks for events since a sequence number gets the history from
 * there, then everything new, in order; if its start fell out of the history, it learns the first
 * sequence number still available (the gap) instead of silently missing events.
 */
public final class EventLog {

    /** A live subscription; close it to stop. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final int capacity;
    private final ArrayDeque<ManagerEvent> history = new ArrayDeque<>();
    private final List<Consumer<ManagerEvent>> subscribers = new CopyOnWriteArrayList<>();
    private long nextSeq = 1;

    public EventLog(int capacity) {
        this.capacity = capacity;
    }

    /** Appends an event with the next sequence number and hands it to every subscriber. */
    public synchronized ManagerEvent append(java.time.Instant at, long handle, String entry, String kind,
                                            io.jras.core.RasConnState state, int error, String detail) {
        ManagerEvent e = new ManagerEvent(nextSeq++, at, handle, entry, kind, state, error, detail);
        history.addLast(e);
        if (history.size() > capacity) {
            history.removeFirst();
        }
        for (Consumer<ManagerEvent> s : subscribers) {
            try {
                s.accept(e);
            } catch (RuntimeException ignored) {
                // A broken subscriber must not stop the others or the manager.
            }
        }
        return e;
    }

    /** The sequence number the next event will get. */
    public synchronized long nextSeq() {
        return nextSeq;
    }

    /** The oldest sequence number still in the history (nextSeq() when it is empty). */
    public synchronized long firstAvailable() {
        return history.isEmpty() ? nextSeq : history.peekFirst().seq();
    }

    /** Events with seq >= since, from the history. */
    public synchronized List<ManagerEvent> since(long since) {
        List<ManagerEvent> out = new ArrayList<>();
        for (ManagerEvent e : history) {
            if (e.seq() >= since) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Replays the history from {@code since}, then delivers every new event, with no gap and no
     * duplicate between the two (both happen under the log's lock).
     */
    public synchronized Subscription subscribe(long since, Consumer<ManagerEvent> subscriber) {
        for (ManagerEvent e : since(since)) {
            subscriber.accept(e);
        }
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }
}
