package io.jras.core.phonebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writers in several threads and in several processes all keep their entries. */
class ConcurrentWritersTest {

    private static final int PER_WRITER = 25;

    @TempDir
    Path dir;

    private Path phonebookWithSharedEntry() throws Exception {
        Path file = dir.resolve("rasphone.pbk");
        Phonebook.load(file).add(PhonebookEntry.create("Shared", "tcp:127.0.0.1:7000"));
        return file;
    }

    @Test
    void writersInFourThreadsEachWithTheirOwnSnapshotLoseNothing() throws Exception {
        Path file = phonebookWithSharedEntry();
        int writers = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int w = 0; w < writers; w++) {
                String prefix = "t" + w;
                done.add(pool.submit(() -> {
                    Phonebook pb = Phonebook.load(file);
                    start.await();
                    for (int i = 0; i < PER_WRITER; i++) {
                        pb.add(PhonebookEntry.create(prefix + "-" + i, "tcp:127.0.0.1:" + (7000 + i)));
                        pb.edit("Shared", e -> e.withValue("X-" + prefix, String.valueOf(e.redialAttempts())));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
        assertEveryoneKeptTheirWrites(file, List.of("t0", "t1", "t2", "t3"));
    }

    @Test
    void writersInTwoProcessesLoseNothing() throws Exception {
        Path file = phonebookWithSharedEntry();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (String prefix : List.of("p0", "p1")) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ConcurrentWriter.class.getName(), file.toString(), prefix, String.valueOf(PER_WRITER))
                    .redirectErrorStream(true)
                    .start());
        }
        for (Process p : processes) { // both JVMs are up and waiting: let them go at once
            OutputStream in = p.getOutputStream();
            in.write("go\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
        }
        for (Process p : processes) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
        }
        assertEveryoneKeptTheirWrites(file, List.of("p0", "p1"));
    }

    private static void assertEveryoneKeptTheirWrites(Path file, List<String> prefixes) throws Exception {
        Phonebook pb = Phonebook.load(file);
        List<String> expected = new ArrayList<>();
        expected.add("Shared");
        for (String prefix : prefixes) {
            for (int i = 0; i < PER_WRITER; i++) {
                expected.add(prefix + "-" + i);
            }
        }
        assertThat(pb.names()).containsExactlyInAnyOrderElementsOf(expected);
        PhonebookEntry shared = pb.entry("Shared");
        for (String prefix : prefixes) {
            assertThat(shared.value("X-" + prefix)).as("the shared entry keeps %s's key", prefix).isPresent();
        }
    }
}
