package io.jras.ppp.auth.chap;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The MS-CHAPv2 primitives of RFC 2759 §8, named as there and checked against the §9.2 example.
 * User names are octets as sent in the CHAP Name field; passwords are Java strings, hashed as
 * UTF-16LE ("Unicode", RFC 2759 §8.3).
 */
public final class MsChapV2 {
    public static final int AUTHENTICATOR_CHALLENGE_LENGTH = 16;
    public static final int PEER_CHALLENGE_LENGTH = 16;
    public static final int NT_RESPONSE_LENGTH = 24;
    /** The 20-octet Authenticator Response, written as 40 hex digits after "S=". */
    public static final int AUTHENTICATOR_RESPONSE_LENGTH = 20;

    // RFC 2759 §8.7: "Magic server to client signing constant"
    private static final byte[] MAGIC1 = "Magic server to client signing constant".getBytes(StandardCharsets.US_ASCII);
    // RFC 2759 §8.7: "Pad to make it do more than one iteration"
    private static final byte[] MAGIC2 = "Pad to make it do more than one iteration".getBytes(StandardCharsets.US_ASCII);

    private MsChapV2() {
    }

    /**
     * RFC 2759 §8.1 GenerateNTResponse: the 24-octet NT-Response the peer sends.
     */
    public static byte[] generateNtResponse(byte[] authenticatorChallenge, byte[] peerChallenge,
                                            byte[] userName, String password) {
        byte[] challenge = challengeHash(peerChallenge, authenticatorChallenge, userName);
        byte[] passwordHash = ntPasswordHash(password);
        try {
            return challengeResponse(challenge, passwordHash);
        } finally {
            Arrays.fill(passwordHash, (byte) 0);
        }
    }

    /**
     * RFC 2759 §8.2 ChallengeHash: the first 8 octets of SHA1(PeerChallenge || AuthenticatorChallenge
     * || UserName), where only the user name is hashed, without any "domain\" prefix.
     */
    public static byte[] challengeHash(byte[] peerChallenge, byte[] authenticatorChallenge, byte[] userName) {
        requireLength(peerChallenge, PEER_CHALLENGE_LENGTH, "PeerChallenge");
        requireLength(authenticatorChallenge, AUTHENTICATOR_CHALLENGE_LENGTH, "AuthenticatorChallenge");
        MessageDigest sha1 = sha1();
        sha1.update(peerChallenge);
        sha1.update(authenticatorChallenge);
        sha1.update(withoutDomain(userName));
        return Arrays.copyOf(sha1.digest(), 8);
    }

    /** The user name after the last backslash, as RFC 2759 §8.2 hashes it ("DOMAIN\User" → "User"). */
    public static byte[] withoutDomain(byte[] userName) {
        for (int i = userName.length - 1; i >= 0; i--) {
            if (userName[i] == '\\') {
                return Arrays.copyOfRange(userName, i + 1, userName.length);
            }
        }
        return userName;
    }

    /** RFC 2759 §8.3 NtPasswordHash: MD4 of the password in UTF-16LE. */
    public static byte[] ntPasswordHash(String password) {
        Objects.requireNonNull(password, "password");
        byte[] unicode = password.getBytes(StandardCharsets.UTF_16LE);
        try {
            return Md4.digest(unicode);
        } finally {
            Arrays.fill(unicode, (byte) 0);
        }
    }

    /** RFC 2759 §8.4 HashNtPasswordHash: MD4 of the 16-octet PasswordHash. */
    public static byte[] hashNtPasswordHash(byte[] passwordHash) {
        requireLength(passwordHash, Md4.DIGEST_LENGTH, "PasswordHash");
        return Md4.digest(passwordHash);
    }

