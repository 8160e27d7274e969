/**
 * The sans-IO PPP engine: framing, the RFC 1661 automaton, LCP, authentication, IPCP and IPV6CP.
 * Bytes and {@code now} in; bytes, events and the next deadline out. No threads, sockets or clocks.
 */
module io.jras.ppp {
    exports io.jras.ppp;
    exports io.jras.ppp.auth;
    exports io.jras.ppp.auth.chap;
    exports io.jras.ppp.auth.pap;
    exports io.jras.ppp.framing;
    exports io.jras.ppp.fsm;
    exports io.jras.ppp.ipcp;
    exports io.jras.ppp.ipv6cp;
    exports io.jras.ppp.lcp;
    exports io.jras.ppp.trace;
}
