package io.jras.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.link.pty.Pty;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SerialTransport on the slave of a raw pty (no hardware here): the pty's master plays the far
 * end of the cable. DTR and CD need a real port and are not exercised.
 */
class SerialTransportTest {

    @Test
    void bytesCrossTheCableBothWays() throws Exception {
        try (Pty cable = Pty.open();
                SerialTransport port = SerialTransport.open(new DeviceSpec.Serial(cable.slavePath(), 115_200),
                        SerialTransport.Options.LINE)) {
            byte[] all = ProcessTransportTest.allBytes();
            port.output().write(all);
            assertThat(Reads.exactly(cable.input(), all.length)).isEqualTo(all);
            cable.output().write(all);
            assertThat(Reads.exactly(port.input(), all.length)).isEqualTo(all);
        }
    }

    @Test
    void aPtyHasNoModemLinesSoCarrierIsAlwaysPresent() throws Exception {
        try (Pty cable = Pty.open();
                SerialTransport port = SerialTransport.open(new DeviceSpec.Serial(cable.slavePath(), 9600),
                        SerialTransport.Options.MODEM)) {
            assertThat(port.hasDtr()).isFalse();
            assertThat(port.carrier()).isTrue();
            port.setDtr(false); // nothing to drop, and no failure
            assertThat(port.deviceType()).isEqualTo("serial");
            assertThat(port.deviceName()).isEqualTo(cable.slavePath());
        }
    }

    @Test
    void aSymlinkToAPtyIsSeenAsAPty(@TempDir Path dir) throws Exception {
        try (Pty cable = Pty.open()) {
            Path link = Files.createSymbolicLink(dir.resolve("ttyV0"), Path.of(cable.slavePath()));
            try (SerialTransport port = SerialTransport.open(new DeviceSpec.Serial(link.toString()), SerialTransport.Options.MODEM)) {
                assertThat(port.hasDtr()).isFalse();
                port.output().write("AT\r".getBytes(StandardCharsets.US_ASCII));
                assertThat(Reads.untilText(cable.input(), "AT\r")).isEqualTo("AT\r");
            } finally {
                Files.delete(link);
            }
        }
    }

    @Test
    void aMissingPortIsError633() {
        assertThatThrownBy(() -> SerialTransport.open(new DeviceSpec.Serial("/dev/ttyNOPE9"), SerialTransport.Options.LINE))
                .isInstanceOfSatisfying(RasException.class, e -> {
                    assertThat(e.code()).isEqualTo(RasError.PORT_NOT_AVAILABLE);
                    assertThat(e.getMessage()).contains("no such port /dev/ttyNOPE9");
                });
    }

    @Test
    void aPortThatIsAlreadyOpenIsError633() throws Exception {
        try (Pty cable = Pty.open();
                SerialTransport first = SerialTransport.open(new DeviceSpec.Serial(cable.slavePath()), SerialTransport.Options.LINE)) {
            assertThat(first.deviceName()).isEqualTo(cable.slavePath());
            assertThatThrownBy(() -> SerialTransport.open(new DeviceSpec.Serial(cable.slavePath()), SerialTransport.Options.LINE))
                    .isInstanceOfSatisfying(RasException.class, e -> assertThat(e.code()).isEqualTo(633));
        }
    }

    @Test
    void aFileThatIsNoPortIsError633(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-tty"), "x");
        assertThatThrownBy(() -> SerialTransport.open(new DeviceSpec.Serial(file.toString()), SerialTransport.Options.LINE))
                .isInstanceOfSatisfying(RasException.class, e -> assertThat(e.code()).isEqualTo(633));
    }

    @Test
    void closingUnblocksAPendingReadAndReleasesThePort() throws Exception {
        try (Pty cable = Pty.open()) {
            DeviceSpec.Serial spec = new DeviceSpec.Serial(cable.slavePath());
            SerialTransport port = SerialTransport.open(spec, SerialTransport.Options.LINE);
            var read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return port.input().read();
                } catch (java.io.IOException e) {
                    return -2;
                }
            });
            port.close();
            assertThat(read.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(-1);
            // the port is free again once the reader has let go
            long deadline = System.nanoTime() + Reads.LIMIT.toNanos();
            SerialTransport again = null;
            while (again == null) {
                try {
                    again = SerialTransport.open(spec, SerialTransport.Options.LINE);
                } catch (RasException busy) {
                    if (System.nanoTime() > deadline) {
                        throw busy;
                    }
                    Thread.sleep(20);
                }
            }
            again.close();
        }
    }
}
