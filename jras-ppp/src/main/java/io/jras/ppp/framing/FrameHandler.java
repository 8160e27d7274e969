package io.jras.ppp.framing;

/** Receives each good frame that {@link HdlcDecoder} takes off the line. */
@FunctionalInterface
public interface FrameHandler {

    /**
     * One frame that passed the FCS check, with the Address, Control, Protocol and FCS fields
     * already removed.
     *
     * <p>{@code info[off..off+len)} is a view of the decoder's own buffer and is valid only during
     * this call: copy what you keep. The handler may reconfigure or reset the decoder, but must
     * not feed it. An exception thrown here leaves {@code feed}, and the rest of that input is
     * not decoded; the decoder itself stays consistent.
     *
     * @param protocol the Protocol field, 0x0000-0xffff, expanded if it arrived compressed
     */
    void onFrame(int protocol, byte[] info, int off, int len);
}
