package io.jras.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The RAS calls for applications: over the jras daemon ({@link #connect()}), or with the manager
 * embedded in this process ({@link #embedded()}); both behave the same.
 *
 * <p>The contract (DESIGN §1): {@link #dial} returns a handle at once and reports progress as
 * RASCONNSTATE changes; every handle must eventually be hung up, also after a failed dial, which
 * keeps its handle (Disconnected, with its RAS error) until then. {@link #hangUp} works in any state
 * and returns at once; status answers until the teardown has ended, then fails with error 6.
 * Errors are {@link RasClientException}s carrying the RAS code and text.
 */
public interface RemoteAccess extends AutoCloseable {

    /** The daemon at the default socket ({@code JRAS_SOCKET}, else the per-user default), started if none answers. */
    static RemoteAccess connect() throws RasClientException {
        return Daemon.connect(null);
    }

    /** The daemon at {@code socket}, started if none answers. */
    static RemoteAccess connect(java.nio.file.Path socket) throws RasClientException {
        return Daemon.connect(socket);
    }

    /** A manager inside this process; connections end with it. */
    static RemoteAccess embedded() {
        return new EmbeddedRemoteAccess();
    }

    /** RasDial: returns the handle at once; {@code listener} (may be {@link StateListener#NONE}) gets each state. */
    long dial(DialOptions options, StateListener listener) throws RasClientException;

    /** RasGetConnectStatus with projection and statistics; error 6 once the handle is invalid. */
    Status status(long handle) throws RasClientException;

    /** RasEnumConnections: the connections this caller may see, failed ones included. */
    List<ConnectionInfo> list() throws RasClientException;

    /** RasHangUp: drops one reference ({@code all}: every one) and returns at once. */
    void hangUp(long handle, boolean all) throws RasClientException;

    /**
     * Waits until {@code handle} is invalid (its teardown ended); true if it is within {@code timeout}.
     */
    boolean awaitInvalid(long handle, Duration timeout) throws RasClientException, InterruptedException;

    /** What is left of a connection whose handle is no longer valid. */
    Optional<Tombstone> tombstone(long handle) throws RasClientException;

    /** RasClearLinkStatistics. */
    void clearStatistics(long handle) throws RasClientException;

    /**
     * The event stream of every connection this caller may see, from sequence number
     * {@code since} (0: from the oldest still kept), then live, in order. Close the returned
     * subscription to stop. The consumer runs on a client thread and must not block.
     */
    AutoCloseable watch(long since, Consumer<Event> consumer) throws RasClientException;

    @Override
    void close();
}
