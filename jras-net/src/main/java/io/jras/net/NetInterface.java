package io.jras.net;

/**
 * A connection's interface on the host (a TUN device on Linux): datagrams the host routes into it go
 * to the sink given when it was opened; datagrams from the link go in with {@link #deliver}.
 * Closing it removes the interface and its routes and puts back a default route it replaced.
 */
public interface NetInterface extends AutoCloseable {

    /** The name the kernel gave it (jras0, ...). */
    String name();

    /** Hands one IP datagram from the link to the host; never blocks for long. Dropped if closed. */
    void deliver(byte[] datagram, int off, int len);

    /**
     * Adds the IPv6 link-local address fe80::{@code localInterfaceId}/64 (RFC 5072 §4.1: the
     * IPV6CP Interface-Identifier) once IPV6CP is up.
     */
    void addIpv6LinkLocal(long localInterfaceId) throws NetException;

    /** Datagrams from the host dropped because the link could not take them, or writes to the host that failed. */
    long dropped();

    /** Removes the interface; idempotent, never throws. */
    @Override
    void close();
}
