package io.jras.ppp.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Property tests as plain JUnit parameterized tests over fixed seeds. A test's
 * {@code @MethodSource} returns {@link #cases}: first its edge cases, each named for what it is,
 * then one case per seed whose input is drawn from {@code new SplittableRandom(seed)}, so a seed
 * gives the same input on every run and machine. The test runs its body through
 * {@link Case#check}, which names the case (the seed) in any failure.
 *
 * <pre>{@code
 * static Stream<Case<Split>> splits() {
 *     return Seeds.cases(edges, 1000, r -> new Split(Seeds.bytes(r, 0, 64), r.nextInt(65)));
 * }
 *
 * // annotated @ParameterizedTest(name = "{0}") and @MethodSource("splits")
 * void updateCanBeSplitAnywhere(Case<Split> c) {
 *     c.check(in -> assertThat(...)...);
 * }
 * }</pre>
 */
public final class Seeds {

    /** Bytes that sit on a boundary of a signed or unsigned octet. */
    private static final byte[] EDGE_OCTETS = {0x00, 0x01, 0x7F, (byte) 0x80, (byte) 0xFF};

    /** Ints that sit on a boundary. */
    private static final int[] EDGE_INTS = {0, 1, -1, 2, -2, Integer.MIN_VALUE, Integer.MAX_VALUE,
            Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1};

    private Seeds() {
    }

    /** One input under its name, {@code seed N} or {@code edge ...}; it shows as its name. */
    public record Case<T>(String name, T input) {

        /** Runs {@code body} on the input; a failure or exception is reported under this name. */
        public void check(Consumer<? super T> body) {
            try {
                body.accept(input);
            } catch (AssertionError e) {
                throw new AssertionError(name + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new AssertionError(name + ": threw " + e, e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The edge cases, then one case for each seed from 0 to {@code seeds - 1}. */
    public static <T> Stream<Case<T>> cases(List<Case<T>> edges, int seeds,
            Function<SplittableRandom, T> draw) {
        return Stream.concat(edges.stream(), IntStream.range(0, seeds)
                .mapToObj(seed -> new Case<>("seed " + seed, draw.apply(new SplittableRandom(seed)))));
    }

    /** An edge case. */
    public static <T> Case<T> edge(String name, T input) {
        return new Case<>("edge " + name, input);
    }

    /**
     * A size in {@code [min, max]} shaped as property-testing tools draw them: the bounds and small
     * sizes often, any size otherwise.
     */
    public static int size(SplittableRandom r, int min, int max) {
        int roll = r.nextInt(10);
        if (roll == 0) {
            return min;
        }
        if (roll == 1) {
            return max;
        }
        if (roll < 5) {
            return min + r.nextInt(Math.min(max - min, 16) + 1);
        }
        return (int) r.nextLong(min, max + 1L);
    }

    /** Random octets, {@link #size} of them. */
    public static byte[] bytes(SplittableRandom r, int minSize, int maxSize) {
        byte[] b = new byte[size(r, minSize, maxSize)];
        r.nextBytes(b);
        return b;
    }

    /** {@code size} copies of {@code octet}. */
    public static byte[] filled(int size, int octet) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) octet);
        return b;
    }

    /**
     * The arrays a property tool tries first for a size range, and the longest: the shortest
     * (empty where allowed), one octet on each boundary, the longest of zeros, of 0xFF and of
     * random octets.
     */
    public static List<Case<byte[]>> edgeBytes(int minSize, int maxSize) {
        List<Case<byte[]>> edges = new ArrayList<>();
        if (minSize == 0) {
            edges.add(new Case<>("empty", new byte[0]));
        }
        if (minSize <= 1 && maxSize >= 1) {
            for (byte b : EDGE_OCTETS) {
                edges.add(new Case<>(String.format("[%02x]", b & 0xFF), new byte[] {b}));
            }
        }
        if (minSize > 1) {
            edges.add(new Case<>(minSize + "x00", new byte[minSize]));
            edges.add(new Case<>(minSize + "xff", filled(minSize, 0xFF)));
        }
        edges.add(new Case<>(maxSize + "x00", new byte[maxSize]));
        edges.add(new Case<>(maxSize + "xff", filled(maxSize, 0xFF)));
        byte[] random = new byte[maxSize];
        new SplittableRandom(maxSize).nextBytes(random);
        edges.add(new Case<>(maxSize + " random", random));
        return edges;
    }

    /** An int in {@code [min, max]}, now and then one of the bounds. */
    public static int between(SplittableRandom r, int min, int max) {
        int roll = r.nextInt(10);
        return roll == 0 ? min : roll == 1 ? max : (int) r.nextLong(min, max + 1L);
    }

    /** Any int, now and then 0, ±1, ±2 or near {@code MIN_VALUE} or {@code MAX_VALUE}. */
    public static int anyInt(SplittableRandom r) {
        return r.nextInt(10) == 0 ? EDGE_INTS[r.nextInt(EDGE_INTS.length)] : r.nextInt();
    }

    /** The boundary ints {@link #anyInt} mixes in. */
    public static int[] edgeInts() {
        return EDGE_INTS.clone();
    }

    /** One of the choices, each as likely. */
    public static <T> T oneOf(SplittableRandom r, List<T> choices) {
        return choices.get(r.nextInt(choices.size()));
    }

    /** One of the choices, each as likely. */
    public static int oneOf(SplittableRandom r, int... choices) {
        return choices[r.nextInt(choices.length)];
    }
}
