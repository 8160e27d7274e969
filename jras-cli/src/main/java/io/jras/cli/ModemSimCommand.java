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
                + " that result; other numbers get NO CARRIER. A --line NUMBER=tcp:HOST:PORT is a subscriber line:"
                + " its DTE attaches at that address, and dialing NUMBER from any line rings it (RING; ATA or S0=n"
                + " answers; BUSY, NO ANSWER after S7, NO CARRIER when the other side hangs up). Prints one line per"
                + " call. Dial it with the device modem:tcp:HOST:PORT.")
final class ModemSimCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--listen", required = true, paramLabel = "tcp:HOST:PORT",
            description = "Where to accept modem lines, e.g. tcp:127.0.0.1:5000.")
    String listen;

    @Option(names = "--map", paramLabel = "NUMBER=TARGET",
            description = "NUMBER=tcp:HOST:PORT or NUMBER=BUSY|NO CARRIER|NO ANSWER|NO DIALTONE|VOICE (repeatable).")
    List<String> mappings = new ArrayList<>();

    @Option(names = "--line", paramLabel = "NUMBER=tcp:HOST:PORT",
            description = "A subscriber line with its number, and where its DTE attaches (one at a time), e.g."
                    + " 5550100=tcp:127.0.0.1:5001 for jras serve --listen modem:tcp:127.0.0.1:5001 (repeatable).")
    List<String> lines = new ArrayList<>();

    @Option(names = "--dial-delay", paramLabel = "MILLIS", defaultValue = "300",
            description = "How long a dial takes to fail (default: ${DEFAULT-VALUE} ms).")
    long dialDelayMillis;

    @Option(names = "--ring-interval", paramLabel = "MILLIS", defaultValue = "6000",
            description = "How often a called line says RING (default: ${DEFAULT-VALUE} ms).")
    long ringIntervalMillis;

    @Option(names = "--answer-wait", paramLabel = "SECONDS", defaultValue = "50",
            description = "S7 at reset: how long a caller waits for the called line to answer, 1-255"
                    + " (default: ${DEFAULT-VALUE} s).")
    long answerWaitSeconds;

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
        Map<String, InetSocketAddress> subscribers;
        try {
            subscribers = ModemEmulator.parseLines(lines);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--line: " + e.getMessage());
        }
        ModemEmulator.Options options;
        try {
            options = ModemEmulator.Options.DEFAULTS.withDialDelay(Duration.ofMillis(dialDelayMillis))
                    .withRingInterval(Duration.ofMillis(ringIntervalMillis))
                    .withCarrierWait(Duration.ofSeconds(answerWaitSeconds));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        ModemEmulator built;
        try {
            built = new ModemEmulator(numbers, subscribers, bind, options, line -> {
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            });
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try (ModemEmulator emulator = built) {
            emulator.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                emulator.close();
                stopped.countDown();
            }));
            synchronized (out) {
                out.println("modem-sim: listening on " + DeviceSpec.parse(listen));
                emulator.numbers().forEach((number, target) -> out.println("modem-sim: " + number + " -> " + target));
                emulator.lines().forEach(number ->
                        out.println("modem-sim: line " + number + " attaches at tcp:" + hostPort(emulator.lineAddress(number))));
                out.flush();
            }
            stopped.await();
        }
        return 0;
    }

    private static String hostPort(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
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
