package io.jras.core;

import io.jras.link.DeviceSpec;
import io.jras.link.RasError;
import io.jras.link.RasException;
import io.jras.link.Transport;
import io.jras.link.Transports;
import io.jras.link.modem.DialOutcome;
import io.jras.link.modem.ModemConfig;
import io.jras.link.modem.ModemLine;
import io.jras.link.modem.ModemSession;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** jras-link's transports and Hayes modem dialer as manager {@link Device}s, by device spec. */
public final class LinkDevices {
    private LinkDevices() {
    }

    /** The device for "tcp:HOST:PORT", "serial:PATH[@BAUD]", "modem:...", "exec:COMMAND"; 87 if malformed. */
    public static Device forSpec(String spec) throws RasException {
        return forSpec(spec, ModemConfig.DEFAULT_STEP_TIMEOUT);
    }

    /** As {@link #forSpec(String)}, with the modem's per-step chat timeout (45 s by default). */
    public static Device forSpec(String spec, Duration modemStepTimeout) throws RasException {
        DeviceSpec parsed;
        try {
            parsed = DeviceSpec.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new RasException(RasError.INVALID_PARAMETER, e.getMessage());
        }
        return parsed instanceof DeviceSpec.Modem modem ? new ModemDevice(modem, modemStepTimeout) : new LineDevice(parsed);
    }

    /** A direct line: the port is the connection (TCP, a null-modem serial line, a subprocess). */
    private record LineDevice(DeviceSpec spec) implements Device {
        @Override
        public String type() {
            return spec.deviceType();
        }

        @Override
        public String name() {
            return spec.toString();
        }

        @Override
        public Transport open(Duration timeout) throws RasException {
            return Transports.open(spec, timeout);
        }
    }

    /** A Hayes modem on a line: ConnectDevice dials the numbers in order; hang-up is +++/ATH and DTR. */
    private record ModemDevice(DeviceSpec.Modem spec, Duration stepTimeout) implements Device {
        @Override
        public String type() {
            return "modem";
        }

        @Override
        public String name() {
            return spec.toString();
        }

        @Override
        public Transport open(Duration timeout) throws RasException {
            return ModemLine.open(spec, timeout);
        }

        @Override
        public OptionalLong connect(Transport port, List<String> numbers, Consumer<String> progress) throws RasException {
            if (numbers.isEmpty()) {
                throw new RasException(RasError.BAD_PHONE_NUMBER, "a modem entry needs a phone number");
            }
            try {
                DialOutcome outcome = ModemSession.dial((ModemLine) port,
                        ModemConfig.dialing(numbers.toArray(String[]::new)).withStepTimeout(stepTimeout)
                                .withDialTimeout(stepTimeout), e -> progress.accept(e.toString()));
                return switch (outcome) {
                    case DialOutcome.Connected c -> c.speed().isPresent() ? OptionalLong.of(c.speed().getAsInt()) : OptionalLong.empty();
                    case DialOutcome.Failed f -> throw new RasException(f.rasError(), f.describe());
                };
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RasException(RasError.USER_DISCONNECTION, "the dial was hung up");
            }
        }

        @Override
        public void hangUp(Transport port) {
            try {
                ModemSession.hangUp((ModemLine) port);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // Best effort: closing the port follows and drops the line anyway.
            }
        }
    }
}
