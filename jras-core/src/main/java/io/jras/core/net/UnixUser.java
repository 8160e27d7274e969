package io.jras.core.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A user id and its name from /etc/passwd (pppd's ORIG_UID and PPPLOGNAME). */
record UnixUser(int uid, String name) {

    static final Path PASSWD = Path.of("/etc/passwd");

    /** This process's real user. */
    static UnixUser current() {
        int uid;
        try {
            uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return new UnixUser(-1, System.getProperty("user.name", ""));
        }
        return of(uid);
    }

    /** The user with this id; its name is the number itself when /etc/passwd has no such user. */
    static UnixUser of(int uid) {
        return new UnixUser(uid, nameOf(uid, PASSWD));
    }

    static String nameOf(int uid, Path passwd) {
        try {
            List<String> lines = Files.readAllLines(passwd);
            for (String line : lines) {
                String[] f = line.split(":", -1);
                if (f.length > 2 && f[2].equals(String.valueOf(uid))) {
                    return f[0];
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through: PPPLOGNAME is always set, so the number stands in for the name
        }
        return String.valueOf(uid);
    }
}
