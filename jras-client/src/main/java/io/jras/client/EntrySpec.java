package io.jras.client;

import java.util.List;

/**
 * What to set on a phonebook entry; a null field leaves that setting as it is (for a new entry: the
 * default).
 *
 * @param device        tcp:HOST:PORT | serial:PATH[@BAUD] | modem:tcp:HOST:PORT | modem:PATH[@BAUD] | exec:COMMAND
 * @param phoneNumbers  primary first, then alternates
 * @param auth          none | pap | chap | mschapv2 | any (or a comma list)
 */
public record EntrySpec(String device, List<String> phoneNumbers, String auth, Integer redialAttempts,
                        Integer redialSeconds, Integer idleDisconnectSeconds, Boolean redialOnLinkFailure) {

    public static EntrySpec device(String device) {
        return new EntrySpec(device, null, null, null, null, null, null);
    }

    public EntrySpec withPhoneNumbers(List<String> numbers) {
        return new EntrySpec(device, numbers, auth, redialAttempts, redialSeconds, idleDisconnectSeconds, redialOnLinkFailure);
    }

    public EntrySpec withAuth(String a) {
        return new EntrySpec(device, phoneNumbers, a, redialAttempts, redialSeconds, idleDisconnectSeconds, redialOnLinkFailure);
    }

    public EntrySpec withRedial(Integer attempts, Integer seconds) {
        return new EntrySpec(device, phoneNumbers, auth, attempts, seconds, idleDisconnectSeconds, redialOnLinkFailure);
    }

    public EntrySpec withIdleDisconnectSeconds(Integer s) {
        return new EntrySpec(device, phoneNumbers, auth, redialAttempts, redialSeconds, s, redialOnLinkFailure);
    }

    public EntrySpec withRedialOnLinkFailure(Boolean on) {
        return new EntrySpec(device, phoneNumbers, auth, redialAttempts, redialSeconds, idleDisconnectSeconds, on);
    }
}
