/**
 * The Password Authentication Protocol (RFC 1334 §2), both roles, its packets and its trace
 * printer. Behaviour follows pppd's {@code upap.c}: a new Identifier for every Authenticate-Request
 * (retransmissions included), and the authenticator repeats its first verdict for any later
 * request.
 */
package io.jras.ppp.auth.pap;
