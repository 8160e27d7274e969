package io.jras.server.radius;

import io.jras.ppp.auth.PeerProof;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The NAS side of RADIUS for one {@code jras serve}: authenticates peers with Access-Requests
 * (RFC 2865) and reports sessions with Accounting-Requests Start and Stop (RFC 2866), all sessions
 * over one {@link RadiusClient} socket.
 *
 * <p>Nothing here logs; callers get reasons that never contain a password or the secret.
 */
public final class RadiusNas implements AutoCloseable {

    // RFC 2866 §5.1, §5.6
    static final int ACCT_STATUS_START = 1;
    static final int ACCT_STATUS_STOP = 2;
    static final int ACCT_AUTHENTIC_RADIUS = 1;

    private final RadiusConfig config;
    private final RadiusClient client;

    public RadiusNas(RadiusConfig config) throws IOException {
        this.config = Objects.requireNonNull(config, "config");
        this.client = new RadiusClient(config.secret(), config.timeout(), config.tries());
    }

    public RadiusConfig config() {
        return config;
    }

    public RadiusClient.Statistics statistics() {
        return client.statistics();
    }

    /**
     * Asks the RADIUS server about {@code proof}. Never completes exceptionally: a server that does
     * not answer, or a proof RADIUS cannot carry, is a rejection with the reason.
     */
    public CompletableFuture<RadiusVerdict> authenticate(PeerProof proof, NasPort port) {
        List<RadiusAttribute> probe = AccessRequests.attributes(proof, port, config.nasIdentifier(), config.secret(),
                new byte[16]).orElse(null);
        if (probe == null) {
            return CompletableFuture.completedFuture(RadiusVerdict.reject("the user name or password is too long for RADIUS"));
        }
        return client.send(config.authServer(), RadiusPacket.ACCESS_REQUEST,
                        ra -> AccessRequests.attributes(proof, port, config.nasIdentifier(), config.secret(), ra).orElseThrow())
                .handle((response, error) -> error == null ? AccessRequests.verdict(proof, response)
                        : RadiusVerdict.reject(reason(error)));
    }

    /** RFC 2866 §5.1 Acct-Status-Type Start, once the session's network is up. Completes with null or the failure. */
    public CompletableFuture<String> accountingStart(String sessionId, String user, NasPort port, int framedIp) {
        return account(startAttributes(sessionId, user, port, framedIp, ACCT_STATUS_START));
    }

    /** RFC 2866 §5.1 Acct-Status-Type Stop, with the session's time and counts. */
    public CompletableFuture<String> accountingStop(String sessionId, String user, NasPort port, int framedIp,
                                                    AccountingStop stop) {
        List<RadiusAttribute> a = startAttributes(sessionId, user, port, framedIp, ACCT_STATUS_STOP);
        a.add(RadiusAttribute.integer(RadiusAttribute.ACCT_SESSION_TIME, stop.sessionSeconds()));
        // RFC 2866 §5.3-5.4 with RFC 2869 §5.1-5.2: the octets modulo 2^32, and how often they wrapped
        a.add(RadiusAttribute.integer(RadiusAttribute.ACCT_INPUT_OCTETS, stop.inputOctets() & 0xffffffffL));
        a.add(RadiusAttribute.integer(RadiusAttribute.ACCT_OUTPUT_OCTETS, stop.outputOctets() & 0xffffffffL));
        a.add(RadiusAttribute.integer(RadiusAttribute.ACCT_INPUT_GIGAWORDS, stop.inputOctets() >>> 32));
        a.add(RadiusAttribute.integer(RadiusAttribute.ACCT_OUTPUT_GIGAWORDS, stop.outputOctets() >>> 32));
        a.add(RadiusAttribute.integer(RadiusAttribute.ACCT_INPUT_PACKETS, stop.inputPackets()));
        a.add(RadiusAttribute.integer(RadiusAttribute.ACCT_OUTPUT_PACKETS, stop.outputPackets()));
        a.add(RadiusAttribute.integer(RadiusAttribute.ACCT_TERMINATE_CAUSE, stop.cause().value()));
        return account(a);
    }

    private List<RadiusAttribute> startAttributes(String sessionId, String user, NasPort port, int framedIp, int status) {
        List<RadiusAttribute> a = new ArrayList<>();
        a.add(RadiusAttribute.integer(RadiusAttribute.ACCT_STATUS_TYPE, status));
        a.add(RadiusAttribute.string(RadiusAttribute.ACCT_SESSION_ID, sessionId));
        if (!user.isEmpty()) {
            a.add(RadiusAttribute.string(RadiusAttribute.USER_NAME, user));
        }
        a.add(RadiusAttribute.integer(RadiusAttribute.ACCT_AUTHENTIC, ACCT_AUTHENTIC_RADIUS));
        if (framedIp != 0) {
            a.add(RadiusAttribute.integer(RadiusAttribute.FRAMED_IP_ADDRESS, framedIp & 0xffffffffL));
        }
        a.addAll(AccessRequests.nasAttributes(port, config.nasIdentifier()));
        return a;
    }

    private CompletableFuture<String> account(List<RadiusAttribute> attributes) {
        return client.send(config.acctServer(), RadiusPacket.ACCOUNTING_REQUEST, ignored -> attributes)
                .handle((response, error) -> error == null ? null : reason(error));
    }

    private static String reason(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof RadiusTimeoutException) {
            return e.getMessage();
        }
        if (e instanceof java.nio.channels.ClosedChannelException) {
            return "the RADIUS client is closed";
        }
        return "RADIUS request failed: " + e.getClass().getSimpleName();
    }

    /** Waits up to {@code drain} for requests in flight (accounting Stops), then closes the socket. */
    public void close(Duration drain) {
        client.close(drain);
    }

    @Override
    public void close() {
        close(config.timeout().multipliedBy(config.tries()));
    }

    @Override
    public String toString() {
        return "RadiusNas[" + config + "]";
    }
}
