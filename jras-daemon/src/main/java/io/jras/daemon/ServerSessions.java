package io.jras.daemon;

import io.jras.core.ConnectionManager;
import io.jras.core.IncomingConnection;
import io.jras.core.iface.InterfaceStatus;
import io.jras.link.RasException;
import io.jras.ppp.LinkStatistics;
import io.jras.ppp.Projection;
import io.jras.server.AnswerServer;
import io.jras.server.ServerConfig;
import io.jras.server.SessionEnd;
import io.jras.server.SessionInfo;
import io.jras.server.SessionLink;
import io.jras.server.SessionListener;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * Puts one answering server's sessions into the connection manager: each session whose network
 * is up is {@linkplain ConnectionManager#register registered} (a handle, listed as incoming, owned
 * by who started the server), a hang-up through the manager becomes the server's LCP Terminate,
 * and the session's end makes the handle invalid.
 */
final class ServerSessions implements SessionListener {

    private final ConnectionManager manager;
    private final int owner;
    private final LongConsumer registered;
    private record Registered(Link link, IncomingConnection.Registration registration) {
    }

    private final Map<Long, Registered> byId = new ConcurrentHashMap<>();
    private volatile AnswerServer server;

    /** @param registered hears each handle given to a session (the daemon records its owner) */
    ServerSessions(ConnectionManager manager, int owner, LongConsumer registered) {
        this.manager = manager;
        this.owner = owner;
        this.registered = registered;
    }

    /** The server these sessions come from; set before it starts. */
    void attach(AnswerServer s) {
        this.server = s;
    }

    @Override
    public void started(SessionInfo session) {
        AnswerServer s = server;
        SessionLink line = s.link(session.id()).orElse(null);
        if (line == null) {
            return; // ended already
        }
        try {
            Link link = new Link(s, session, line);
            IncomingConnection.Registration r = manager.register(link, owner);
            registered.accept(r.handle());
            byId.put(session.id(), new Registered(link, r));
        } catch (RasException e) {
            s.hangUp(session.id(), "jras is shutting down");
        }
    }

    @Override
    public void ended(SessionInfo session, SessionEnd end) {
        Registered r = byId.remove(session.id());
        if (r != null) {
            r.link().ended(end);
            r.registration().ended(end.rasError(), end.reason());
        }
    }

    /** One session as the manager sees it; what cannot change is taken when the network came up. */
    private static final class Link implements IncomingConnection {

        private final AnswerServer server;
        private final SessionInfo session;
        private final SessionLink line;
        /** The counters last read, kept for the tombstone once the server has let the session go. */
        private volatile LinkStatistics last;

        Link(AnswerServer server, SessionInfo session, SessionLink line) {
            this.server = server;
            this.session = session;
            this.line = line;
            this.last = line.statistics();
        }

        /** The final line octets come with the end report. */
        void ended(SessionEnd end) {
            LinkStatistics l = last == null ? LinkStatistics.ZERO : last;
            last = new LinkStatistics(end.octetsOut(), end.octetsIn(), l.framesTransmitted(), l.framesReceived(),
                    l.crcErrors(), l.timeoutErrors(), l.alignmentErrors(), l.framingErrors(), l.bufferOverrunErrors(),
                    l.discardedPackets(), l.datagramsTransmitted(), l.datagramsReceived());
        }

        @Override
        public String deviceType() {
            return line.deviceType();
        }

        @Override
        public String deviceName() {
            return line.deviceName();
        }

        @Override
        public String serverName() {
            return server.config().name();
        }

        @Override
        public String user() {
            return session.user();
        }

        @Override
        public String caller() {
            InetSocketAddress p = session.peer();
            if (p == null) {
                return session.device(); // a call on a modem line: no address to show
            }
            String host = p.getAddress() == null ? p.getHostString() : p.getAddress().getHostAddress();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + p.getPort();
        }

        /** What PPP negotiated; DNS is what this server hands out (RFC 1877), our side never asks for any. */
        @Override
        public Projection projection() {
            Projection p = line.projection();
            if (p == null) {
                return null;
            }
            ServerConfig c = server.config();
            return new Projection(p.localAddress(), p.remoteAddress(), c.primaryDns(), c.secondaryDns(),
                    p.localInterfaceId(), p.remoteInterfaceId(), p.authenticatedWith(), p.peerAuthenticatedWith(),
                    p.peerName(), p.ours(), p.his());
        }

        @Override
        public InterfaceStatus netInterface() {
            return server.link(session.id()).map(SessionLink::netInterface).orElse(line.netInterface());
        }

        @Override
        public LinkStatistics statistics() {
            server.link(session.id()).map(SessionLink::statistics).ifPresent(now -> last = now);
            return last;
        }

        @Override
        public void hangUp(String reason) {
            server.hangUp(session.id(), reason);
        }
    }
}
