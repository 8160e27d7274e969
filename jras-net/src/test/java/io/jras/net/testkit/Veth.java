package io.jras.net.testkit;

import java.util.List;

/**
 * A veth pair joining two {@link TestNamespace}s, an address on each end, both ends up. The pair is
 * created directly inside the two namespaces (never in the host's), so it cannot outlive them;
 * {@link #close()} deletes it earlier (deleting one end removes both). Close it before the
 * namespaces (declare it after them in try-with-resources).
 */
public final class Veth implements AutoCloseable {

    /** Each end's name inside its own namespace. */
    public static final String NAME = "jveth0";

    private final TestNamespace first;
    private final TestNamespace second;

    private Veth(TestNamespace first, TestNamespace second) {
        this.first = first;
        this.second = second;
    }

    /**
     * Joins {@code first} and {@code second}: {@code firstAddress} and {@code secondAddress} are
     * CIDR addresses (e.g. 10.99.0.1/30, 10.99.0.2/30). Fails the test if any step fails, and then
     * leaves no pair behind.
     */
    public static Veth join(TestNamespace first, String firstAddress, TestNamespace second, String secondAddress) {
        TestNamespace.Result r = TestNamespace.run(List.of("ip", "link", "add", NAME, "netns", first.name(), "type", "veth",
                "peer", "name", NAME, "netns", second.name()), 10);
        if (r.exit() != 0) {
            throw new AssertionError("cannot create a veth pair between " + first.name() + " and " + second.name() + ": "
                    + r.output());
        }
        Veth veth = new Veth(first, second);
        try {
            first.ip("addr", "add", firstAddress, "dev", NAME);
            second.ip("addr", "add", secondAddress, "dev", NAME);
            first.ip("link", "set", NAME, "up");
            second.ip("link", "set", NAME, "up");
        } catch (AssertionError e) {
            veth.close();
            throw e;
        }
        return veth;
    }

    /** Whether an end of the pair is still in either namespace. */
    public boolean exists() {
        return first.tryIp("link", "show", NAME).exit() == 0 || second.tryIp("link", "show", NAME).exit() == 0;
    }

    @Override
    public void close() {
        // Deleting one end takes the other with it; if the first namespace lost its end, try the second.
        if (first.tryIp("link", "del", NAME).exit() != 0) {
            second.tryIp("link", "del", NAME);
        }
    }
}
