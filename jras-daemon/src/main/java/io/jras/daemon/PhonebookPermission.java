package io.jras.daemon;

import io.jras.link.RasError;
import io.jras.link.RasException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The system daemon runs as root but must not read a file for a caller who could not read it
 * (a phonebook path of /etc/shadow would make it a confused deputy). A caller other than root and
 * the daemon's own user may name a phonebook only if its mode lets them read it: theirs with the
 * owner's read bit, or readable by others. Anything else is error 621, exactly as for a missing file.
 */
final class PhonebookPermission {

    private static final int OWNER_READ = 0400;
    private static final int OTHERS_READ = 0004;

    private PhonebookPermission() {
    }

    static void require(Caller caller, int daemonUid, String phonebook) throws RasException {
        if (phonebook == null || caller.isRoot() || caller.uid() == daemonUid) {
            return;
        }
        try {
            Path p = Path.of(phonebook);
            if (!p.isAbsolute()) {
                throw new RasException(RasError.CANNOT_OPEN_PHONEBOOK, "a phonebook path must be absolute");
            }
            Map<String, Object> a = Files.readAttributes(p, "unix:uid,mode");
            int owner = (Integer) a.get("uid");
            int mode = (Integer) a.get("mode");
            boolean readable = (owner == caller.uid() && (mode & OWNER_READ) != 0) || (mode & OTHERS_READ) != 0;
            if (readable) {
                return;
            }
        } catch (IOException | InvalidPathException e) {
            // Missing or unreadable: the same answer below.
        }
        throw new RasException(RasError.CANNOT_OPEN_PHONEBOOK, phonebook);
    }
}
