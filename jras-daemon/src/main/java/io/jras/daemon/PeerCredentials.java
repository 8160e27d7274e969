package io.jras.daemon;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.OptionalInt;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/** The kernel's word on who connected (SO_PEERCRED, taken at connect time). */
final class PeerCredentials {

    private PeerCredentials() {
    }

    /** The caller, or empty when the uid cannot be established (the client is then refused). */
    static java.util.Optional<Caller> of(SocketChannel channel) throws IOException {
        UnixDomainPrincipal p = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
        String name = p.user().getName();
        OptionalInt uid = Users.uidOf(name);
        return uid.isPresent() ? java.util.Optional.of(new Caller(uid.getAsInt(), name)) : java.util.Optional.empty();
    }
}