    /**
     * RFC 2759 §8.5 ChallengeResponse: the 8-octet challenge DES-encrypted under each 7-octet third
     * of the PasswordHash padded with zeros to 21 octets.
     */
    public static byte[] challengeResponse(byte[] challenge, byte[] passwordHash) {
        requireLength(challenge, 8, "Challenge");
        requireLength(passwordHash, Md4.DIGEST_LENGTH, "PasswordHash");
        byte[] zPasswordHash = Arrays.copyOf(passwordHash, 21);
        byte[] response = new byte[NT_RESPONSE_LENGTH];
        try {
            for (int i = 0; i < 3; i++) {
                desEncrypt(challenge, zPasswordHash, 7 * i, response, 8 * i);
            }
        } finally {
            Arrays.fill(zPasswordHash, (byte) 0);
        }
        return response;
    }

    /**
     * RFC 2759 §8.6 DesEncrypt: one DES block under a 7-octet key, spread to 8 octets with odd
     * parity in the low bit of each.
     */
    static void desEncrypt(byte[] clear, byte[] key7, int keyOff, byte[] out, int outOff) {
        byte[] key = desKey(key7, keyOff);
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            des.doFinal(clear, 0, 8, out, outOff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DES/ECB/NoPadding is not available in this JRE", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** 56 key bits in 7 octets to 8 octets of 7 bits each, the low bit set for odd parity. */
    static byte[] desKey(byte[] k, int off) {
        byte[] key = new byte[8];
        long bits = 0;
        for (int i = 0; i < 7; i++) {
            bits = (bits << 8) | (k[off + i] & 0xff);
        }
        for (int i = 0; i < 8; i++) {
            int seven = (int) (bits >>> (49 - 7 * i)) & 0x7f;
            int b = seven << 1;
            key[i] = (byte) (Integer.bitCount(b) % 2 == 0 ? b | 1 : b);
        }
        return key;
    }

    /**
     * RFC 2759 §8.7 GenerateAuthenticatorResponse: the 20 octets the authenticator proves it knows
     * the password with; sent as "S=" and 40 upper-case hex digits (see {@link #authenticatorResponseText}).
     */
    public static byte[] generateAuthenticatorResponse(String password, byte[] ntResponse, byte[] peerChallenge,
                                                       byte[] authenticatorChallenge, byte[] userName) {
        requireLength(ntResponse, NT_RESPONSE_LENGTH, "NT-Response");
        byte[] passwordHash = ntPasswordHash(password);
        byte[] passwordHashHash = hashNtPasswordHash(passwordHash);
        try {
            MessageDigest sha1 = sha1();
            sha1.update(passwordHashHash);
            sha1.update(ntResponse);
            sha1.update(MAGIC1);
            byte[] digest = sha1.digest();
            byte[] challenge = challengeHash(peerChallenge, authenticatorChallenge, userName);
            sha1.update(digest);
            sha1.update(challenge);
            sha1.update(MAGIC2);
            return sha1.digest();
        } finally {
            Arrays.fill(passwordHash, (byte) 0);
            Arrays.fill(passwordHashHash, (byte) 0);
        }
    }

    /** "S=" followed by the Authenticator Response as 40 upper-case hex digits (RFC 2759 §5). */
    public static String authenticatorResponseText(byte[] authenticatorResponse) {
        requireLength(authenticatorResponse, AUTHENTICATOR_RESPONSE_LENGTH, "AuthenticatorResponse");
        return "S=" + HexFormat.of().withUpperCase().formatHex(authenticatorResponse);
    }

    /**
     * RFC 2759 §8.8 CheckAuthenticatorResponse: whether {@code received} (the "S=..." text from a
     * Success packet) is the Authenticator Response this password and exchange produce.
     */
    public static boolean checkAuthenticatorResponse(String password, byte[] ntResponse, byte[] peerChallenge,
                                                     byte[] authenticatorChallenge, byte[] userName,
                                                     String received) {
        byte[] expected = authenticatorResponseText(generateAuthenticatorResponse(password, ntResponse,
                peerChallenge, authenticatorChallenge, userName)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, received.getBytes(StandardCharsets.US_ASCII));
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available in this JRE", e);
        }
    }

    private static void requireLength(byte[] b, int length, String name) {
        if (b.length != length) {
            throw new IllegalArgumentException(name + " must be " + length + " octets, not " + b.length);
        }
    }
}
