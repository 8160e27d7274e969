package io.jras.client;

import io.jras.client.internal.Views;
import io.jras.core.ConnectionManager;
import io.jras.core.DialRequest;
import io.jras.core.DialResolver;
import io.jras.core.ManagerConfig;
import io.jras.core.events.EventLog;
import io.jras.link.RasException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** {@link RemoteAccess} with the connection manager inside this process. */
final class EmbeddedRemoteAccess implements RemoteAccess {

    private final ConnectionManager manager;
    private final DialResolver resolver;

    EmbeddedRemoteAccess() {
        this(new ConnectionManager(ManagerConfig.DEFAULT), io.jras.core.PhonebookDialResolver.standard());
    }

    EmbeddedRemoteAccess(ConnectionManager manager, DialResolver resolver) {
        this.manager = manager;
        this.resolver = resolver;
    }

    @Override
    public long dial(DialOptions o, StateListener listener) throws RasClientException {
        try {
            DialRequest r = resolver.resolve(o.entry(), o.phonebook(), o.phoneNumber(), o.device(), o.user(),
                    o.password(), -1, o.allUsers());
            StateListener l = listener == null ? StateListener.NONE : listener;
            return manager.dial(r, (h, s, e) -> l.onState(h, s.rasName(), s.code(), e));
        } catch (RasException e) {
            throw wrap(e);
        }
    }

    @Override
    public Status status(long handle) throws RasClientException {
        try {
            return Views.status(manager.status(handle));
        } catch (RasException e) {
            throw wrap(e);
        }
    }

    @Override
    public List<ConnectionInfo> list() {
        String me = System.getProperty("user.name");
        return manager.enumerate().stream().map(c -> Views.info(c, uid -> me)).toList();
    }

    @Override
    public void hangUp(long handle, boolean all) throws RasClientException {
        try {
            manager.hangUp(handle, all);
        } catch (RasException e) {
            throw wrap(e);
        }
    }

    @Override
    public boolean awaitInvalid(long handle, Duration timeout) throws InterruptedException {
        try {
            manager.completion(handle).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    @Override
    public Optional<Tombstone> tombstone(long handle) {
        return manager.tombstone(handle).map(Views::tombstone);
    }

    @Override
    public void clearStatistics(long handle) throws RasClientException {
        try {
            manager.clearStatistics(handle);
        } catch (RasException e) {
            throw wrap(e);
        }
    }

    @Override
    public AutoCloseable watch(long since, Consumer<Event> consumer) {
        EventLog.Subscription s = manager.events().subscribe(since, e -> consumer.accept(Views.event(e)));
        return s;
    }

    @Override
    public void close() {
        manager.close();
    }

    static RasClientException wrap(RasException e) {
        return new RasClientException(e.code(), e.getMessage());
    }
}
