package io.jras.client;

/**
 * What to dial: a phonebook entry (optionally with another number), or a device and number
 * without an entry.
 *
 * @param entry       the phonebook entry name, or null for a dial without an entry
 * @param phonebook   the phonebook file (null: {@code JRAS_PHONEBOOK}, else the per-user default)
 * @param phoneNumber a number that replaces the entry's, or the number to dial without an entry
 * @param device      the device for a dial without an entry, e.g. "tcp:127.0.0.1:7001"
 * @param user        the user name (null: the entry's stored credentials)
 * @param password    the password (null: the entry's stored credentials); never printed
 * @param allUsers    let every user see and hang up this connection
 */
public record DialOptions(String entry, String phonebook, String phoneNumber, String device, String user,
                          String password, boolean allUsers) {

    public static DialOptions entry(String entry) {
        return new DialOptions(entry, null, null, null, null, null, false);
    }

    public DialOptions withPhonebook(String path) {
        return new DialOptions(entry, path, phoneNumber, device, user, password, allUsers);
    }

    public DialOptions withCredentials(String u, String p) {
        return new DialOptions(entry, phonebook, phoneNumber, device, u, p, allUsers);
    }

    public DialOptions withPhoneNumber(String n) {
        return new DialOptions(entry, phonebook, n, device, user, password, allUsers);
    }

    public DialOptions withDevice(String d) {
        return new DialOptions(entry, phonebook, phoneNumber, d, user, password, allUsers);
    }

    public DialOptions forAllUsers(boolean on) {
        return new DialOptions(entry, phonebook, phoneNumber, device, user, password, on);
    }

    @Override
    public String toString() {
        return "DialOptions[entry=" + entry + ", phonebook=" + phonebook + ", phoneNumber=" + phoneNumber
                + ", device=" + device + ", user=" + user + ", password=" + (password == null ? "null" : "<hidden>")
                + ", allUsers=" + allUsers + "]";
    }
}
