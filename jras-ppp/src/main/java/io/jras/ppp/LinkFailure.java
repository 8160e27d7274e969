package io.jras.ppp;

/**
 * Why a link ended, as one closed type. Each case maps to the RAS error a Windows RAS client would
 * report for it, so the manager can hand it to callers unchanged.
 */
public sealed interface LinkFailure {

    /** The RAS error code (691, 718, ...). */
    int rasError();

    /** One line for people; carries the peer's own text where there is one, never a secret. */
    String message();

    /** The peer refused our credentials (PAP Authenticate-Nak, CHAP Failure). */
    record AuthenticationFailed(AuthProtocol protocol, String peerMessage) implements LinkFailure {
        public int rasError() { return 691; }
        public String message() { return protocol.displayName() + " authentication failed: " + peerMessage; }
    }

    /** We, the authenticator, refused the peer. */
    record PeerFailedAuthentication(AuthProtocol protocol, String reason) implements LinkFailure {
        public int rasError() { return 691; }
        public String message() { return "the peer failed " + protocol.displayName() + " authentication: " + reason; }
    }

    /** No authentication protocol could be agreed (the peer rejected ours, or we refuse its). */
    record AuthenticationRefused(String reason) implements LinkFailure {
        public int rasError() { return 691; }
        public String message() { return "no authentication protocol agreed: " + reason; }
    }

    /** A control protocol got no answer: Max-Configure Configure-Requests went unanswered. */
    record NegotiationTimeout(Protocol protocol) implements LinkFailure {
        public int rasError() { return 718; }
        public String message() { return protocol.displayName() + " negotiation timed out"; }
    }

    /** The peer kept Nak'ing without converging. */
    record NotConverging(Protocol protocol) implements LinkFailure {
        public int rasError() { return 732; }
        public String message() { return protocol.displayName() + " negotiation did not converge"; }
    }

    /** The peer sent an LCP Terminate-Request; {@code reason} is its text. */
    record RemoteTerminated(String reason) implements LinkFailure {
        public int rasError() { return 719; }
        public String message() { return "the peer terminated the link" + (reason.isEmpty() ? "" : ": \"" + reason + "\""); }
    }

    /** No network protocol could be opened (IPCP rejected or failed). */
    record NoNetworkProtocols(String reason) implements LinkFailure {
        public int rasError() { return 720; }
        public String message() { return "no network protocols: " + reason; }
    }

    /** LCP had to stop: the peer rejected something LCP cannot do without. */
    record LcpTerminated(String reason) implements LinkFailure {
        public int rasError() { return 734; }
        public String message() { return "LCP terminated: " + reason; }
    }

    /** Our own Magic-Number kept coming back: the line is looped back. */
    record Loopback() implements LinkFailure {
        public int rasError() { return 737; }
        public String message() { return "loopback detected"; }
    }

    /** IPCP opened but gave us no address. */
    record NoAddressAssigned() implements LinkFailure {
        public int rasError() { return 738; }
        public String message() { return "the peer assigned no IP address"; }
    }

    /** LCP Echo-Requests went unanswered (keepalive). */
    record PeerDead(int unanswered) implements LinkFailure {
        public int rasError() { return 721; }
        public String message() { return "the peer did not answer " + unanswered + " LCP Echo-Requests"; }
    }

    /** The line went away under us (carrier lost, TCP closed). */
    record LowerLayerDown(boolean afterNetworkUp) implements LinkFailure {
        public int rasError() { return afterNetworkUp ? 629 : 628; }
        public String message() { return "the line was disconnected"; }
    }

    /** We closed the link on request. */
    record LocalClose(String reason) implements LinkFailure {
        public int rasError() { return 631; }
        public String message() { return "closed: " + reason; }
    }
}
