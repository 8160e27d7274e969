package io.jras.ppp.auth.chap;

import java.util.Arrays;
import java.util.Objects;

/**
 * The MD4 message digest (RFC 1320), which the JDK does not offer but MS-CHAPv2's NtPasswordHash
 * needs (RFC 2759 §8.3). MD4 is broken as a general hash; it is here only for that protocol.
 *
 * <p>Use {@link #digest(byte[])} for one-shot hashing, or an instance for incremental input. An
 * instance is reset by {@link #digest()} and is not thread-safe.
 */
public final class Md4 {
    public static final int DIGEST_LENGTH = 16;
    private static final int BLOCK = 64;

    private final int[] state = new int[4];
    private final int[] x = new int[16];
    private final byte[] buffer = new byte[BLOCK];
    private int buffered;
    private long length;

    public Md4() {
        reset();
    }

    public static byte[] digest(byte[] data) {
        Md4 md4 = new Md4();
        md4.update(data, 0, data.length);
        return md4.digest();
    }

    public void reset() {
        // RFC 1320 §3.3: initialize the MD buffer
        state[0] = 0x67452301;
        state[1] = 0xefcdab89;
        state[2] = 0x98badcfe;
        state[3] = 0x10325476;
        buffered = 0;
        length = 0;
        Arrays.fill(buffer, (byte) 0);
    }

    public void update(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        length += len;
        while (len > 0) {
            int n = Math.min(len, BLOCK - buffered);
            System.arraycopy(data, off, buffer, buffered, n);
            buffered += n;
            off += n;
            len -= n;
            if (buffered == BLOCK) {
                compress(buffer, 0);
                buffered = 0;
            }
        }
    }

    public byte[] digest() {
        long bits = length << 3;
        // RFC 1320 §3.1-3.2: a 1 bit, zeros to 56 mod 64 octets, then the bit length, low octet first
        byte[] pad = new byte[(buffered < 56 ? 56 : 120) - buffered + 8];
        pad[0] = (byte) 0x80;
        for (int i = 0; i < 8; i++) {
            pad[pad.length - 8 + i] = (byte) (bits >>> (8 * i));
        }
        long keep = length;
        update(pad, 0, pad.length);
        length = keep;
        byte[] out = new byte[DIGEST_LENGTH];
        for (int i = 0; i < 4; i++) {
            int s = state[i];
            out[4 * i] = (byte) s;
            out[4 * i + 1] = (byte) (s >>> 8);
            out[4 * i + 2] = (byte) (s >>> 16);
            out[4 * i + 3] = (byte) (s >>> 24);
        }
        reset();
        return out;
    }

    // RFC 1320 §3.4: process the message in 16-word blocks
    private void compress(byte[] block, int off) {
        for (int i = 0; i < 16; i++) {
            int j = off + 4 * i;
            x[i] = (block[j] & 0xff) | (block[j + 1] & 0xff) << 8 | (block[j + 2] & 0xff) << 16 | (block[j + 3] & 0xff) << 24;
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];

        // Round 1: F(X,Y,Z) = XY v not(X) Z, words in order, shifts 3 7 11 19
        for (int i = 0; i < 16; i += 4) {
            a = Integer.rotateLeft(a + f(b, c, d) + x[i], 3);
            d = Integer.rotateLeft(d + f(a, b, c) + x[i + 1], 7);
            c = Integer.rotateLeft(c + f(d, a, b) + x[i + 2], 11);
            b = Integer.rotateLeft(b + f(c, d, a) + x[i + 3], 19);
        }
        // Round 2: G(X,Y,Z) = XY v XZ v YZ, words by column, constant 0x5a827999, shifts 3 5 9 13
        for (int i = 0; i < 4; i++) {
            a = Integer.rotateLeft(a + g(b, c, d) + x[i] + 0x5a827999, 3);
            d = Integer.rotateLeft(d + g(a, b, c) + x[i + 4] + 0x5a827999, 5);
            c = Integer.rotateLeft(c + g(d, a, b) + x[i + 8] + 0x5a827999, 9);
            b = Integer.rotateLeft(b + g(c, d, a) + x[i + 12] + 0x5a827999, 13);
        }
        // Round 3: H(X,Y,Z) = X xor Y xor Z, words in bit-reversed order, constant 0x6ed9eba1, shifts 3 9 11 15
        for (int i : new int[] {0, 2, 1, 3}) {
            a = Integer.rotateLeft(a + h(b, c, d) + x[i] + 0x6ed9eba1, 3);
            d = Integer.rotateLeft(d + h(a, b, c) + x[i + 8] + 0x6ed9eba1, 9);
            c = Integer.rotateLeft(c + h(d, a, b) + x[i + 4] + 0x6ed9eba1, 11);
            b = Integer.rotateLeft(b + h(c, d, a) + x[i + 12] + 0x6ed9eba1, 15);
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        Arrays.fill(x, 0);
    }

    private static int f(int x, int y, int z) {
        return (x & y) | (~x & z);
    }

    private static int g(int x, int y, int z) {
        return (x & y) | (x & z) | (y & z);
    }

    private static int h(int x, int y, int z) {
        return x ^ y ^ z;
    }
}
