package io.jras.link;

import java.time.Duration;

/** Opens the line a {@link DeviceSpec} names. */
public final class Transports {

    private Transports() {
    }

    /**
     * Opens {@code spec}'s line. For a {@link DeviceSpec.Modem} that is the line the modem sits on
     * (a serial port gets RTS/CTS and carrier watching); nothing is said to the modem yet, see
     * {@code io.jras.link.modem.ModemLine} and {@code ModemSession} for that.
     *
     * @param timeout how long a TCP connect may take; opening a port or starting a process does
     *     not wait
     * @throws RasException 633 when the port or process cannot be had, 678 when a TCP peer does
     *     not answer
     */
    public static Transport open(DeviceSpec spec, Duration timeout) throws RasException {
        return switch (spec) {
            case DeviceSpec.Tcp tcp -> TcpTransport.connect(tcp, timeout);
            case DeviceSpec.Serial serial -> SerialTransport.open(serial, SerialTransport.Options.LINE);
            case DeviceSpec.Exec exec -> ProcessTransport.start(exec);
            case DeviceSpec.Modem modem -> switch (modem.line()) {
                case DeviceSpec.Serial serial -> SerialTransport.open(serial, SerialTransport.Options.MODEM);
                case DeviceSpec.Tcp tcp -> TcpTransport.connect(tcp, timeout);
                default -> throw new IllegalArgumentException("a modem sits on a tcp or serial line: " + modem);
            };
        };
    }
}
