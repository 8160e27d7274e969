package io.jras.core.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Real hook scripts in a temporary directory, and what they left behind. */
final class Scripts {

    private Scripts() {
    }

    /** Writes {@code dir/name} as a /bin/sh script with mode 0755. */
    static Path write(Path dir, String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    /**
     * A script that records its arguments (one per line) and its environment exactly as it was
     * given to exec: /proc/$$/environ, not the shell's idea of it (dash adds PWD).
     */
    static Path recorder(Path dir, String name, Path out) throws IOException {
        return write(dir, name, "printf '%s\\n' \"$@\" > " + out + ".args\n"
                + "/bin/cat /proc/$$/environ > " + out + ".env\n"
                + "echo recorded " + name);
    }

    static List<String> args(Path out) throws IOException {
        return Files.readAllLines(Path.of(out + ".args"));
    }

    static Map<String, String> env(Path out) throws IOException {
        String raw = Files.readString(Path.of(out + ".env"), StandardCharsets.UTF_8);
        Map<String, String> env = new LinkedHashMap<>();
        for (String kv : raw.split("\0")) {
            if (!kv.isEmpty()) {
                int eq = kv.indexOf('=');
                env.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return env;
    }

    /** True while the process exists and is not a zombie (/proc/PID/stat, field 3). */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
            return !state.equals("Z") && !state.equals("X");
        } catch (IOException e) {
            return false;
        }
    }
}
