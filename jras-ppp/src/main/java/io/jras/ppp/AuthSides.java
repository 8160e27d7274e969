package io.jras.ppp;

import io.jras.ppp.auth.AuthOutput;
import io.jras.ppp.auth.AuthSide;
import io.jras.ppp.auth.Authenticator;
import io.jras.ppp.auth.Credentials;
import io.jras.ppp.auth.chap.ChapAuthenticatee;
import io.jras.ppp.auth.chap.ChapAuthenticator;
import io.jras.ppp.auth.chap.ChapDigest;
import io.jras.ppp.auth.chap.Md5Digest;
import io.jras.ppp.auth.chap.MsChapV2Digest;
import io.jras.ppp.auth.pap.PapAuthenticatee;
import io.jras.ppp.auth.pap.PapAuthenticator;

/** Creates the authentication side that LCP agreed on, for either role. */
final class AuthSides {

    private AuthSides() {
    }

    /** We authenticate the peer with {@code protocol}. */
    static Authenticator authenticator(AuthProtocol protocol, PppConfig config, AuthOutput output) {
        return switch (protocol) {
            case PAP -> new PapAuthenticator(config.verifier(), config.auth(), output);
            case CHAP_MD5, MSCHAP_V2 -> new ChapAuthenticator(digest(protocol), config.localName(), config.verifier(),
                    config.auth(), config.random(), output);
        };
    }

    /** The peer authenticates us with {@code protocol}. */
    static AuthSide authenticatee(AuthProtocol protocol, PppConfig config, AuthOutput output) {
        Credentials credentials = new Credentials(config.user(), config.password());
        return switch (protocol) {
            case PAP -> new PapAuthenticatee(credentials, config.auth(), output);
            case CHAP_MD5, MSCHAP_V2 -> new ChapAuthenticatee(digest(protocol), credentials, config.auth(),
                    config.random(), output);
        };
    }

    private static ChapDigest digest(AuthProtocol protocol) {
        return protocol == AuthProtocol.MSCHAP_V2 ? new MsChapV2Digest() : new Md5Digest();
    }
}
