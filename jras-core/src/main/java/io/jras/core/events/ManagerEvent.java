package io.jras.core.events;

import io.jras.core.RasConnState;
import java.time.Instant;

/**
 * One event of the manager's stream, for all connections. {@code seq} increases by one per event
 * over the manager's lifetime, so a watcher that saw N resumes from N + 1 without losing one.
 *
 * @param kind   what happened: "state", "redial", "hangup", "removed", "statistics-cleared"
 * @param detail one line for people (never a secret)
 */
public record ManagerEvent(long seq, Instant at, long handle, String entryName, String kind,
                           RasConnState state, int error, String detail) {
}
