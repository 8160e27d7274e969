package io.jras.ppp.testkit.peers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against real PPP peers ({@link PeerProcess}): a fresh logs dir per
 * test, peer log tails on failure, leftover peers closed. Such classes are named {@code *IT} so
 * that failsafe runs them in {@code mvn verify}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PeerLogs.class)
@Tag("interop")
public @interface RealPeers {
}
