package io.jras.server.pool;

import io.jras.ppp.Ipv4;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The peer addresses of one server: a range handed out one address per live session, plus the
 * static addresses outside the range that the users file allows. An address is never leased twice
 * at once; a {@link Lease} gives it back once, however often it is released.
 *
 * <p>Thread-safe (one lock, held for a bitmap scan). {@link #lease()} goes round the range from
 * where it last stopped, so a freed address is not reused at once (a late packet for the last
 * holder does not reach the next one); the scan reads a word or two in the usual case and size/64
 * words at worst.
 */
public final class AddressPool {

    private final AddressRange range;
    private final BitSet used;
    private final Set<Integer> staticInUse = new HashSet<>();
    private int cursor;
    private int leased;

    public AddressPool(AddressRange range) {
        this.range = Objects.requireNonNull(range, "range");
        this.used = new BitSet(range.size());
    }

    /** Any free address of the range, or empty when all are leased. */
    public synchronized Optional<Lease> lease() {
        int size = range.size();
        if (leased >= size) {
            return Optional.empty();
        }
        int i = used.nextClearBit(cursor);
        if (i >= size) {
            i = used.nextClearBit(0);
        }
        cursor = i + 1 >= size ? 0 : i + 1;
        return Optional.of(take(range.at(i)));
    }

    /**
     * This address, if no one holds it: in the range, or outside it (a static address the caller
     * has checked is allowed).
     */
    public synchronized Optional<Lease> lease(int address) {
        if (range.contains(address) ? used.get(range.indexOf(address)) : staticInUse.contains(address)) {
            return Optional.empty();
        }
        return Optional.of(take(address));
    }

    private Lease take(int address) {
        if (range.contains(address)) {
            used.set(range.indexOf(address));
            leased++;
        } else {
            staticInUse.add(address);
        }
        return new Lease(address);
    }

    private synchronized void giveBack(int address) {
        if (range.contains(address)) {
            used.clear(range.indexOf(address));
            leased--;
        } else {
            staticInUse.remove(address);
        }
    }

    public AddressRange range() {
        return range;
    }

    /** Free addresses left in the range. */
    public synchronized int available() {
        return range.size() - leased;
    }

    public synchronized boolean isLeased(int address) {
        return range.contains(address) ? used.get(range.indexOf(address)) : staticInUse.contains(address);
    }

    @Override
    public synchronized String toString() {
        return "AddressPool[" + range + ", " + leased + " of " + range.size() + " leased, " + staticInUse.size() + " static]";
    }

    /** One leased address; {@link #release()} returns it, once. */
    public final class Lease implements AutoCloseable {
        private final int address;
        private boolean released;

        private Lease(int address) {
            this.address = address;
        }

        public int address() {
            return address;
        }

        /** Another lease from the same pool, for {@code address}; this one is kept until released. */
        public Optional<Lease> leaseAnother(int address) {
            return lease(address);
        }

        /** Gives the address back; later calls do nothing, so a stale holder cannot free someone else's lease. */
        public void release() {
            synchronized (AddressPool.this) {
                if (released) {
                    return;
                }
                released = true;
                giveBack(address);
            }
        }

        @Override
        public void close() {
            release();
        }

        @Override
        public String toString() {
            return "Lease[" + Ipv4.format(address) + (released ? ", released" : "") + "]";
        }
    }
}
