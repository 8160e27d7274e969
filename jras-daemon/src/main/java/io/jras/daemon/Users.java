package io.jras.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * User names and uids. SO_PEERCRED gives the JDK a uid, but it hands us the user's name (or the
 * uid as digits when the name service knows none), so we map back: /etc/passwd first, then
 * {@code id} (which asks NSS: LDAP, systemd-homed, ...), then the digits themselves. Answers are
 * cached; a lookup that fails is not, so a user created later is found.
 */
final class Users {

    private static final Path PASSWD = Path.of("/etc/passwd");
    private static final Map<String, Integer> UIDS = new ConcurrentHashMap<>();
    private static final Map<Integer, String> NAMES = new ConcurrentHashMap<>();

    private Users() {
    }

    /** The uid of the user called {@code name}, if any. */
    static OptionalInt uidOf(String name) {
        Integer cached = UIDS.get(name);
        if (cached != null) {
            return OptionalInt.of(cached);
        }
        OptionalInt uid = fromPasswd(name);
        if (uid.isEmpty()) {
            uid = fromId(name);
        }
        if (uid.isEmpty() && name.matches("\\d{1,10}")) {
            // The JDK spells a uid without a name as its digits.
            long n = Long.parseLong(name);
            uid = n <= Integer.MAX_VALUE ? OptionalInt.of((int) n) : OptionalInt.empty();
        }
        uid.ifPresent(u -> UIDS.put(name, u));
        return uid;
    }

    /** The name of {@code uid}, or its digits when it has none. */
    static String nameOf(int uid) {
        return NAMES.computeIfAbsent(uid, Users::lookUpName);
    }

    private static String lookUpName(int uid) {
        for (String[] f : passwd()) {
            if (f[2].equals(Integer.toString(uid))) {
                return f[0];
            }
        }
        String viaId = run(List.of("id", "-nu", "--", Integer.toString(uid)));
        return viaId != null ? viaId : Integer.toString(uid);
    }

    private static OptionalInt fromPasswd(String name) {
        for (String[] f : passwd()) {
            if (f[0].equals(name)) {
                return parse(f[2]);
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalInt fromId(String name) {
        String out = run(List.of("id", "-u", "--", name));
        return out == null ? OptionalInt.empty() : parse(out);
    }

    private static List<String[]> passwd() {
        try {
            return Files.readAllLines(PASSWD, StandardCharsets.UTF_8).stream()
                    .map(l -> l.split(":", -1)).filter(f -> f.length >= 3).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static OptionalInt parse(String digits) {
        try {
            return OptionalInt.of(Integer.parseInt(digits.trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The first line a short command prints, or null if it fails or takes over 5 s. */
    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String s = new String(out, StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 && !s.isEmpty() ? s.lines().findFirst().orElse(null) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
