package io.jras.ppp.auth;

/**
 * One side of one authentication protocol run, sans-IO: it reacts to packets and to time, and
 * reports through {@link AuthOutput}. One instance per link per phase; not reusable.
 *
 * <p>Time is an opaque monotonic nanosecond count supplied by the caller; {@link #nextDeadline()}
 * returns {@link Long#MAX_VALUE} when no timer is running.
 */
public interface AuthSide {
    /** The Authenticate phase has begun (RFC 1661 §3.5); an authenticatee may send at once. */
    void start(long now);

    /** One received packet of this protocol (the PPP information field). Never throws on bad input. */
    void receive(byte[] packet, int off, int len, long now);

    /** Called when {@code now >= nextDeadline()}. */
    void onTimeout(long now);

    long nextDeadline();

    /** True once succeeded or failed was reported. */
    boolean finished();
}
