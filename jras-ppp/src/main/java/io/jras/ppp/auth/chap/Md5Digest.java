package io.jras.ppp.auth.chap;

import io.jras.ppp.auth.Octets;
import io.jras.ppp.auth.PeerProof;
import io.jras.ppp.auth.PeerVerdict;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * CHAP with MD5 (RFC 1994 §2.2): the Response Value is MD5(Identifier || secret || Challenge).
 * Success and Failure messages are plain text, "Access granted" and "Access denied" as pppd sends.
 */
public final class Md5Digest implements ChapDigest {
    public static final int CODE = 5;
    public static final int CHALLENGE_LENGTH = 16;
    public static final String ACCESS_GRANTED = "Access granted";
    public static final String ACCESS_DENIED = "Access denied";
    static final String EMPTY_FAILURE_TEXT = "CHAP Failure without a message";

    @Override
    public int code() {
        return CODE;
    }

    @Override
    public String displayName() {
        return "MD5";
    }

    @Override
    public Octets generateChallenge(RandomGenerator random) {
        // RFC 1994 §2.3: the challenge value should be unpredictable and not repeat
        byte[] value = new byte[CHALLENGE_LENGTH];
        random.nextBytes(value);
        return Octets.of(value);
    }

    @Override
    public Optional<Answer> respond(int id, Octets challenge, Octets ourName, String secret, RandomGenerator random) {
        return Optional.of(new Answer(response(id, secret, challenge), Octets.empty()));
    }

    @Override
    public Verdict deny(Octets challenge, RandomGenerator random) {
        return new Verdict(false, Octets.utf8(ACCESS_DENIED), ACCESS_DENIED);
    }

    @Override
    public Optional<PeerProof> proof(int id, Octets challenge, Octets response, String peerName) {
        // RFC 1994 §4.1 with MD5: the Value is the 16-octet digest
        return response.size() == 16 ? Optional.of(new PeerProof.ChapMd5(peerName, id, challenge, response))
                : Optional.empty();
    }

    @Override
    public Verdict decide(PeerVerdict verdict, Octets challenge, RandomGenerator random) {
        return verdict.accepted() ? new Verdict(true, Octets.utf8(ACCESS_GRANTED), ACCESS_GRANTED)
                : denied(verdict.reason());
    }

    private static Verdict denied(String reason) {
        return new Verdict(false, Octets.utf8(ACCESS_DENIED), reason.isEmpty() ? ACCESS_DENIED : ACCESS_DENIED + ": " + reason);
    }

    @Override
    public SuccessCheck checkSuccess(Answer answer, Octets message) {
        return new SuccessCheck(true, message.utf8());
    }

    @Override
    public ChapFailure interpretFailure(Octets message) {
        return ChapFailure.of(message.isEmpty() ? EMPTY_FAILURE_TEXT : message.utf8());
    }

    /** RFC 1994 §2.2: MD5 over the Identifier, then the secret, then the Challenge Value. */
    public static Octets response(int id, String secret, Octets challenge) {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available in this JRE", e);
        }
        byte[] secretBytes = secret.getBytes(StandardCharsets.UTF_8);
        try {
            md5.update((byte) id);
            md5.update(secretBytes);
            md5.update(challenge.toByteArray());
            return Octets.of(md5.digest());
        } finally {
            Arrays.fill(secretBytes, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "Md5Digest";
    }
}
