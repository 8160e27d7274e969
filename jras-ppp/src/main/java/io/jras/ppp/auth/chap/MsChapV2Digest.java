package io.jras.ppp.auth.chap;

import io.jras.ppp.auth.Octets;
import io.jras.ppp.auth.PeerProof;
import io.jras.ppp.auth.PeerVerdict;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * Microsoft CHAP version 2 (RFC 2759), algorithm 0x81.
 *
 * <ul>
 *   <li>Challenge: a 16-octet Authenticator Challenge (§3).</li>
 *   <li>Response: a 49-octet Value: 16-octet Peer-Challenge, 8 reserved zero octets, 24-octet
 *       NT-Response, one Flags octet of zero (§4). Its Name is the user name; the hashes use it
 *       without any "domain\" prefix (§8.2), the secret lookup uses it whole.</li>
 *   <li>Success: "S=&lt;40 upper-case hex digits&gt; M=Access granted" (§5); the peer checks the
 *       Authenticator Response and fails on a mismatch (§8.8).</li>
 *   <li>Failure: "E=691 R=0 C=&lt;32 hex digits&gt; V=3 M=Authentication failed" (§6). R=0: jras
 *       never accepts a second try on the same challenge.</li>
 * </ul>
 *
 * Passwords are hashed as UTF-16LE, which equals pppd's octet-by-octet widening for ASCII.
 */
public final class MsChapV2Digest implements ChapDigest {
    public static final int CODE = 0x81;
    public static final int RESPONSE_LENGTH = 49;
    public static final int ERROR_AUTHENTICATION_FAILURE = 691;
    public static final String ACCESS_GRANTED = "Access granted";
    public static final String AUTHENTICATION_FAILED = "Authentication failed";
    public static final String RESPONSE_MISMATCH = "authenticator response mismatch";
    public static final String RESPONSE_MISSING = "authenticator response missing";

    private static final int PEER_CHALLENGE_OFFSET = 0;
    private static final int NT_RESPONSE_OFFSET = 24;
    private static final int FLAGS_OFFSET = 48;
    private static final int AUTH_STRING_END = 2 + 2 * MsChapV2.AUTHENTICATOR_RESPONSE_LENGTH; // "S=" + 40

    @Override
    public int code() {
        return CODE;
    }

    @Override
    public String displayName() {
        return "MS-CHAPv2";
    }

    @Override
    public Octets generateChallenge(RandomGenerator random) {
        // RFC 2759 §3: a 16-octet random challenge
        return randomOctets(random, MsChapV2.AUTHENTICATOR_CHALLENGE_LENGTH);
    }

    @Override
    public Optional<Answer> respond(int id, Octets challenge, Octets ourName, String secret, RandomGenerator random) {
        if (challenge.size() != MsChapV2.AUTHENTICATOR_CHALLENGE_LENGTH) {
            return Optional.empty();
        }
        byte[] authenticatorChallenge = challenge.toByteArray();
        byte[] peerChallenge = randomOctets(random, MsChapV2.PEER_CHALLENGE_LENGTH).toByteArray();
        byte[] name = ourName.toByteArray();
        byte[] ntResponse = MsChapV2.generateNtResponse(authenticatorChallenge, peerChallenge, name, secret);
        // RFC 2759 §4: Peer-Challenge, 8 reserved octets that MUST be zero, NT-Response, Flags MUST be zero
        byte[] value = new byte[RESPONSE_LENGTH];
        System.arraycopy(peerChallenge, 0, value, PEER_CHALLENGE_OFFSET, MsChapV2.PEER_CHALLENGE_LENGTH);
        System.arraycopy(ntResponse, 0, value, NT_RESPONSE_OFFSET, MsChapV2.NT_RESPONSE_LENGTH);
        byte[] expected = MsChapV2.generateAuthenticatorResponse(secret, ntResponse, peerChallenge,
                authenticatorChallenge, name);
        return Optional.of(new Answer(Octets.of(value), Octets.of(expected)));
    }

    @Override
    public Verdict deny(Octets challenge, RandomGenerator random) {
        // RFC 2759 §6: "E=eeeeeeeeee R=r C=cccccccccccccccccccccccccccccccc V=vvvvvvvvvv M=<msg>"
        String next = HexFormat.of().withUpperCase()
                .formatHex(randomOctets(random, MsChapV2.AUTHENTICATOR_CHALLENGE_LENGTH).toByteArray());
        String message = "E=" + ERROR_AUTHENTICATION_FAILURE + " R=0 C=" + next + " V=3 M=" + AUTHENTICATION_FAILED;
        return new Verdict(false, Octets.utf8(message), AUTHENTICATION_FAILED);
    }

