package io.jras.client;

import java.util.List;

/**
 * One phonebook entry as the client API shows it (never with a password).
 *
 * @param phoneNumbers   primary first, then alternates
 * @param auth           none | any | a comma list of pap, chap, mschapv2
 * @param user           the stored user name, or ""
 * @param passwordStored whether a password is stored for the entry
 */
public record EntryInfo(String name, String device, List<String> phoneNumbers, String auth, String user,
                        boolean passwordStored, int redialAttempts, int redialSeconds, int idleDisconnectSeconds,
                        boolean redialOnLinkFailure) {

    /** The primary number, or "". */
    public String phoneNumber() {
        return phoneNumbers.isEmpty() ? "" : phoneNumbers.getFirst();
    }
}
