package io.jras.daemon;

import java.util.ArrayList;
import java.util.List;

/**
 * One request being served: who asks, on which session, with which params; and what must happen
 * only once its response is queued (a dial's first state, a watch's first event).
 */
final class Call {

    final ClientSession session;
    final Caller caller;
    final Params params;
    private final List<Runnable> afterReply = new ArrayList<>();

    Call(ClientSession session, Params params) {
        this.session = session;
        this.caller = session.caller();
        this.params = params;
    }

    void afterReply(Runnable r) {
        afterReply.add(r);
    }

    void replied() {
        for (Runnable r : afterReply) {
            r.run();
        }
    }
}
