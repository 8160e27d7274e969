package io.jras.core;

import io.jras.ppp.LinkStatistics;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The manager's record of an {@link IncomingConnection}: Connected from registration until the
 * server reports its end; then, as for a dialed connection after its teardown, the handle is
 * invalid and a tombstone keeps the story. There is no Disconnected-until-hung-up stage: nobody
 * here dialed it, so nobody would hang it up; an ended incoming connection leaves at once.
 *
 * <p>Fields shared between the server's thread (ended) and callers (hangUp, status) are guarded by {@code this}.
 */
final class AnsweredConnection implements IncomingConnection.Registration {

    final long handle;
    final int owner;
    final Instant connectedAt;
    private final IncomingConnection link;
    private final ConnectionManager manager;
    private final CompletableFuture<Void> gone = new CompletableFuture<>();

    // Guarded by this.
    private RasConnState state = RasConnState.CONNECTED;
    private int error;
    private String cause = "";
    private boolean teardown;
    private String teardownReason = "";
    private LinkStatistics statisticsBase = LinkStatistics.ZERO;
    private LinkStatistics lastStatistics;
    private Instant endedAt;

    AnsweredConnection(long handle, IncomingConnection link, int owner, ConnectionManager manager) {
        this.handle = handle;
        this.link = link;
        this.owner = owner;
        this.manager = manager;
        this.connectedAt = manager.clock().instant();
    }

    @Override
    public long handle() {
        return handle;
    }

    /** What enumeration shows as the entry (and events name). */
    String entryName() {
        return link.serverName();
    }

    /** The caller's user name, else its address. */
    String phoneNumber() {
        String user = link.user();
        return user == null || user.isEmpty() ? link.caller() : user;
    }

    CompletableFuture<Void> gone() {
        return gone;
    }

    /** RasHangUp: LCP Terminate through the server; returns at once. */
    void hangUp(String reason) {
        synchronized (this) {
            if (teardown || endedAt != null) {
                return;
            }
            teardown = true;
            teardownReason = reason;
        }
        manager.event(this, "hangup", reason);
        try {
            link.hangUp(reason);
        } catch (RuntimeException e) {
            // The server must end it regardless; its end report is what removes the handle.
        }
    }

    @Override
    public void ended(int rasError, String why) {
        synchronized (this) {
            if (endedAt != null) {
                return;
            }
            lastStatistics = link.statistics();
            endedAt = manager.clock().instant();
            state = RasConnState.DISCONNECTED;
            error = teardown ? 0 : rasError;
            cause = why == null ? "" : why;
        }
        manager.stateChanged(this, RasConnState.DISCONNECTED, currentError());
        manager.removed(this);
        gone.complete(null);
    }

    synchronized RasConnState currentState() {
        return state;
    }

    synchronized int currentError() {
        return error;
    }

    synchronized boolean isTearingDown() {
        return teardown;
    }

    synchronized void clearStatistics() {
        LinkStatistics st = link.statistics();
        statisticsBase = st == null ? LinkStatistics.ZERO : st;
    }

    synchronized RasStats statistics() {
        LinkStatistics now = endedAt == null ? link.statistics() : lastStatistics;
        Instant until = endedAt != null ? endedAt : manager.clock().instant();
        return RasStats.of(now, statisticsBase, 0, Duration.between(connectedAt, until));
    }

    synchronized ConnectionInfo info() {
        return new ConnectionInfo(handle, entryName(), phoneNumber(), link.deviceType(), link.deviceName(), null,
                owner, false, 1, state, error, teardown, true, link.user() == null ? "" : link.user());
    }

    synchronized ConnectionStatus status() {
        return new ConnectionStatus(handle, entryName(), phoneNumber(), link.deviceType(), link.deviceName(), state,
                error, ConnectionStatus.textOf(error), cause, teardown, link.projection(), statistics(), connectedAt,
                connectedAt, link.netInterface());
    }

    synchronized Tombstone tombstone(Instant at) {
        return new Tombstone(handle, entryName(), phoneNumber(), link.deviceType(), link.deviceName(), state, error,
                ConnectionStatus.textOf(error), cause.isEmpty() ? teardownReason : cause, connectedAt, connectedAt,
                at, statistics());
    }

    /** One line for the event log when it is registered. */
    String arrival() {
        String user = link.user();
        return "incoming call from " + link.caller() + (user == null || user.isEmpty() ? "" : " user \"" + user + "\"")
                + " on " + link.deviceName();
    }
}
