package io.jras.client.rpc;

/**
 * The jras protocol's vocabulary: JSON-RPC 2.0, one JSON object per line (UTF-8, '\n'-terminated)
 * in both directions over a Unix domain socket. docs/daemon.md is the reference for every method,
 * its params, results, errors and notifications.
 *
 * <p>Error codes: a RAS failure is an error whose {@code code} is the RAS code (6, 623, 691, ...),
 * whose {@code message} is the RAS text and whose {@code data} is {@code {"rasError": N, "detail": ...}};
 * protocol failures use the JSON-RPC codes below.
 */
public final class JsonRpc {

    private JsonRpc() {
    }

    public static final String VERSION = "2.0";

    /** Lines longer than this (without the '\n') are refused with {@link #INVALID_REQUEST}. */
    public static final int MAX_REQUEST_LINE = 64 * 1024;

    // JSON-RPC 2.0 §5.1
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** Implementation-defined (-32000..-32099): a per-client limit was reached. */
    public static final int LIMIT_EXCEEDED = -32000;

    /** Win32 ERROR_ACCESS_DENIED, for {@code shutdown} by someone else than root or the daemon's user. */
    public static final int ACCESS_DENIED = 5;

    // Methods (params by name).
    public static final String PING = "ping";
    public static final String DIAL = "dial";
    public static final String STATUS = "status";
    public static final String LIST = "list";
    public static final String HANG_UP = "hangUp";
    public static final String AWAIT_INVALID = "awaitInvalid";
    public static final String TOMBSTONE = "tombstone";
    public static final String CLEAR_STATISTICS = "clearStatistics";
    public static final String WATCH = "watch";
    public static final String UNWATCH = "unwatch";
    public static final String SHUTDOWN = "shutdown";
    /** Starts an answering server ({@code jras serve}) in the daemon: root or the daemon's user only. */
    public static final String SERVER_START = "serverStart";
    public static final String SERVER_STOP = "serverStop";
    public static final String SERVER_LIST = "serverList";

    // Notifications from the daemon.
    /** {handle, state, stateCode, error}: a state change of a handle this client dialed. */
    public static final String STATE = "state";
    /** {subscription, event}: an event of a {@link #WATCH} subscription. */
    public static final String EVENT = "event";
    /** {server, line}: a log line of an answering server, to the client that started it. */
    public static final String SERVER_LOG = "serverLog";
    /** {server, reason}: that answering server has stopped (serverStop, the daemon stopping), to the client that started it. */
    public static final String SERVER_STOPPED = "serverStopped";
}
