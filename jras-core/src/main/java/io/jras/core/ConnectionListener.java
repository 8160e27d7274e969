package io.jras.core;

/**
 * Notified of each state change of one connection, as RasDial's notifier is: the handle, the new
 * state and the RAS error (0 if none). Called on a manager thread, in order, never before
 * {@code dial} has returned the handle; must not block and must not throw.
 */
@FunctionalInterface
public interface ConnectionListener {

    ConnectionListener NONE = (handle, state, error) -> { };

    void onStateChange(long handle, RasConnState state, int error);
}
