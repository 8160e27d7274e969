package io.jras.net;

/** Where an interface sends the IP datagrams the host routes into it (the PPP link). */
@FunctionalInterface
public interface DatagramSink {

    /**
     * Called on the interface's reader thread with a fresh array the sink may keep.
     *
     * @return false if the datagram was dropped (the link is full or not up)
     */
    boolean send(byte[] datagram);
}
