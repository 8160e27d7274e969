package io.jras.bench.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Another process, seen from outside: its resident memory and threads, and a GC on request (jcmd). */
record ServedProcess(long pid) {

    /** VmRSS in KiB (/proc/PID/status). */
    long rssKiB() throws IOException {
        return statusField("VmRSS:");
    }

    /** Kernel threads of the process: platform threads, GC and JIT threads included. */
    long threads() throws IOException {
        return statusField("Threads:");
    }

    /** User and system CPU time so far, in clock ticks (USER_HZ, 100 per second on Linux). */
    long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // pid (comm) state ...: comm may hold spaces, so count fields after the last ')'.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime: fields 14 and 15
    }

    /** Runs {@code jcmd PID COMMAND...} and writes its output to {@code file} (a profiling aid). */
    void jcmd(Path file, String... command) throws IOException, InterruptedException {
        java.util.List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        cmd.add(Long.toString(pid));
        cmd.addAll(java.util.List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(file.toFile()).start();
        p.waitFor(120, TimeUnit.SECONDS);
    }

    /**
     * A full GC in the process ({@code jcmd PID GC.run}), so that RSS is read without garbage; false
     * if jcmd could not do it (not a JVM, or another user's).
     */
    boolean gc() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }

    private long statusField(String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no " + name + " in /proc/" + pid + "/status");
    }
}
