package io.jras.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessTransportTest {

    @Test
    void catEchoesTheLineBackThroughPipes() throws Exception {
        try (ProcessTransport cat = ProcessTransport.start(new DeviceSpec.Exec("cat"))) {
            byte[] all = allBytes();
            cat.output().write(all);
            assertThat(Reads.exactly(cat.input(), all.length)).isEqualTo(all);
            assertThat(cat.ptyPath()).isNull();
        }
    }

    @Test
    void theChildGetsATerminalWhenAskedForAPty() throws Exception {
        try (ProcessTransport child = ProcessTransport.start(new DeviceSpec.Exec("tty; stty -a", true))) {
            String out = new String(Reads.toEnd(child.input()), StandardCharsets.ISO_8859_1);
            assertThat(out).startsWith(child.ptyPath() + "\n").contains("/dev/pts/");
            // raw: no echo, no line editing, no signals, no CR/LF mapping, no output processing
            assertThat(out).contains("-echo ").contains("-icanon").contains("-isig").contains("-icrnl").contains("-opost");
            assertThat(child.stderrTail()).isEmpty();
        }
    }

    @Test
    void theTerminalIsTheChildsControllingTty() throws Exception {
        // `tty` tells stdin apart; /dev/tty opens only when the pty is the controlling terminal
        try (ProcessTransport child = ProcessTransport.start(new DeviceSpec.Exec("echo ctty > /dev/tty", true))) {
            assertThat(new String(Reads.toEnd(child.input()), StandardCharsets.US_ASCII)).isEqualTo("ctty\n");
        }
    }

    @Test
    void aPtyCarriesEveryByteValueUnchanged() throws Exception {
        try (ProcessTransport cat = ProcessTransport.start(new DeviceSpec.Exec("cat", true))) {
            byte[] all = allBytes();
            // three rounds: ^C, ^D, ^S/^Q, CR, NUL and 0xff must all pass as data
            for (int round = 0; round < 3; round++) {
                cat.output().write(all);
                assertThat(Reads.exactly(cat.input(), all.length)).isEqualTo(all);
            }
        }
    }

    @Test
    void theInputEndsWhenTheChildExits() throws Exception {
        try (ProcessTransport pipes = ProcessTransport.start(new DeviceSpec.Exec("printf done"));
                ProcessTransport pty = ProcessTransport.start(new DeviceSpec.Exec("printf done", true))) {
            assertThat(Reads.toEnd(pipes.input())).asString().isEqualTo("done");
            assertThat(Reads.toEnd(pty.input())).asString().isEqualTo("done");
        }
    }

    @Test
    void closingEndsTheChildAndEverythingItStarted() throws Exception {
        for (boolean pty : new boolean[] {false, true}) {
            ProcessTransport child = ProcessTransport.start(new DeviceSpec.Exec("sleep 300 & sleep 300 & echo up; wait", pty));
            Reads.untilText(child.input(), "up");
            List<ProcessHandle> tree = child.processHandle().descendants().toList();
            assertThat(tree).hasSizeGreaterThanOrEqualTo(2);

            child.close();

            assertThat(ProcessTransport.running(child.processHandle())).isFalse();
            assertThat(tree).noneMatch(ProcessTransport::running);
        }
    }

    @Test
    void closingEndsAChildThatIgnoresSigterm() throws Exception {
        ProcessTransport child = ProcessTransport.start(new DeviceSpec.Exec("trap '' TERM HUP; echo up; while :; do sleep 1; done"));
        Reads.untilText(child.input(), "up");
        long start = System.nanoTime();
        child.close();
        assertThat(child.processHandle().onExit().get(5, java.util.concurrent.TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(ProcessTransport.KILL_GRACE.multipliedBy(3));
    }

    @Test
    void theChildsStderrIsKeptApartFromTheLine() throws Exception {
        try (ProcessTransport child = ProcessTransport.start(new DeviceSpec.Exec("echo oops >&2; printf data", true))) {
            assertThat(Reads.toEnd(child.input())).asString().isEqualTo("data");
            child.processHandle().onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
            long deadline = System.nanoTime() + Reads.LIMIT.toNanos();
            while (!child.stderrTail().contains("oops") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(child.stderrTail()).isEqualTo("oops\n");
        }
    }

    @Test
    void itNamesItselfByItsCommand() throws IOException, RasException {
        try (ProcessTransport child = ProcessTransport.start(new DeviceSpec.Exec("cat"))) {
            assertThat(child.deviceType()).isEqualTo("exec");
            assertThat(child.deviceName()).isEqualTo("cat");
            assertThat(child.hasDtr()).isFalse();
            assertThat(child.carrier()).isTrue();
        }
    }

    static byte[] allBytes() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        return all;
    }
}
