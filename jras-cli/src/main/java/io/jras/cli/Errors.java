package io.jras.cli;

import io.jras.client.RasClientException;
import picocli.CommandLine.Model.CommandSpec;

/** How every command reports a RAS error: "Error NNN: text" on stderr; with --json, the number on stdout too. */
final class Errors {
    private Errors() {
    }

    static int report(CommandSpec spec, RasClientException e, boolean json) {
        spec.commandLine().getErr().println(e.describe());
        if (json) {
            spec.commandLine().getOut().println(Json.line(Json.error(e.code(), e.getMessage())));
        }
        return Exit.RAS_ERROR;
    }
}
