package io.jras.ppp.framing;

import static io.jras.ppp.framing.HdlcOctets.ALL_STATIONS;
import static io.jras.ppp.framing.HdlcOctets.ESCAPE;
import static io.jras.ppp.framing.HdlcOctets.ESCAPE_XOR;
import static io.jras.ppp.framing.HdlcOctets.FLAG;
import static io.jras.ppp.framing.HdlcOctets.UI;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Takes async HDLC-like frames (RFC 1662 §3-4) off a stream of line octets, in whatever pieces
 * they arrive, and hands each good frame to a {@link FrameHandler}.
 *
 * <p>The deframer is a three-state machine ({@link State}); every transition is in this table:
 *
 * <pre>
 * state     octet               action                                      next
 * HUNT      flag                start a frame                               IN_FRAME
 * HUNT      other               skip it                                     HUNT
 * IN_FRAME  flag                check and deliver the frame; start another  IN_FRAME
 * IN_FRAME  0x7d                -                                           ESCAPED
 * IN_FRAME  control in ACCM     drop it (RFC 1662 §4.2)                     IN_FRAME
 * IN_FRAME  other               append it, or count an overrun              IN_FRAME or HUNT
 * ESCAPED   flag                count an abort (§4.3); start a frame        IN_FRAME
 * ESCAPED   control in ACCM     drop it                                     ESCAPED
 * ESCAPED   other               append it XOR 0x20, or count an overrun     IN_FRAME or HUNT
 * </pre>
 *
 * <p>It is liberal in what it accepts: Address and Control present or left out, Protocol in one
 * or two octets, whatever was negotiated. Peer misbehaviour never throws: each discarded frame is
 * counted once in {@link #statistics()}. It checks no protocol rules and looks inside no packet.
 * Sans-IO; no allocation per octet or per frame. Not thread-safe.
 */
public final class HdlcDecoder {

    /** Where the deframer is in the octet stream. */
    enum State {
        /** Skipping octets until a flag: at the start, after {@link #reset}, after an overrun. */
        HUNT,
        /** After a flag: collecting the octets of a frame. */
        IN_FRAME,
        /** After a Control Escape: the next octet is XOR 0x20, or a flag that aborts the frame. */
        ESCAPED
    }

    /** Address, Control and a 2-octet Protocol: the most a frame carries before its information. */
    private static final int MAX_HEADER = 4;

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Enough for LCP, authentication and NCP packets without growing. */
    static final int INITIAL_FRAME_BUFFER = 128;

    private final FramingStatistics statistics = new FramingStatistics();
    private final CRC32 crc32 = new CRC32();
    private ReceiveConfig config;
    /**
     * The unescaped octets of the frame so far, FCS included; {@link #capacity} bounds them. It
     * starts small and grows to the largest frame seen: a link that carries only control traffic
     * keeps no MRU-sized buffer, which adds up over thousands of idle sessions (docs/benchmarks.md).
     */
    private byte[] frame = new byte[INITIAL_FRAME_BUFFER];
    private int length;
    private int capacity;
    /** With FCS-16, the register over {@code frame[0..length)}, folded in as octets arrive. */
    private int fcs16 = Fcs16.INIT;
    private State state = State.HUNT;

    public HdlcDecoder() {
        configure(ReceiveConfig.DEFAULT);
    }

    /**
     * Applies what LCP negotiated for our receive side from the next octet on; a frame under way
     * is kept. The handler may call this from {@link FrameHandler#onFrame}.
     */
    public void configure(ReceiveConfig c) {
        config = Objects.requireNonNull(c, "config");
        capacity = MAX_HEADER + c.maxInformationLength() + c.fcs().size();
        fcs16 = Fcs16.update(Fcs16.INIT, frame, 0, length); // the frame under way may switch to FCS-16
    }

    public ReceiveConfig config() {
        return config;
    }

    /** Drops any frame under way and hunts for the next flag. Statistics are kept. */
    public void reset() {
        length = 0;
        fcs16 = Fcs16.INIT;
        state = State.HUNT;
    }

    public FramingStatistics statistics() {
        return statistics;
    }

    /**
     * Feeds octets from the line; calls {@code handler} for each good frame they complete.
     * Never throws because of what the octets are.
     */
    public void feed(byte[] in, int off, int len, FrameHandler handler) {
        Objects.checkFromIndexSize(off, len, in.length);
        Objects.requireNonNull(handler, "handler");
        statistics.lineBytesReceived += len;
        int i = off;
        int end = off + len;
        while (i < end) {
            i = switch (state) {
                case HUNT -> hunt(in, i, end);
                case IN_FRAME -> collect(in, i, end, handler);
                case ESCAPED -> unescape(in[i], i + 1);
            };
        }
    }

    /** HUNT: skips to just past the next flag. */
    private int hunt(byte[] in, int i, int end) {
        for (; i < end; i++) {
            if (in[i] == FLAG) {
                startFrame();
                return i + 1;
            }
        }
        return end;
    }

    /**
     * IN_FRAME: copies octets into the frame until the input ends, an escape changes the state,
     * or a flag ends the frame. Returns where it stopped.
     */
    private int collect(byte[] in, int i, int end, FrameHandler handler) {
        byte[] buf = frame;
        int n = length;
        int cap = capacity;
        int room = Math.min(buf.length, cap);
        int accm = config.accm();
        // Folding the FCS in as octets arrive lets its chain of lookups overlap the copying.
        boolean fold = config.fcs() == FcsType.FCS16;
        int fcs = fcs16;
        while (i < end) {
            if (end - i >= 8 && room - n >= 8) {
                long word = (long) LONG_LE.get(in, i);
                if (HdlcOctets.specials(word, accm) == 0) {
                    // Fast path: eight ordinary octets move as one word.
                    LONG_LE.set(buf, n, word);
                    if (fold) {
                        fcs = Fcs16.updateLong(fcs, word);
                    }
                    n += 8;
                    i += 8;
                    continue;
                }
            }
            byte b = in[i++];
            if (b == FLAG) {
                // Return after each frame: the handler may have reconfigured or reset us.
                length = n;
                fcs16 = fcs;
                endFrame(handler);
                return i;
            } else if (b == ESCAPE) {
                length = n;
                fcs16 = fcs;
                state = State.ESCAPED;
                return i;
            } else if (HdlcOctets.inAccm(accm, b)) {
                // RFC 1662 §4.2: a control character in our map "is simply removed (it may have
                // been inserted by intervening data communications equipment)".
            } else if (n >= cap) {
                overrun();
                return i;
            } else {
                if (n == buf.length) {
                    buf = grow();
                    room = Math.min(buf.length, cap);
                }
                buf[n++] = b;
                if (fold) {
                    fcs = Fcs16.updateByte(fcs, b);
                }
            }
        }
        length = n;
        fcs16 = fcs;
        return i;
    }

    /** ESCAPED: handles the octet after a Control Escape; returns {@code next}. */
    private int unescape(byte b, int next) {
        if (b == FLAG) {
            // RFC 1662 §4.3: a frame that ends with an escape and a flag is aborted. The flag
            // still begins the next frame.
            statistics.framingErrors++;
            startFrame();
        } else if (HdlcOctets.inAccm(config.accm(), b)) {
            // RFC 1662 §4.2: removed before escapes are undone; the escape still applies.
        } else if (length >= capacity) {
            overrun();
        } else {
            byte octet = (byte) (b ^ ESCAPE_XOR);
            if (length == frame.length) {
                grow();
            }
            frame[length++] = octet;
            if (config.fcs() == FcsType.FCS16) {
                fcs16 = Fcs16.updateByte(fcs16, octet);
            }
            state = State.IN_FRAME;
        }
        return next;
    }

    /** Doubles the frame buffer, up to the capacity; only called while the frame is below it. */
    private byte[] grow() {
        frame = Arrays.copyOf(frame, Math.min(capacity, Math.max(INITIAL_FRAME_BUFFER, frame.length * 2)));
        return frame;
    }

    /** The frame buffer's current size, for tests. */
    int bufferSize() {
        return frame.length;
    }

    private void startFrame() {
        length = 0;
        fcs16 = Fcs16.INIT;
        state = State.IN_FRAME;
    }

    /** The frame outgrew any allowed size: count it, and skip to the next flag. */
    private void overrun() {
        statistics.bufferOverrunErrors++;
        reset();
    }

    /** A flag closed {@code frame[0..length)}: check it and deliver it, or count why not. */
    private void endFrame(FrameHandler handler) {
        int n = length;
        int fcs = fcs16;
        startFrame(); // the closing flag also opens the next frame (RFC 1662 §4.1)
        if (n == 0) {
            return; // RFC 1662 §4.1: two flags in a row make an empty frame, silently discarded.
        }
        int fcsSize = config.fcs().size();
        byte[] buf = frame;
        // RFC 1662 §4.3: "Frames which are too short (less than 4 octets when using the 16-bit
        // FCS) ... are silently discarded, and not counted as a FCS error."
        if (n < 2 + fcsSize) {
            statistics.framingErrors++;
            return;
        }
        if (!fcsIsGood(fcs, buf, n)) {
            statistics.crcErrors++;
            return;
        }
        int end = n - fcsSize;
        int p = 0;
        // RFC 1662 §3.2: Address and Control may be left out once ACFC is agreed; accept both
        // forms. 0xff never starts a Protocol: a high octet is even, and the one-octet 0x00ff is
        // reserved for that reason in the PPP protocol number registry.
        if (buf[0] == ALL_STATIONS) {
            if (buf[1] != UI) {
                statistics.framingErrors++;
                return;
            }
            p = 2;
        }
        // RFC 1661 §6.5: with PFC a protocol 0x00xx travels as one octet; a Protocol's low octet
        // is odd and its high octet even, so an odd first octet is a whole, compressed Protocol.
        int protocol;
        if (p < end && (buf[p] & 1) != 0) {
            protocol = buf[p] & 0xFF;
            p += 1;
        } else if (p + 1 < end && (buf[p + 1] & 1) != 0) {
            protocol = ((buf[p] & 0xFF) << 8) | (buf[p + 1] & 0xFF);
            p += 2;
        } else {
            statistics.framingErrors++; // no Protocol, or a malformed one
            return;
        }
        int infoLength = end - p;
        if (infoLength > config.maxInformationLength()) {
            statistics.bufferOverrunErrors++;
            return;
        }
        statistics.framesReceived++;
        handler.onFrame(protocol, buf, p, infoLength);
    }

    /**
     * RFC 1662 §C: the FCS run over the frame and its own FCS leaves a fixed "good" value. FCS-16
     * has been folded in already ({@code fcs}); FCS-32 is run now, CRC32 being faster in one go.
     */
    private boolean fcsIsGood(int fcs, byte[] buf, int n) {
        if (config.fcs() == FcsType.FCS16) {
            return fcs == Fcs16.GOOD;
        }
        crc32.reset();
        crc32.update(buf, 0, n);
        return Fcs32.register(crc32) == Fcs32.GOOD;
    }
}
