package io.jras.core;

import io.jras.core.iface.InterfacePolicy;
import io.jras.core.testkit.AnsweringPeer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of {@link UnprivilegedInterfaceTest}: dials an in-process answering peer with host
 * interfaces on and prints the state and the interface status, one "key=value" per line.
 */
public final class UnprivilegedDial {

    private UnprivilegedDial() {
    }

    public static void main(String[] args) throws Exception {
        try (AnsweringPeer peer = new AnsweringPeer();
             ConnectionManager m = new ConnectionManager(ManagerConfig.DEFAULT.withInterfaces(InterfacePolicy.ON))) {
            long h = m.dialAndWait(DialRequest.of("Lab", LinkDevices.forSpec("tcp:127.0.0.1:" + peer.port()),
                    "alice", "wonderland"), Duration.ofSeconds(30));
            ConnectionStatus s = m.status(h);
            System.out.println("state=" + s.state());
            System.out.println("local=" + s.projection().localAddressText());
            System.out.println("interface.state=" + s.netInterface().state());
            System.out.println("interface.name=" + s.netInterface().name());
            System.out.println("interface.reason=" + s.netInterface().reason());
            m.hangUp(h);
            m.completion(h).get(30, TimeUnit.SECONDS);
        }
        System.exit(0);
    }
}
