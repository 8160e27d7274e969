package io.jras.server.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The entries of one users file, in file order, and pppd's lookup over them (auth.c
 * {@code scan_authfile()}): an entry matches when its client is the peer's name or {@code *} and its
 * server is our name or {@code *}; the most specific match wins (exact client and server, then
 * exact client, then exact server, then both wildcards), and among equals the first in the file.
 */
public record UsersTable(List<UserEntry> entries) {

    public UsersTable {
        entries = List.copyOf(entries);
    }

    /** Parses the text of a secrets file; {@code file} names it in error messages. */
    public static UsersTable parse(String text, String file) throws UsersFileException {
        List<SecretsTokenizer.Word> words = SecretsTokenizer.words(text, file);
        List<UserEntry> entries = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int start = i++;
            while (i < words.size() && !words.get(i).startsLine()) {
                i++;
            }
            entries.add(entry(words.subList(start, i), file));
        }
        return new UsersTable(entries);
    }

    private static UserEntry entry(List<SecretsTokenizer.Word> line, String file) throws UsersFileException {
        int n = line.getFirst().line();
        if (line.size() < 3) {
            throw new UsersFileException(file, n, "an entry needs at least three words: client server secret; found "
                    + line.size());
        }
        List<String> addresses = line.subList(3, line.size()).stream().map(SecretsTokenizer.Word::text).toList();
        if (addresses.contains("--")) {
            throw new UsersFileException(file, n, "per-user pppd options after '--' are not supported");
        }
        if (addresses.size() > 1 && addresses.contains("-")) {
            throw new UsersFileException(file, n, "'-' (no address) must be the only address word");
        }
        String client = line.get(0).text();
        String server = line.get(1).text();
        String secret = line.get(2).text();
        if (secret.startsWith("@")) {
            throw new UsersFileException(file, n, "secrets read from another file ('@FILE') are not supported");
        }
        try {
            return new UserEntry(client, server, secret, AddressRule.parse(addresses, 4), n);
        } catch (IllegalArgumentException e) {
            throw new UsersFileException(file, n, e.getMessage());
        }
    }

    /** The best entry for {@code client} authenticating to {@code server}. */
    public Optional<UserEntry> find(String client, String server) {
        UserEntry best = null;
        int bestScore = -1;
        for (UserEntry e : entries) {
            boolean exactClient = e.client().equals(client);
            boolean exactServer = e.server().equals(server);
            if (!exactClient && !e.client().equals(UserEntry.WILDCARD)
                    || !exactServer && !e.server().equals(UserEntry.WILDCARD)) {
                continue;
            }
            // pppd: NONWILD_CLIENT = 2, NONWILD_SERVER = 1; a later entry must score higher to win.
            int score = (exactClient ? 2 : 0) | (exactServer ? 1 : 0);
            if (score > bestScore) {
                best = e;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    public int size() {
        return entries.size();
    }
}
