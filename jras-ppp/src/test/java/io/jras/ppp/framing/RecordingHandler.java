package io.jras.ppp.framing;

import java.util.ArrayList;
import java.util.List;

/** Keeps a copy of every frame a decoder delivers, to assert on afterwards. */
final class RecordingHandler implements FrameHandler {

    /** One delivered frame: its protocol and its Information field as spaced hex. */
    record Frame(int protocol, String info) {
        @Override
        public String toString() {
            return String.format("0x%04x [%s]", protocol, info);
        }
    }

    final List<Frame> frames = new ArrayList<>();

    @Override
    public void onFrame(int protocol, byte[] info, int off, int len) {
        frames.add(new Frame(protocol, Hex.encode(info, off, len)));
    }

    static Frame frame(int protocol, String infoHex) {
        return new Frame(protocol, Hex.encode(Hex.decode(infoHex)));
    }
}
