/**
 * The Challenge-Handshake Authentication Protocol (RFC 1994), both roles, as one engine over the
 * {@link io.jras.ppp.auth.chap.ChapDigest} strategy (after pppd's {@code chap-new.c} and
 * {@code struct chap_digest_type}): {@link io.jras.ppp.auth.chap.Md5Digest} and
 * {@link io.jras.ppp.auth.chap.MsChapV2Digest} with its primitives in
 * {@link io.jras.ppp.auth.chap.MsChapV2} and {@link io.jras.ppp.auth.chap.Md4}.
 */
package io.jras.ppp.auth.chap;
