package io.jras.daemon;

import io.jras.core.ConnectionInfo;
import io.jras.core.ConnectionManager;
import io.jras.core.Handles;
import io.jras.link.RasError;
import io.jras.link.RasException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may see and control which connection: root sees all; a user sees the connections they dialed
 * and those dialed "for all users". For anyone else a handle behaves exactly as an invalid one
 * (error 6, the same text and detail), so its existence does not leak.
 *
 * <p>Owners are recorded at dial time and kept while the manager may still answer for the handle
 * (live, or as a tombstone): tombstones and events carry no owner of their own.
 */
final class Access {

    private record Owner(int uid, boolean allUsers) {
    }

    private static final Owner UNKNOWN = new Owner(Integer.MIN_VALUE, false);

    private final ConnectionManager manager;
    private final Map<Long, Owner> owners = new ConcurrentHashMap<>();
    private final int keep;

    Access(ConnectionManager manager) {
        this.manager = manager;
        this.keep = manager.config().tombstoneCapacity() + 256;
    }

    /** Records who dialed {@code handle}; a shared dial keeps the first owner. */
    void dialed(long handle, int uid, boolean allUsers) {
        owners.putIfAbsent(handle, new Owner(uid, allUsers));
        if (owners.size() > keep) {
            forgetEnded();
        }
    }

    boolean mayUse(Caller c, ConnectionInfo info) {
        return c.isRoot() || info.allUsers() || info.owner() == c.uid();
    }

    boolean mayUse(Caller c, long handle) {
        if (c.isRoot()) {
            return true;
        }
        Owner o = owner(handle);
        return o.allUsers || o.uid == c.uid();
    }

    /** Throws error 6, as for an invalid handle, unless the caller may use {@code handle}. */
    void require(Caller c, long handle) throws RasException {
        if (!mayUse(c, handle)) {
            throw new RasException(RasError.INVALID_HANDLE, Handles.format(handle));
        }
    }

    private Owner owner(long handle) {
        Owner o = owners.get(handle);
        if (o != null) {
            return o;
        }
        // Between the manager's dial and our record an event may already name the handle.
        for (ConnectionInfo i : manager.enumerate()) {
            if (i.handle() == handle) {
                return new Owner(i.owner(), i.allUsers());
            }
        }
        return UNKNOWN;
    }

    /** Drops owners of handles the manager no longer answers for (neither live nor a tombstone). */
    private synchronized void forgetEnded() {
        for (Iterator<Long> it = owners.keySet().iterator(); it.hasNext(); ) {
            long h = it.next();
            if (manager.completion(h).isDone() && manager.tombstone(h).isEmpty()) {
                it.remove();
            }
        }
    }
}
