package io.jras.ppp.auth;

import io.jras.ppp.AuthProtocol;
import io.jras.ppp.auth.chap.Md5Digest;
import io.jras.ppp.auth.chap.MsChapV2;

import java.util.Objects;

/**
 * What a peer sent to prove who it is, in the form a verifier needs: locally against a known
 * secret ({@link #check(String)}) or remotely by a RADIUS server, which gets exactly these fields
 * (RFC 2865 §5.2-5.3, RFC 2548 §2.3.2). The authenticator role builds one per Request/Response it
 * judges.
 *
 * <p>{@link #toString()} shows the name and the protocol, never the PAP password or a response.
 */
public sealed interface PeerProof {

    /** The name the peer gave: the PAP Peer-ID or the CHAP Name (with any "domain\" prefix). */
    String name();

    AuthProtocol protocol();

    /** Judges the proof against the peer's clear secret (a users file, a test map). */
    PeerVerdict check(String secret);

    /** RFC 1334 §2.2.1: the Peer-ID and the Password, as sent. */
    record Pap(String name, Octets password) implements PeerProof {
        public Pap {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public AuthProtocol protocol() {
            return AuthProtocol.PAP;
        }

        @Override
        public PeerVerdict check(String secret) {
            return Octets.utf8(secret).constantTimeEquals(password) ? PeerVerdict.accept() : PeerVerdict.reject();
        }

        @Override
        public String toString() {
            return "Pap[name=" + name + ", password=<hidden>]";
        }
    }

    /** RFC 1994 §4.1: the Identifier and Value of our Challenge and the peer's Response Value. */
    record ChapMd5(String name, int id, Octets challenge, Octets response) implements PeerProof {
        public ChapMd5 {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(challenge, "challenge");
            Objects.requireNonNull(response, "response");
        }

        @Override
        public AuthProtocol protocol() {
            return AuthProtocol.CHAP_MD5;
        }

        @Override
        public PeerVerdict check(String secret) {
            boolean ok = response.size() == 16 && Md5Digest.response(id, secret, challenge).constantTimeEquals(response);
            return ok ? PeerVerdict.accept() : PeerVerdict.reject();
        }

        @Override
        public String toString() {
            return "ChapMd5[name=" + name + ", id=" + id + "]";
        }
    }

    /**
     * RFC 2759 §4: our Authenticator Challenge and the parts of the peer's 49-octet Response Value
     * (Peer-Challenge, NT-Response, Flags). A local check answers with the Authenticator Response
     * "S=..." that RADIUS would return in MS-CHAP2-Success.
     */
    record MsChapV2Response(String name, int id, Octets authenticatorChallenge, Octets peerChallenge,
                            Octets ntResponse, int flags) implements PeerProof {
        public MsChapV2Response {
            Objects.requireNonNull(name, "name");
            if (authenticatorChallenge.size() != MsChapV2.AUTHENTICATOR_CHALLENGE_LENGTH
                    || peerChallenge.size() != MsChapV2.PEER_CHALLENGE_LENGTH
                    || ntResponse.size() != MsChapV2.NT_RESPONSE_LENGTH) {
                throw new IllegalArgumentException("MS-CHAPv2 challenge or response of the wrong length");
            }
        }

        @Override
        public AuthProtocol protocol() {
            return AuthProtocol.MSCHAP_V2;
        }

        @Override
        public PeerVerdict check(String secret) {
            byte[] user = Octets.utf8(name).toByteArray();
            byte[] auth = authenticatorChallenge.toByteArray();
            byte[] peer = peerChallenge.toByteArray();
            Octets expected = Octets.of(MsChapV2.generateNtResponse(auth, peer, user, secret));
            if (!expected.constantTimeEquals(ntResponse)) {
                return PeerVerdict.reject();
            }
            return PeerVerdict.accept(MsChapV2.authenticatorResponseText(
                    MsChapV2.generateAuthenticatorResponse(secret, ntResponse.toByteArray(), peer, auth, user)));
        }

        @Override
        public String toString() {
            return "MsChapV2Response[name=" + name + ", id=" + id + "]";
        }
    }
}
