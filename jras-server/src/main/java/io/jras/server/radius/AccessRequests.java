package io.jras.server.radius;

import io.jras.ppp.auth.PeerProof;
import io.jras.ppp.auth.PeerVerdict;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns a PPP peer's proof into the attributes of an Access-Request (RFC 2865 §4.1, §5.2-5.3,
 * §5.40; RFC 2548 §2.3.2 for MS-CHAPv2), and an Access-Accept or -Reject into a verdict.
 */
final class AccessRequests {

    // RFC 2865 §5.6, §5.7, §5.41
    static final int SERVICE_TYPE_FRAMED = 2;
    static final int FRAMED_PROTOCOL_PPP = 1;
    static final int NAS_PORT_TYPE_VIRTUAL = 5;
    /** RFC 2865 §5.8: 0xFFFFFFFF "let the user choose", 0xFFFFFFFE "the NAS picks from a pool". */
    private static final int FRAMED_IP_USER_CHOOSES = 0xffffffff;
    private static final int FRAMED_IP_NAS_CHOOSES = 0xfffffffe;
    private static final int MAX_PASSWORD = 128;

    private AccessRequests() {
    }

    /** The request's attributes, or empty if this proof cannot be put into RADIUS (too long a name or password). */
    static Optional<List<RadiusAttribute>> attributes(PeerProof proof, NasPort port, String nasIdentifier,
                                                      RadiusSecret secret, byte[] requestAuthenticator) {
        byte[] user = proof.name().getBytes(StandardCharsets.UTF_8);
        if (user.length == 0 || user.length > RadiusAttribute.MAX_VALUE_LENGTH) {
            return Optional.empty();
        }
        List<RadiusAttribute> a = new ArrayList<>();
        a.add(new RadiusAttribute(RadiusAttribute.USER_NAME, user));
        switch (proof) {
            case PeerProof.Pap pap -> {
                byte[] password = pap.password().toByteArray();
                if (password.length > MAX_PASSWORD) {
                    return Optional.empty();
                }
                // RFC 2865 §5.2: hidden with the secret and the Request Authenticator
                a.add(new RadiusAttribute(RadiusAttribute.USER_PASSWORD,
                        RadiusCrypto.hidePassword(password, secret, requestAuthenticator)));
                java.util.Arrays.fill(password, (byte) 0);
            }
            case PeerProof.ChapMd5 chap -> {
                // RFC 2865 §5.3: CHAP Ident, then the 16-octet Response; §5.40: the Challenge
                a.add(new RadiusAttribute(RadiusAttribute.CHAP_PASSWORD, ByteBuffer.allocate(17)
                        .put((byte) chap.id()).put(chap.response().toByteArray()).array()));
                a.add(new RadiusAttribute(RadiusAttribute.CHAP_CHALLENGE, chap.challenge().toByteArray()));
            }
            case PeerProof.MsChapV2Response ms -> {
                // RFC 2548 §2.3.2: Ident, Flags, Peer-Challenge (16), Reserved (8), Response (24)
                byte[] response = ByteBuffer.allocate(50).put((byte) ms.id()).put((byte) ms.flags())
                        .put(ms.peerChallenge().toByteArray()).put(new byte[8]).put(ms.ntResponse().toByteArray())
                        .array();
                a.add(RadiusAttribute.vendor(RadiusAttribute.VENDOR_MICROSOFT, RadiusAttribute.MS_CHAP_CHALLENGE,
                        ms.authenticatorChallenge().toByteArray()));
                a.add(RadiusAttribute.vendor(RadiusAttribute.VENDOR_MICROSOFT, RadiusAttribute.MS_CHAP2_RESPONSE,
                        response));
            }
        }
        a.addAll(nasAttributes(port, nasIdentifier));
        return Optional.of(a);
    }

    /** RFC 2865 §4.1: who asks (NAS-Identifier), for which port, for what service. */
    static List<RadiusAttribute> nasAttributes(NasPort port, String nasIdentifier) {
        List<RadiusAttribute> a = new ArrayList<>();
        a.add(RadiusAttribute.string(RadiusAttribute.NAS_IDENTIFIER, nasIdentifier));
        a.add(RadiusAttribute.integer(RadiusAttribute.NAS_PORT, port.number()));
        a.add(RadiusAttribute.integer(RadiusAttribute.NAS_PORT_TYPE, NAS_PORT_TYPE_VIRTUAL));
        a.add(RadiusAttribute.integer(RadiusAttribute.SERVICE_TYPE, SERVICE_TYPE_FRAMED));
        a.add(RadiusAttribute.integer(RadiusAttribute.FRAMED_PROTOCOL, FRAMED_PROTOCOL_PPP));
        InetSocketAddress peer = port.peer();
        if (peer != null && peer.getAddress() != null) {
            a.add(RadiusAttribute.string(RadiusAttribute.CALLING_STATION_ID, peer.getAddress().getHostAddress()));
        }
        return a;
    }

    /** What an answer to an Access-Request means for the peer. */
    static RadiusVerdict verdict(PeerProof proof, RadiusPacket response) {
        return switch (response.code()) {
            case RadiusPacket.ACCESS_ACCEPT -> accepted(proof, response);
            case RadiusPacket.ACCESS_REJECT -> RadiusVerdict.reject("rejected by RADIUS");
            // RFC 2865 §4.4: a NAS that does not do challenge/response treats it as a Reject
            case RadiusPacket.ACCESS_CHALLENGE -> RadiusVerdict.reject("RADIUS sent an Access-Challenge, which PPP cannot relay");
            default -> RadiusVerdict.reject("RADIUS answered with code " + response.code());
        };
    }

    private static RadiusVerdict accepted(PeerProof proof, RadiusPacket response) {
        PeerVerdict verdict;
        if (proof instanceof PeerProof.MsChapV2Response) {
            // RFC 2548 §2.3.3: MS-CHAP2-Success is Ident, then "S=" and 40 hex digits
            Optional<byte[]> success = response.vendorAttribute(RadiusAttribute.VENDOR_MICROSOFT,
                    RadiusAttribute.MS_CHAP2_SUCCESS);
            String text = success.filter(s -> s.length >= 43)
                    .map(s -> new String(s, 1, 42, StandardCharsets.US_ASCII)).orElse("");
            verdict = text.isEmpty() ? PeerVerdict.reject("RADIUS accepted MS-CHAPv2 without MS-CHAP2-Success")
                    : PeerVerdict.accept(text);
        } else {
            verdict = PeerVerdict.accept();
        }
        OptionalInt framed = OptionalInt.empty();
        Optional<Long> ip = response.attribute(RadiusAttribute.FRAMED_IP_ADDRESS).flatMap(RadiusAttribute::asInteger);
        if (ip.isPresent()) {
            int v = (int) (long) ip.get();
            if (v != FRAMED_IP_USER_CHOOSES && v != FRAMED_IP_NAS_CHOOSES && v != 0) {
                framed = OptionalInt.of(v);
            }
        }
        return new RadiusVerdict(verdict, framed);
    }
}
