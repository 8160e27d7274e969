package io.jras.bench.framing;

import java.util.Random;

/** The information field every framing benchmark moves: 1500 random octets, the same each run. */
final class Payload {

    /** Octets of payload per benchmark operation, the size of a full Ethernet-sized IP packet. */
    static final int SIZE = 1500;

    private Payload() {}

    static byte[] random() {
        byte[] b = new byte[SIZE];
        new Random(1662).nextBytes(b);
        return b;
    }
}
