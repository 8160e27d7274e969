package io.jras.link;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The device a connection runs over, as a user writes it in a phonebook entry or on the command
 * line. {@link #parse(String)} reads the text; {@link #toString()} writes the canonical text back,
 * and {@code parse(spec.toString())} always equals {@code spec}.
 *
 * <pre>
 * tcp:HOST:PORT            a TCP line; an IPv6 host goes in brackets: tcp:[::1]:7001
 * serial:PATH[@BAUD]       a serial port, 8N1, at BAUD (115200 when left out; always written back)
 * modem:tcp:HOST:PORT      a Hayes modem reached over TCP (a terminal server, the modem emulator)
 * modem:PATH[@BAUD]        a Hayes modem on a serial port (also modem:serial:PATH[@BAUD])
 * exec:COMMAND             a subprocess run by /bin/sh -c; its stdin/stdout is the line
 * exec+pty:COMMAND         the same, with a pseudo-terminal as its stdin/stdout (slirp wants one)
 * </pre>
 */
public sealed interface DeviceSpec {

    int DEFAULT_BAUD = 115_200;

    String SYNTAX = "tcp:HOST:PORT, serial:PATH[@BAUD], modem:tcp:HOST:PORT, modem:PATH[@BAUD], "
            + "exec:COMMAND or exec+pty:COMMAND";

    /** RAS device type, as {@link Transport#deviceType()} names it. */
    String deviceType();

    /** A TCP line to {@code host:port}; {@code host} is a name or an address, IPv6 without brackets. */
    record Tcp(String host, int port) implements DeviceSpec {
        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
        private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9._-]+)?");

        public Tcp {
            Objects.requireNonNull(host, "host");
            if (!(host.contains(":") ? IPV6.matcher(host).matches() : NAME.matcher(host).matches())) {
                throw new IllegalArgumentException("not a host name or address: '" + host + "'");
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("port must be 1-65535, not " + port);
            }
        }

        @Override
        public String deviceType() {
            return "tcp";
        }

        /** {@code host:port}, the IPv6 host in brackets. */
        public String authority() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }

        @Override
        public String toString() {
            return "tcp:" + authority();
        }
    }

    /** A serial port at {@code baud}, 8 data bits, no parity, one stop bit. */
    record Serial(String path, int baud) implements DeviceSpec {
        public Serial {
            Objects.requireNonNull(path, "path");
            if (path.isBlank()) {
                throw new IllegalArgumentException("a serial port needs a path, as in serial:/dev/ttyUSB0");
            }
            if (baud <= 0) {
                throw new IllegalArgumentException("baud must be positive, not " + baud);
            }
        }

        public Serial(String path) {
            this(path, DEFAULT_BAUD);
        }

        @Override
        public String deviceType() {
            return "serial";
        }

        /** {@code PATH@BAUD}. */
        public String portText() {
            return path + "@" + baud;
        }

        @Override
        public String toString() {
            return "serial:" + portText();
        }
    }

    /** A Hayes modem on {@code line}, which is a {@link Tcp} or {@link Serial} line. */
    record Modem(DeviceSpec line) implements DeviceSpec {
        public Modem {
            Objects.requireNonNull(line, "line");
            if (!(line instanceof Tcp || line instanceof Serial)) {
                throw new IllegalArgumentException("a modem sits on a tcp or serial line, not on " + line);
            }
        }

        @Override
        public String deviceType() {
            return "modem";
        }

        @Override
        public String toString() {
            return switch (line) {
                case Serial s -> "modem:" + s.portText();
                default -> "modem:" + line;
            };
        }
    }

    /** A subprocess run by {@code /bin/sh -c command}; with {@code pty} its stdin/stdout is a terminal. */
    record Exec(String command, boolean pty) implements DeviceSpec {
        public Exec {
            Objects.requireNonNull(command, "command");
            if (command.isBlank()) {
                throw new IllegalArgumentException("exec needs a command, as in exec:ssh host pppd notty");
            }
        }

        public Exec(String command) {
            this(command, false);
        }

        @Override
        public String deviceType() {
            return "exec";
        }

        @Override
        public String toString() {
            return (pty ? "exec+pty:" : "exec:") + command;
        }
    }

    /**
     * Reads a device from its text.
     *
     * @throws IllegalArgumentException naming what is wrong and the accepted forms
     */
    static DeviceSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no device given: expected " + SYNTAX);
        }
        int colon = text.indexOf(':');
        String scheme = colon < 0 ? text : text.substring(0, colon);
        String rest = colon < 0 ? "" : text.substring(colon + 1);
        try {
            return switch (scheme) {
                case "tcp" -> parseTcp(rest);
                case "serial" -> parseSerial(rest);
                case "modem" -> new Modem(rest.startsWith("tcp:") ? parseTcp(rest.substring(4))
                        : parseSerial(rest.startsWith("serial:") ? rest.substring(7) : rest));
                case "exec" -> new Exec(rest, false);
                case "exec+pty" -> new Exec(rest, true);
                default -> throw new IllegalArgumentException("unknown device type '" + scheme + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad device '" + text + "': " + e.getMessage() + " (expected " + SYNTAX + ")", e);
        }
    }

    private static Tcp parseTcp(String authority) {
        String host;
        String port;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("an IPv6 host lacks its closing ']'");
            }
            host = authority.substring(1, close);
            if (!host.contains(":")) {
                throw new IllegalArgumentException("only IPv6 addresses go in brackets, not '" + host + "'");
            }
            String after = authority.substring(close + 1);
            if (!after.startsWith(":")) {
                throw new IllegalArgumentException("tcp needs a port after the host, as in tcp:[::1]:7001");
            }
            port = after.substring(1);
        } else {
            int colon = authority.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("tcp needs HOST:PORT, as in tcp:127.0.0.1:7001");
            }
            host = authority.substring(0, colon);
            port = authority.substring(colon + 1);
            if (host.contains(":")) {
                throw new IllegalArgumentException("an IPv6 host goes in brackets, as in tcp:[::1]:7001");
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("tcp needs a host before the port");
        }
        return new Tcp(host, number(port, "port"));
    }

    private static Serial parseSerial(String portText) {
        int at = portText.lastIndexOf('@');
        if (at < 0) {
            return new Serial(portText);
        }
        return new Serial(portText.substring(0, at), number(portText.substring(at + 1), "baud"));
    }

    private static int number(String digits, String what) {
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(what + " must be a number, not '" + digits + "'");
        }
        return Integer.parseInt(digits);
    }
}
