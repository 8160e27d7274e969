package io.jras.core.net;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How one hook run ended. A hook never fails the connection: the result is logged and reported.
 *
 * @param script   which hook
 * @param program  the file that was (or would have been) run
 * @param outcome  what happened
 * @param exitCode the exit status for {@link Outcome#EXITED} (128 + signal when a signal ended it), else -1
 * @param output   the hook's standard output and error, at most the runner's limit
 * @param truncated whether the hook wrote more than the limit (the rest was read and dropped)
 * @param took     from start to end (zero when nothing was started)
 * @param reason   why, in words: for the log and the status
 */
public record HookResult(HookScript script, Path program, Outcome outcome, int exitCode, String output,
                         boolean truncated, Duration took, String reason) {

    public enum Outcome {
        /** No such file: not an error, pppd runs only the scripts that exist. */
        ABSENT,
        /** Not run because of something else: the file has no execute bit, is not a regular file,
         *  is writable by others, or (for a down script) its up script never ran. */
        NOT_RUN,
        /** It could not be started (a bad interpreter line, say). */
        FAILED_TO_START,
        /** It ran and exited; {@link #exitCode} says how. */
        EXITED,
        /** It ran past the timeout and was killed with everything it started. */
        TIMED_OUT
    }

    /** Nothing to complain about: exited 0, or absent. */
    public boolean ok() {
        return outcome == Outcome.ABSENT || (outcome == Outcome.EXITED && exitCode == 0);
    }

    static HookResult notRun(HookScript script, Path program, Outcome outcome, String reason) {
        return new HookResult(script, program, outcome, -1, "", false, Duration.ZERO, reason);
    }

    /** One line for the log. */
    public String describe() {
        return script + " (" + program + "): " + reason;
    }
}
