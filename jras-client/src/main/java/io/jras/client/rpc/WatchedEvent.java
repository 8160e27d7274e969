package io.jras.client.rpc;

import io.jras.client.Event;

/** The params of an {@code event} notification: one event for the {@code watch} subscription named. */
public record WatchedEvent(long subscription, Event event) {
}
