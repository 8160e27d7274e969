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
     * Bytes of live objects on the heap, from {@code jcmd PID GC.class_histogram}, which runs a full
     * GC first (so RSS read afterwards is read without garbage too); -1 if jcmd could not do it.
     */
    long liveHeapBytes() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return -1;
        }
        // The last line: "Total <instances> <bytes>".
        for (String line : out.lines().toList().reversed()) {
            if (line.startsWith("Total")) {
                String[] f = line.trim().split("\\s+");
                return Long.parseLong(f[f.length - 1]);
            }
        }
        return -1;
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
