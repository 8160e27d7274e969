package io.jras.core.phonebook;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;

/**
 * A second process for {@link ConcurrentWritersTest}: waits for a line on stdin (so that both
 * processes start writing together), then adds {@code count} entries named {@code prefix-i}.
 */
public final class ConcurrentWriter {

    private ConcurrentWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        new BufferedReader(new InputStreamReader(System.in)).readLine();
        Phonebook pb = Phonebook.load(file);
        for (int i = 0; i < count; i++) {
            pb.add(PhonebookEntry.create(prefix + "-" + i, "tcp:127.0.0.1:" + (7000 + i)));
            pb.edit("Shared", e -> e.withValue("X-" + prefix, String.valueOf(e.redialAttempts())));
        }
        System.out.println("done " + prefix);
    }
}
