package io.jras.client;

/**
 * One event of the stream; {@code seq} increases by one per event, so a watcher resumes from the
 * last one it saw plus one.
 *
 * @param kind "state", "redial", "reconnect", "hangup", "removed", "projection", "device", "shared", "reaped", ...
 */
public record Event(long seq, String at, long handle, String entry, String kind, String state, int stateCode,
                    int error, String detail) {
}
