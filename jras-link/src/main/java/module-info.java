/** Byte transports (TCP, serial, subprocess, pty, in-memory), the Hayes modem dialer and its emulator. */
module io.jras.link {
    requires com.fazecast.jSerialComm;

    exports io.jras.link;
    exports io.jras.link.modem;
    exports io.jras.link.modem.sim;
    exports io.jras.link.pty;
}
