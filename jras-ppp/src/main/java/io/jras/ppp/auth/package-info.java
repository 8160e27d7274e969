/**
 * Authentication during PPP's Authenticate phase (RFC 1661 §3.5), sans-IO.
 *
 * <p>Each protocol has both roles, one class each, named for what they do:
 * {@link io.jras.ppp.auth.pap.PapAuthenticatee} / {@link io.jras.ppp.auth.pap.PapAuthenticator}
 * (RFC 1334) and {@link io.jras.ppp.auth.chap.ChapAuthenticatee} /
 * {@link io.jras.ppp.auth.chap.ChapAuthenticator} (RFC 1994), the CHAP pair parameterized by a
 * {@link io.jras.ppp.auth.chap.ChapDigest}: {@link io.jras.ppp.auth.chap.Md5Digest} or
 * {@link io.jras.ppp.auth.chap.MsChapV2Digest} (RFC 2759).
 *
 * <p>Theory of operation. Every side is an {@link io.jras.ppp.auth.AuthSide}: the link calls
 * {@code start(now)} when the phase begins, hands it each received packet of its protocol (the PPP
 * information field), and calls {@code onTimeout(now)} once {@code now >= nextDeadline()}. The side
 * answers only through its {@link io.jras.ppp.auth.AuthOutput}: packets to send, then exactly one
 * {@code succeeded} or {@code failed}. Time is the caller's monotonic nanoseconds; randomness
 * (challenges, identifiers, MS-CHAPv2 peer challenges) comes from a
 * {@link java.util.random.RandomGenerator} the caller passes in. Nothing here starts a thread,
 * reads a clock or touches I/O, and one event loop owns each side (they are not thread-safe).
 *
 * <p>Verification. An authenticator turns the peer's Request or Response into a
 * {@link io.jras.ppp.auth.PeerProof} and asks its {@link io.jras.ppp.auth.PeerVerifier}: a
 * {@link io.jras.ppp.auth.SecretLookup} (users file) answers at once; a deferred one (RADIUS) makes
 * the side call {@code AuthOutput.verify(proof)} and wait, timers running, until
 * {@link io.jras.ppp.auth.Authenticator#verdict} brings the {@link io.jras.ppp.auth.PeerVerdict}.
 * Repeated Requests/Responses meanwhile start no second verification.
 *
 * <p>Errors. What the peer sends is never trusted and never throws: a packet that is malformed, of
 * an unknown code, with a wrong Identifier or out of state is dropped and counted in the side's
 * {@code discarded()}. Packets meant for the other role of the same protocol are ignored without
 * counting, so the link may hand every packet of a protocol to both of its sides. Our own misuse
 * (starting twice, an offset outside the array, an impossible configuration) fails fast.
 *
 * <p>Secrets. Passwords appear in no {@code toString}, exception, printer line or verdict message;
 * {@link io.jras.ppp.auth.Octets} prints only its size.
 *
 * <p>Comments that follow an RFC rule carry an {@code RFC nnnn §x.y:} tag; grep for them to get
 * the conformance map.
 */
package io.jras.ppp.auth;
