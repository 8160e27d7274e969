package io.jras.ppp.auth.chap;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a CHAP Failure message said, as the authenticatee reads it: the human-readable text and,
 * for MS-CHAPv2 (RFC 2759 §6), the error code of its {@code E=} field (691 authentication failure,
 * 646 restricted logon hours, 647 account disabled, 648 password expired, 649 no dial-in
 * permission, 709 error changing password) and whether {@code R=1} allowed a retry.
 */
public record ChapFailure(String text, OptionalInt errorCode, boolean retryAllowed) {
    public ChapFailure {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(errorCode, "errorCode");
    }

    public static ChapFailure of(String text) {
        return new ChapFailure(text, OptionalInt.empty(), false);
    }
}
