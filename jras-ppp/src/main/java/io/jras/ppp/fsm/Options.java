package io.jras.ppp.fsm;

import java.io.ByteArrayOutputStream;

/**
 * Configuration Options as they appear in Configure packets (RFC 1661 §6): Type, Length, Data.
 * {@link Reader} walks them without allocating and never reads past the packet; {@link Writer}
 * builds them.
 */
public final class Options {

    private Options() {
    }

    /**
     * Walks the options of one packet. After {@link #next()} returns true, {@link #type()},
     * {@link #length()} and {@link #dataOffset()} describe the current option. {@link #malformed()}
     * tells a packet that ended in a broken option (length below 2 or past the end).
     */
    public static final class Reader {
        private final byte[] buf;
        private final int end;
        private int pos;
        private int type;
        private int length;
        private int start;
        private boolean malformed;

        public Reader(byte[] buf, int off, int len) {
            this.buf = buf;
            this.pos = off;
            this.end = off + len;
        }

        public boolean next() {
            if (pos >= end) {
                return false;
            }
            if (end - pos < 2) {
                malformed = true;
                start = pos;
                return false;
            }
            int l = buf[pos + 1] & 0xff;
            if (l < 2 || pos + l > end) {
                malformed = true;
                start = pos;
                return false;
            }
            start = pos;
            type = buf[pos] & 0xff;
            length = l;
            pos += l;
            return true;
        }

        public int type() {
            return type;
        }

        /** The whole option's length, Type and Length octets included. */
        public int length() {
            return length;
        }

        public int dataOffset() {
            return start + 2;
        }

        public int dataLength() {
            return length - 2;
        }

        /** Where the current option (or, once malformed, the broken tail) starts. */
        public int start() {
            return start;
        }

        public int end() {
            return end;
        }

        public boolean malformed() {
            return malformed;
        }

        public byte[] buffer() {
            return buf;
        }

        public int u8(int index) {
            return buf[dataOffset() + index] & 0xff;
        }

        public int u16(int index) {
            int o = dataOffset() + index;
            return ((buf[o] & 0xff) << 8) | (buf[o + 1] & 0xff);
        }

        public int u32(int index) {
            int o = dataOffset() + index;
            return ((buf[o] & 0xff) << 24) | ((buf[o + 1] & 0xff) << 16) | ((buf[o + 2] & 0xff) << 8) | (buf[o + 3] & 0xff);
        }
    }

    /** Builds an Options field. */
    public static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(32);

        public Writer empty(int type) {
            out.write(type);
            out.write(2);
            return this;
        }

        public Writer u8(int type, int value) {
            out.write(type);
            out.write(3);
            out.write(value);
            return this;
        }

        public Writer u16(int type, int value) {
            out.write(type);
            out.write(4);
            out.write(value >>> 8);
            out.write(value);
            return this;
        }

        public Writer u32(int type, int value) {
            out.write(type);
            out.write(6);
            out.write(value >>> 24);
            out.write(value >>> 16);
            out.write(value >>> 8);
            out.write(value);
            return this;
        }

        public Writer bytes(int type, byte[] data) {
            out.write(type);
            out.write(2 + data.length);
            out.write(data, 0, data.length);
            return this;
        }

        /** Copies an option verbatim (for Configure-Ack and Configure-Reject lists). */
        public Writer raw(byte[] buf, int off, int len) {
            out.write(buf, off, len);
            return this;
        }

        public boolean isEmpty() {
            return out.size() == 0;
        }

        public byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    /**
     * Gathers the reply to a peer's Configure-Request (RFC 1661 §5.2-5.4): if any option is
     * rejected, only the rejects go back; else if any is Nak'ed, only the Naks; else an Ack.
     */
    public static final class ReplyBuilder {
        private final Writer naks = new Writer();
        private final Writer rejects = new Writer();
        private final boolean rejectInsteadOfNak;

        public ReplyBuilder(boolean rejectInsteadOfNak) {
            this.rejectInsteadOfNak = rejectInsteadOfNak;
        }

        /** The current option is rejected as the peer sent it. */
        public void reject(Reader r) {
            rejects.raw(r.buffer(), r.start(), r.length());
        }

        /** The current option is Nak'ed with {@code suggestion} (a whole option), or rejected past Max-Failure. */
        public void nak(Reader r, byte[] suggestion) {
            if (rejectInsteadOfNak) {
                reject(r);
            } else {
                naks.raw(suggestion, 0, suggestion.length);
            }
        }

        /**
         * RFC 1661 §5.3: Nak with an option the peer did not include, to ask for it
         * (nothing happens past Max-Failure, when Naks turn into Rejects).
         */
        public void suggest(byte[] option) {
            if (!rejectInsteadOfNak) {
                naks.raw(option, 0, option.length);
            }
        }

        /** A broken tail of the packet is rejected as it is. */
        public void rejectMalformedTail(Reader r) {
            rejects.raw(r.buffer(), r.start(), r.end() - r.start());
        }

        public ControlProtocol.Verdict verdict(byte[] requestBuf, int off, int len) {
            if (!rejects.isEmpty()) {
                return new ControlProtocol.Verdict(Code.CONFIGURE_REJECT, rejects.toByteArray());
            }
            if (!naks.isEmpty()) {
                return new ControlProtocol.Verdict(Code.CONFIGURE_NAK, naks.toByteArray());
            }
            return new ControlProtocol.Verdict(Code.CONFIGURE_ACK, java.util.Arrays.copyOfRange(requestBuf, off, off + len));
        }
    }
}
