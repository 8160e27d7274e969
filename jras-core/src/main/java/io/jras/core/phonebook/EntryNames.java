package io.jras.core.phonebook;

import io.jras.link.RasError;
import io.jras.link.RasException;

/**
 * Entry names as RasValidateEntryName judges them, and compared as Windows compares them.
 */
public final class EntryNames {

    /** RAS_MaxEntryName. */
    public static final int MAX_LENGTH = 256;

    private static final String INVALID = "\\/:*?\"<>|";

    private EntryNames() {
    }

    /**
     * Checks a name for a new or renamed entry.
     *
     * @throws RasException 123 (ERROR_INVALID_NAME) when the name is empty, longer than
     *                      {@value #MAX_LENGTH} characters, starts with '.', ends with a space, or
     *                      contains a control character or one of {@code \ / : * ? " < > |}
     */
    public static void validate(String name) throws RasException {
        String why = problem(name);
        if (why != null) {
            throw new RasException(RasError.INVALID_NAME, why);
        }
    }

    /** Whether {@link #validate(String)} accepts the name. */
    public static boolean valid(String name) {
        return problem(name) == null;
    }

    /** Two names are the same entry when they are equal ignoring case, as on Windows. */
    public static boolean same(String a, String b) {
        return a.equalsIgnoreCase(b);
    }

    private static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "an entry name must not be empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "an entry name has at most " + MAX_LENGTH + " characters, this one " + name.length();
        }
        if (name.startsWith(".")) {
            // rasdial reserves a leading '.' for dials by number ("." + number).
            return "an entry name must not start with '.'";
        }
        if (Character.isWhitespace(name.charAt(name.length() - 1))) {
            return "an entry name must not end with a space";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                return "an entry name must not contain control characters";
            }
            if (INVALID.indexOf(c) >= 0) {
                return "an entry name must not contain any of \\ / : * ? \" < > |";
            }
        }
        return null;
    }
}
