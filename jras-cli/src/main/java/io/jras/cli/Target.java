package io.jras.cli;

import io.jras.client.ConnectionInfo;
import io.jras.client.Handles;
import io.jras.client.RasClientException;
import io.jras.client.RemoteAccess;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** ENTRY or --handle H: which connection a command is about. */
final class Target {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ENTRY", description = "The phonebook entry (or \".NUMBER\").")
    String entry;

    @Option(names = "--handle", paramLabel = "H", description = "The connection handle (0x-prefixed hex).")
    String handle;

    boolean given() {
        return entry != null || handle != null;
    }

    /** The handles meant: the given one, or every live one of the entry (newest last). */
    List<Long> resolve(RemoteAccess ras) throws RasClientException {
        if (handle != null) {
            try {
                return List.of(Handles.parse(handle));
            } catch (NumberFormatException e) {
                throw new RasClientException(6, "The handle is invalid. (not a handle: " + handle + ")");
            }
        }
        List<Long> found = ras.list().stream().filter(c -> c.entry().equals(entry)).map(ConnectionInfo::handle).toList();
        if (found.isEmpty()) {
            throw new RasClientException(6, "The handle is invalid. (no connection to " + entry + ")");
        }
        return found;
    }

    String describe() {
        return entry != null ? entry : handle;
    }
}
