package io.jras.core.phonebook;

import java.util.Objects;

/**
 * One number of an entry, primary or alternate, with the comment Windows shows beside it.
 *
 * @param number  dialled as written (jras applies no dialing rules; {@code AreaCode=},
 *                {@code CountryCode=} and {@code UseDialingRules=} are kept but not used)
 * @param comment free text, empty when there is none
 */
public record PhoneNumber(String number, String comment) {

    public PhoneNumber {
        Objects.requireNonNull(number, "number");
        comment = comment == null ? "" : comment;
    }

    public static PhoneNumber of(String number) {
        return new PhoneNumber(number, "");
    }
}
