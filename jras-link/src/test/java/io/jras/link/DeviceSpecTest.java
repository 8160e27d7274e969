package io.jras.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.link.DeviceSpec.Exec;
import io.jras.link.DeviceSpec.Modem;
import io.jras.link.DeviceSpec.Serial;
import io.jras.link.DeviceSpec.Tcp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DeviceSpecTest {

    @Test
    void eachFormParsesToItsRecord() {
        assertThat(DeviceSpec.parse("tcp:127.0.0.1:7001")).isEqualTo(new Tcp("127.0.0.1", 7001));
        assertThat(DeviceSpec.parse("tcp:ras.example.net:23")).isEqualTo(new Tcp("ras.example.net", 23));
        assertThat(DeviceSpec.parse("tcp:[::1]:7001")).isEqualTo(new Tcp("::1", 7001));
        assertThat(DeviceSpec.parse("tcp:[fe80::1%eth0]:7001")).isEqualTo(new Tcp("fe80::1%eth0", 7001));
        assertThat(DeviceSpec.parse("serial:/dev/ttyUSB0@57600")).isEqualTo(new Serial("/dev/ttyUSB0", 57600));
        assertThat(DeviceSpec.parse("modem:tcp:localhost:5000")).isEqualTo(new Modem(new Tcp("localhost", 5000)));
        assertThat(DeviceSpec.parse("modem:/dev/ttyS0@9600")).isEqualTo(new Modem(new Serial("/dev/ttyS0", 9600)));
        assertThat(DeviceSpec.parse("exec:ssh host pppd notty")).isEqualTo(new Exec("ssh host pppd notty", false));
        assertThat(DeviceSpec.parse("exec+pty:slirp ppp")).isEqualTo(new Exec("slirp ppp", true));
    }

    @Test
    void aSerialPortWithoutBaudRunsAt115200() {
        assertThat(DeviceSpec.parse("serial:/dev/ttyUSB0")).isEqualTo(new Serial("/dev/ttyUSB0", 115_200));
        assertThat(DeviceSpec.parse("modem:/dev/ttyACM0")).isEqualTo(new Modem(new Serial("/dev/ttyACM0", 115_200)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "tcp:127.0.0.1:7001", "tcp:[::1]:7001", "tcp:[fe80::1%eth0]:65535", "tcp:host-1.example:1",
        "serial:/dev/ttyUSB0@115200", "serial:/dev/serial/by-path/pci-0000:00:14.0-usb-0:1:1.0-port0@9600",
        "modem:tcp:[2001:db8::2]:5000", "modem:/dev/ttyS0@57600",
        "exec:ssh -t host 'pppd notty'", "exec+pty:slirp ppp nozeros", "exec:a:b:c",
    })
    void theCanonicalTextComesBackUnchanged(String text) {
        DeviceSpec spec = DeviceSpec.parse(text);
        assertThat(spec.toString()).isEqualTo(text);
        assertThat(DeviceSpec.parse(spec.toString())).isEqualTo(spec);
    }

    @Test
    void writingBackSpellsOutTheDefaultBaudAndTheShortModemForm() {
        assertThat(DeviceSpec.parse("serial:/dev/ttyUSB0")).hasToString("serial:/dev/ttyUSB0@115200");
        assertThat(DeviceSpec.parse("modem:serial:/dev/ttyS1@9600")).hasToString("modem:/dev/ttyS1@9600");
    }

    @Test
    void aSerialPathMayHoldColonsAndAtSignsBeforeTheBaud() {
        assertThat(DeviceSpec.parse("serial:/dev/by-id/a@b:c@19200")).isEqualTo(new Serial("/dev/by-id/a@b:c", 19200));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                          | no device given",
        "'   '                       | no device given",
        "udp:1.2.3.4:5               | unknown device type 'udp'",
        "/dev/ttyS0                  | unknown device type '/dev/ttyS0'",
        "tcp:localhost               | tcp needs HOST:PORT",
        "tcp::7001                   | tcp needs a host",
        "tcp:localhost:              | port must be a number, not ''",
        "tcp:localhost:http          | port must be a number, not 'http'",
        "tcp:localhost:0             | port must be 1-65535, not 0",
        "tcp:localhost:65536         | port must be 1-65535, not 65536",
        "tcp:::1:7001                | an IPv6 host goes in brackets, as in tcp:[::1]:7001",
        "tcp:[::1:7001               | lacks its closing ']'",
        "tcp:[::1]                   | tcp needs a port after the host",
        "tcp:[localhost]:1           | only IPv6 addresses go in brackets",
        "tcp:bad host:1              | not a host name or address: 'bad host'",
        "serial:                     | a serial port needs a path",
        "serial:/dev/ttyS0@          | baud must be a number, not ''",
        "serial:/dev/ttyS0@fast      | baud must be a number, not 'fast'",
        "serial:/dev/ttyS0@0         | baud must be positive, not 0",
        "modem:                      | a serial port needs a path",
        "modem:tcp:host              | tcp needs HOST:PORT",
        "exec:                       | exec needs a command",
        "exec+pty:   | exec needs a command",
    })
    void badTextIsRefusedWithAMessageThatSaysWhy(String text, String message) {
        assertThatThrownBy(() -> DeviceSpec.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .hasMessageContaining("expected tcp:HOST:PORT");
    }

    @Test
    void aModemSitsOnlyOnATcpOrSerialLine() {
        assertThatThrownBy(() -> new Modem(new Exec("cat")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a modem sits on a tcp or serial line");
    }

    @Test
    void eachFormNamesItsRasDeviceType() {
        assertThat(DeviceSpec.parse("tcp:h:1").deviceType()).isEqualTo("tcp");
        assertThat(DeviceSpec.parse("serial:/dev/x").deviceType()).isEqualTo("serial");
        assertThat(DeviceSpec.parse("modem:tcp:h:1").deviceType()).isEqualTo("modem");
        assertThat(DeviceSpec.parse("exec:cat").deviceType()).isEqualTo("exec");
    }
}
