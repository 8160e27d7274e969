package io.jras.client;

/**
 * Hears the state changes of one dial: the handle, the state's RASCONNSTATE name and number, and the
 * RAS error (0 if none). Runs on a client thread; must not block and must not throw.
 */
@FunctionalInterface
public interface StateListener {

    StateListener NONE = (handle, state, stateCode, error) -> { };

    void onState(long handle, String state, int stateCode, int error);
}
