package io.jras.server.radius;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hashes that bind RADIUS packets to the shared secret: the User-Password hiding (RFC 2865
 * §5.2), the Response Authenticator (§3), the Accounting-Request Authenticator (RFC 2866 §3) and
 * the Message-Authenticator (RFC 3579 §3.2). Stateless.
 */
final class RadiusCrypto {

    private RadiusCrypto() {
    }

    /**
     * RFC 2865 §5.2: the password padded with zeros to a multiple of 16 octets, each 16-octet
     * chunk XORed with MD5(secret + previous cipher chunk), the first with MD5(secret + RA).
     */
    static byte[] hidePassword(byte[] password, RadiusSecret secret, byte[] requestAuthenticator) {
        if (password.length > 128) {
            throw new IllegalArgumentException("a User-Password is at most 128 octets");
        }
        int n = Math.max(16, (password.length + 15) / 16 * 16);
        byte[] out = Arrays.copyOf(password, n);
        byte[] s = secret.octets();
        byte[] previous = requestAuthenticator;
        for (int i = 0; i < n; i += 16) {
            MessageDigest md5 = md5();
            md5.update(s);
            md5.update(previous);
            byte[] b = md5.digest();
            for (int j = 0; j < 16; j++) {
                out[i + j] ^= b[j];
            }
            previous = Arrays.copyOfRange(out, i, i + 16);
        }
        Arrays.fill(s, (byte) 0);
        return out;
    }

    /**
     * RFC 2865 §3: ResponseAuth = MD5(Code + ID + Length + RequestAuth + Attributes + Secret),
     * over the response as received with the request's authenticator in place of its own.
     */
    static byte[] responseAuthenticator(byte[] response, int length, byte[] requestAuthenticator, RadiusSecret secret) {
        MessageDigest md5 = md5();
        md5.update(response, 0, 4);
        md5.update(requestAuthenticator);
        md5.update(response, RadiusPacket.HEADER_LENGTH, length - RadiusPacket.HEADER_LENGTH);
        md5.update(secret.octets());
        return md5.digest();
    }

    /** RFC 2866 §3: RequestAuth = MD5(Code + ID + Length + 16 zero octets + Attributes + Secret). */
    static byte[] accountingRequestAuthenticator(byte[] request, RadiusSecret secret) {
        return responseAuthenticator(request, request.length, new byte[16], secret);
    }

    /**
     * RFC 3579 §3.2: HMAC-MD5 keyed with the secret over the whole packet, its Message-Authenticator
     * value as 16 zero octets and its Authenticator field as {@code authenticatorField} (the
     * Request Authenticator, for requests and for responses alike; zeros for Accounting-Request).
     */
    static byte[] messageAuthenticator(RadiusPacket packet, byte[] authenticatorField, RadiusSecret secret) {
        List<RadiusAttribute> zeroed = new ArrayList<>();
        for (RadiusAttribute a : packet.attributes()) {
            zeroed.add(a.type() == RadiusAttribute.MESSAGE_AUTHENTICATOR
                    ? new RadiusAttribute(RadiusAttribute.MESSAGE_AUTHENTICATOR, new byte[16]) : a);
        }
        byte[] bytes = new RadiusPacket(packet.code(), packet.identifier(), authenticatorField, zeroed).encode();
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(secret.octets(), "HmacMD5"));
            return mac.doFinal(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-MD5 is not available in this JRE", e);
        }
    }

    /** Puts the right Message-Authenticator value into the packet's (first) one. */
    static RadiusPacket signMessageAuthenticator(RadiusPacket packet, byte[] authenticatorField, RadiusSecret secret) {
        byte[] mac = messageAuthenticator(packet, authenticatorField, secret);
        List<RadiusAttribute> out = new ArrayList<>();
        for (RadiusAttribute a : packet.attributes()) {
            out.add(a.type() == RadiusAttribute.MESSAGE_AUTHENTICATOR
                    ? new RadiusAttribute(RadiusAttribute.MESSAGE_AUTHENTICATOR, mac) : a);
        }
        return packet.withAttributes(out);
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is not available in this JRE", e);
        }
    }
}
