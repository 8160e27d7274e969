package io.jras.ppp.framing;

/**
 * Counters of one {@link HdlcDecoder}, in the shape of the RAS link statistics. Every octet fed
 * is counted, and every non-empty frame ends up in exactly one of {@code framesReceived},
 * {@code crcErrors}, {@code framingErrors} or {@code bufferOverrunErrors}: bad input is counted,
 * never thrown.
 *
 * <p>Not thread-safe: it belongs to the thread that feeds the decoder.
 */
public final class FramingStatistics {

    long framesReceived;
    long lineBytesReceived;
    long crcErrors;
    long framingErrors;
    long bufferOverrunErrors;

    /** Good frames handed to the {@link FrameHandler}. */
    public long framesReceived() {
        return framesReceived;
    }

    /** Octets fed from the line, flags, escapes and discarded octets included. */
    public long lineBytesReceived() {
        return lineBytesReceived;
    }

    /** Frames dropped because the FCS did not check (RFC 1662 §C). */
    public long crcErrors() {
        return crcErrors;
    }

    /**
     * Frames dropped for their shape: too short (RFC 1662 §4.3), aborted by a Control Escape
     * right before a flag (§4.3), or with a bad Address, Control or Protocol field.
     */
    public long framingErrors() {
        return framingErrors;
    }

    /** Frames dropped because the Information field was longer than {@code max(MRU, 1500)}. */
    public long bufferOverrunErrors() {
        return bufferOverrunErrors;
    }

    /**
     * Always 0. Alignment (stop-bit) errors are seen by the UART, below the bytes jras gets; the
     * counter is kept because RAS link statistics report it.
     */
    public long alignmentErrors() {
        return 0;
    }

    /** Sets every counter back to zero. */
    public void clear() {
        framesReceived = 0;
        lineBytesReceived = 0;
        crcErrors = 0;
        framingErrors = 0;
        bufferOverrunErrors = 0;
    }

    @Override
    public String toString() {
        return "frames=" + framesReceived + " bytes=" + lineBytesReceived + " crc=" + crcErrors
                + " framing=" + framingErrors + " overrun=" + bufferOverrunErrors;
    }
}
