package io.jras.daemon.testkit;

import io.jras.core.Device;
import io.jras.link.RasError;
import io.jras.link.RasException;
import io.jras.link.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** A device for "tcp:HOST:PORT" (tests only; jras-link grows the real one). */
final class TcpDevice implements Device {

    private final String spec;
    private final InetSocketAddress address;

    TcpDevice(String spec) throws RasException {
        String[] parts = spec.split(":");
        if (parts.length != 3 || !parts[0].equals("tcp")) {
            throw new RasException(RasError.DEVICE_DOES_NOT_EXIST, spec);
        }
        this.spec = spec;
        this.address = new InetSocketAddress(parts[1], Integer.parseInt(parts[2]));
    }

    @Override
    public String type() {
        return "tcp";
    }

    @Override
    public String name() {
        return spec;
    }

    @Override
    public Transport open(Duration timeout) throws RasException {
        Socket s = new Socket();
        try {
            s.connect(address, (int) timeout.toMillis());
            s.setTcpNoDelay(true);
        } catch (IOException e) {
            throw new RasException(RasError.PORT_NOT_AVAILABLE, e.getMessage());
        }
        return new Transport() {
            @Override
            public InputStream input() throws IOException {
                return s.getInputStream();
            }

            @Override
            public OutputStream output() throws IOException {
                return s.getOutputStream();
            }

            @Override
            public String deviceType() {
                return "tcp";
            }

            @Override
            public String deviceName() {
                return spec;
            }

            @Override
            public void close() throws IOException {
                s.close();
            }
        };
    }
}
