package io.jras.daemon;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code awaitInvalid} without blocking anyone: each wait is a future that completes true when the
 * handle's teardown ends, or false at its timeout. One hook per handle on the manager's completion,
 * however many waits come and go (a hook per wait would pile up on a long-lived connection, since a
 * timed-out dependent stays attached until the connection ends).
 */
final class InvalidWaiters {

    private final Map<Long, Set<CompletableFuture<Boolean>>> waiting = new ConcurrentHashMap<>();

    CompletableFuture<Boolean> await(long handle, CompletableFuture<Void> gone, long timeoutMillis) {
        CompletableFuture<Boolean> w = new CompletableFuture<>();
        boolean[] first = new boolean[1];
        waiting.compute(handle, (h, set) -> {
            if (set == null) {
                set = ConcurrentHashMap.newKeySet();
                first[0] = true;
            }
            set.add(w);
            return set;
        });
        if (first[0]) {
            gone.whenComplete((v, t) -> {
                Set<CompletableFuture<Boolean>> set = waiting.remove(handle);
                if (set != null) {
                    set.forEach(f -> f.complete(true));
                }
            });
        }
        w.completeOnTimeout(false, timeoutMillis, TimeUnit.MILLISECONDS);
        w.whenComplete((v, t) -> waiting.computeIfPresent(handle, (h, set) -> {
            set.remove(w);
            return set; // kept even if empty: the hook on gone is still there and removes it
        }));
        return w;
    }
}
