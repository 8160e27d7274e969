package io.jras.cli;

import io.jras.link.DeviceSpec;
import io.jras.link.modem.sim.Destination;
import io.jras.link.modem.sim.ModemEmulator;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jras modem-sim}: runs the Hayes modem emulator until interrupted. Each TCP connection to
 * it is a modem line; dialing a mapped number connects to a TCP endpoint or answers a result.
 */
@Command(name = "modem-sim", mixinStandardHelpOptions = true,
        description = "Run a Hayes modem emulator until interrupted: each TCP connection is a modem line that"
                + " answers AT commands. Dialing a number mapped to tcp:HOST:PORT connects there (CONNECT 115200)"
                + " and relays bytes; a number mapped to BUSY, NO CARRIER, NO ANSWER, NO DIALTONE or VOICE gets"
                + " that result; other numbers get NO CARRIER. Prints one line per call."
                + " Dial it with the device modem:tcp:HOST:PORT.")
final class ModemSimCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--listen", required = true, paramLabel = "tcp:HOST:PORT",
            description = "Where to accept modem lines, e.g. tcp:127.0.0.1:5000.")
    String listen;

    @Option(names = "--map", paramLabel = "NUMBER=TARGET",
            description = "NUMBER=tcp:HOST:PORT or NUMBER=BUSY|NO CARRIER|NO ANSWER|NO DIALTONE|VOICE (repeatable).")
    List<String> mappings = new ArrayList<>();

    @Option(names = "--dial-delay", paramLabel = "MILLIS", defaultValue = "300",
            description = "How long a dial takes to fail (default: ${DEFAULT-VALUE} ms).")
    long dialDelayMillis;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        InetSocketAddress bind = listenAddress();
        Map<String, Destination> numbers;
        try {
            numbers = ModemEmulator.parseMap(mappings);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--map: " + e.getMessage());
        }
        ModemEmulator.Options options = ModemEmulator.Options.DEFAULTS.withDialDelay(Duration.ofMillis(dialDelayMillis));
        CountDownLatch stopped = new CountDownLatch(1);
        try (ModemEmulator emulator = new ModemEmulator(numbers, bind, options, line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        })) {
            emulator.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                emulator.close();
                stopped.countDown();
            }));
            synchronized (out) {
                out.println("modem-sim: listening on " + DeviceSpec.parse(listen));
                emulator.numbers().forEach((number, target) -> out.println("modem-sim: " + number + " -> " + target));
                out.flush();
            }
            stopped.await();
        }
        return 0;
    }

    private InetSocketAddress listenAddress() {
        try {
            if (DeviceSpec.parse(listen) instanceof DeviceSpec.Tcp tcp) {
                return new InetSocketAddress(tcp.host(), tcp.port());
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--listen: " + e.getMessage());
        }
        throw new ParameterException(spec.commandLine(), "--listen takes tcp:HOST:PORT, not '" + listen + "'");
    }
}
