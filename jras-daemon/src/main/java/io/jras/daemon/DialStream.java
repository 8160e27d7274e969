package io.jras.daemon;

import io.jras.client.rpc.JsonRpc;
import io.jras.client.rpc.StateChange;
import io.jras.core.ConnectionListener;
import io.jras.core.RasConnState;
import java.util.ArrayList;
import java.util.List;

/**
 * Pushes the state changes of one dialed handle to the client that dialed it, as {@code state}
 * notifications. They are held until the dial's response has been queued, so the client always
 * learns its handle before the first state of it; after Disconnected, or once the client is gone,
 * nothing more is sent. Called on manager threads: it only queues, never blocks.
 */
final class DialStream implements ConnectionListener {

    private record State(long handle, RasConnState state, int error) {
    }

    private final ClientSession session;
    private List<State> held = new ArrayList<>();
    private boolean ended;

    DialStream(ClientSession session) {
        this.session = session;
    }

    @Override
    public synchronized void onStateChange(long handle, RasConnState state, int error) {
        if (ended) {
            return;
        }
        if (held != null) {
            held.add(new State(handle, state, error));
        } else {
            send(new State(handle, state, error));
        }
    }

    /** The dial's response is queued: what was held goes out, and everything after it directly. */
    synchronized void release() {
        List<State> out = held == null ? List.of() : held;
        held = null;
        for (State s : out) {
            send(s);
        }
    }

    /** The dial was refused after all: nothing is ever sent, nothing more is held. */
    synchronized void cancel() {
        ended = true;
        held = null;
    }

    private void send(State s) {
        if (ended) {
            return;
        }
        boolean sent = session.notify(JsonRpc.STATE,
                new StateChange(s.handle, s.state.rasName(), s.state.code(), s.error));
        ended = !sent || s.state == RasConnState.DISCONNECTED;
    }
}
