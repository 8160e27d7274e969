package io.jras.daemon.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Other JVMs for multi-process tests: this JVM's java and class path, output to files. */
public final class Jvm {

    private Jvm() {
    }

    public static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** {@code java -cp CLASSPATH MAIN ARGS} with this JVM's class path. */
    public static List<String> command(String mainClass, String... args) {
        return commandWith(System.getProperty("java.class.path"), mainClass, args);
    }

    public static List<String> commandWith(String classPath, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath, mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** A started process whose stdout and stderr go to files in {@code dir}. */
    public record Started(Process process, Path out, Path err) {
        public String stdout() throws IOException {
            return Files.readString(out);
        }

        public String stderr() throws IOException {
            return Files.readString(err);
        }

        /** Waits (bounded) for the exit; returns the status. */
        public int await(Duration within) throws InterruptedException {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("process " + process.pid() + " still running after " + within);
            }
            return process.exitValue();
        }
    }

    public static Started start(ProcessBuilder pb, Path dir, String name) throws IOException {
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return new Started(pb.start(), out, err);
    }

    /** Runs to the end (bounded) and returns its stdout; fails on a non-zero status. */
    public static String run(ProcessBuilder pb, Path dir, String name) throws IOException, InterruptedException {
        Started s = start(pb, dir, name);
        int status = s.await(Duration.ofSeconds(60));
        if (status != 0) {
            throw new AssertionError(name + " exited " + status + ":\n" + s.stderr());
        }
        return s.stdout().strip();
    }
}
