/**
 * RFC 1662 async HDLC-like framing: flags, octet stuffing with the ACCM, FCS-16/32, and the
 * ACFC/PFC header compressions.
 *
 * <p>{@link io.jras.ppp.framing.HdlcEncoder} turns packets into line octets and
 * {@link io.jras.ppp.framing.HdlcDecoder} turns line octets back into packets. Neither does I/O
 * nor knows LCP: the link layer pushes what LCP negotiated down through
 * {@link io.jras.ppp.framing.TransmitConfig} and {@link io.jras.ppp.framing.ReceiveConfig}, and
 * says which packets go out with the defaults. Bad frames from the peer are counted in
 * {@link io.jras.ppp.framing.FramingStatistics}, never thrown; our own misuse (a bad protocol
 * number, a short output array) throws at once.
 *
 * <p>Comments tagged {@code RFC 1662 §x:} mark code that follows a rule of the RFC.
 */
package io.jras.ppp.framing;
