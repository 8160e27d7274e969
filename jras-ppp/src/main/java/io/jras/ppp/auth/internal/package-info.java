/** Helpers shared by the PAP and CHAP codecs and printers; not API. */
package io.jras.ppp.auth.internal;
