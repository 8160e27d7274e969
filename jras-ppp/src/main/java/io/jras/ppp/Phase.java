package io.jras.ppp;

/** The link phases of RFC 1661 §3.2, in the order a link normally passes them. */
public enum Phase {
    /** No link: before the line is up, and after everything has ended. */
    DEAD,
    /** LCP negotiates the link. */
    ESTABLISH,
    /** PAP or CHAP runs, in one or both directions. */
    AUTHENTICATE,
    /** The NCPs (IPCP, IPV6CP) negotiate; datagrams flow once one is Opened. */
    NETWORK,
    /** LCP Terminate exchange before the line goes. */
    TERMINATE
}
