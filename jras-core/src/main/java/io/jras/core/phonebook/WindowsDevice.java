package io.jras.core.phonebook;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The jras device of a Windows entry that has no {@code JrasDevice=}, from its first link's
 * {@code MEDIA=} sub-section: a port {@code COMn} is {@code /dev/ttyS(n-1)}, a port that is already
 * a {@code /dev/} path is kept, {@code ConnectBPS=} becomes the speed, and a link with a
 * {@code DEVICE=modem} sub-section dials through a modem on that port:
 * <pre>
 *   MEDIA=serial, Port=COM2, ConnectBPS=57600, DEVICE=modem  →  modem:serial:/dev/ttyS1@57600
 *   MEDIA=serial, Port=/dev/ttyUSB0, DEVICE=null             →  serial:/dev/ttyUSB0
 * </pre>
 * Other ports (VPN miniports such as {@code VPN2-0}, PPPoE, ISDN) have no jras device.
 */
final class WindowsDevice {

    private static final Pattern COM = Pattern.compile("(?i)COM([1-9][0-9]{0,2})");

    private WindowsDevice() {
    }

    static Optional<String> derive(SectionLayout layout) {
        Optional<SectionLayout.Subsection> media = layout.media();
        if (media.isEmpty()) {
            return Optional.empty();
        }
        String port = layout.value(media.get(), PhonebookKeys.PORT).orElse("").strip();
        String path;
        Matcher m = COM.matcher(port);
        if (m.matches()) {
            path = "/dev/ttyS" + (Integer.parseInt(m.group(1)) - 1);
        } else if (port.startsWith("/dev/") && port.length() > 5) {
            path = port;
        } else {
            return Optional.empty();
        }
        String bps = layout.value(media.get(), PhonebookKeys.CONNECT_BPS).orElse("").strip();
        String speed = bps.matches("[1-9][0-9]{0,8}") ? "@" + bps : "";
        boolean modem = layout.devices().stream().anyMatch(d -> d.value().equalsIgnoreCase("modem"));
        return Optional.of((modem ? "modem:serial:" : "serial:") + path + speed);
    }
}