    @Override
    public Optional<PeerProof> proof(int id, Octets challenge, Octets response, String peerName) {
        if (response.size() != RESPONSE_LENGTH || challenge.size() != MsChapV2.AUTHENTICATOR_CHALLENGE_LENGTH) {
            return Optional.empty();
        }
        // RFC 2759 §4: Peer-Challenge (16), Reserved (8), NT-Response (24), Flags (1)
        return Optional.of(new PeerProof.MsChapV2Response(peerName, id, challenge,
                response.slice(PEER_CHALLENGE_OFFSET, PEER_CHALLENGE_OFFSET + MsChapV2.PEER_CHALLENGE_LENGTH),
                response.slice(NT_RESPONSE_OFFSET, FLAGS_OFFSET), response.get(FLAGS_OFFSET)));
    }

    @Override
    public Verdict decide(PeerVerdict verdict, Octets challenge, RandomGenerator random) {
        String s = verdict.authenticatorResponse();
        if (verdict.accepted() && s.length() == AUTH_STRING_END && s.startsWith("S=") && isHex(s.substring(2))) {
            // RFC 2759 §5: "S=<auth_string> M=<message>"
            return new Verdict(true, Octets.utf8(s.toUpperCase(java.util.Locale.ROOT) + " M=" + ACCESS_GRANTED),
                    ACCESS_GRANTED);
        }
        Verdict denied = deny(challenge, random);
        String reason = verdict.accepted() ? "accepted without an MS-CHAPv2 authenticator response"
                : verdict.reason();
        return reason.isEmpty() ? denied
                : new Verdict(false, denied.message(), AUTHENTICATION_FAILED + ": " + reason);
    }

    /**
     * RFC 2759 §8.8 CheckAuthenticatorResponse on "S=&lt;40 hex digits&gt;", then the optional
     * " M=&lt;message&gt;" as the text. A missing or wrong Authenticator Response is not accepted:
     * RFC 2759 §5 has the peer end the session then.
     */
    @Override
    public SuccessCheck checkSuccess(Answer answer, Octets message) {
        byte[] m = message.toByteArray();
        if (m.length < AUTH_STRING_END || m[0] != 'S' || m[1] != '=') {
            return new SuccessCheck(false, RESPONSE_MISSING);
        }
        String digits = new String(m, 2, AUTH_STRING_END - 2, StandardCharsets.ISO_8859_1);
        if (!isHex(digits)) {
            return new SuccessCheck(false, RESPONSE_MISMATCH);
        }
        if (!Octets.fromHex(digits).constantTimeEquals(answer.expectedSuccess())) {
            return new SuccessCheck(false, RESPONSE_MISMATCH);
        }
        String rest = new String(m, AUTH_STRING_END, m.length - AUTH_STRING_END, StandardCharsets.UTF_8);
        // pppd takes " M=" and, leniently, "M="; any other trailer is shown as it is
        if (rest.startsWith(" M=")) {
            rest = rest.substring(3);
        } else if (rest.startsWith("M=")) {
            rest = rest.substring(2);
        } else {
            rest = rest.strip();
        }
        return new SuccessCheck(true, rest);
    }

    /**
     * RFC 2759 §6: the text is the M= field; without one, a phrase for the E= code. A message not
     * in that format is shown whole.
     */
    @Override
    public ChapFailure interpretFailure(Octets message) {
        String s = message.utf8();
        if (!s.startsWith("E=")) {
            return ChapFailure.of(s.isEmpty() ? Md5Digest.EMPTY_FAILURE_TEXT : s);
        }
        OptionalInt code = digitsAt(s, 2);
        int r = s.indexOf(" R=");
        boolean retry = r >= 0 && r + 3 < s.length() && s.charAt(r + 3) == '1';
        int m = s.indexOf(" M=");
        String text;
        if (m >= 0) {
            text = s.substring(m + 3);
        } else {
            text = code.isPresent() ? phrase(code.getAsInt(), s) : s;
        }
        return new ChapFailure(text, code, retry);
    }

    private static String phrase(int code, String whole) {
        return switch (code) {
            case 646 -> "Restricted logon hours";
            case 647 -> "Account disabled";
            case 648 -> "Password expired";
            case 649 -> "No dialin permission";
            case 691 -> "Authentication failure";
            case 709 -> "Error changing password";
            default -> whole;
        };
    }

    private static OptionalInt digitsAt(String s, int from) {
        int end = from;
        while (end < s.length() && end - from < 9 && Character.isDigit(s.charAt(end)) && s.charAt(end) < 128) {
            end++;
        }
        return end == from ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(s.substring(from, end)));
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
    }

    private static Octets randomOctets(RandomGenerator random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return Octets.of(b);
    }

    @Override
    public String toString() {
        return "MsChapV2Digest";
    }
}
