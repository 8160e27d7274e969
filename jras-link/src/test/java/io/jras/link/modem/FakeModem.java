package io.jras.link.modem;

import io.jras.link.MemoryTransport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A scripted modem on the far end of a memory line: each command line (up to CR) gets the
 * script's answer (null: silence), and {@code +++} gets {@code OK}. It records what it heard.
 */
final class FakeModem {

    final List<String> heard = new CopyOnWriteArrayList<>();
    private final MemoryTransport line;
    private final Function<String, String> script;

    FakeModem(MemoryTransport line, Function<String, String> script) {
        this.line = line;
        this.script = script;
        Thread.ofVirtual().name("fake-modem").start(this::run);
    }

    /** Answers OK to anything but the dial, which gets {@code dialAnswer}. */
    static Function<String, String> answeringDialWith(String dialAnswer) {
        return command -> command.startsWith("ATD") ? dialAnswer : "\r\nOK\r\n";
    }

    private void run() {
        StringBuilder command = new StringBuilder();
        try {
            InputStream in = line.input();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\r') {
                    String text = command.toString();
                    command.setLength(0);
                    heard.add(text);
                    String answer = script.apply(text);
                    if (answer != null) {
                        write(answer);
                    }
                } else {
                    command.append((char) b);
                    if (command.toString().equals("+++")) {
                        command.setLength(0);
                        heard.add("+++");
                        write("\r\nOK\r\n");
                    }
                }
            }
        } catch (IOException e) {
            // the line closed
        }
    }

    void write(String text) throws IOException {
        line.output().write(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
