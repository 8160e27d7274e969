package io.jras.ppp.fsm;

import io.jras.ppp.Protocol;

/** Where control protocols put packets to send (the link frames and queues them). */
@FunctionalInterface
public interface PacketSink {
    /** Send one control packet (Code, Identifier, Length, Data) of the given protocol. */
    void send(Protocol protocol, byte[] packet);
}
