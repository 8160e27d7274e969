package io.jras.core.credentials;

import io.jras.link.RasError;
import io.jras.link.RasException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The text of the credentials file: a comment header, then one line per entry with four base64
 * fields separated by one space: phonebook path, entry name, user name, password. Base64 makes
 * any text (spaces, line breaks, non-ASCII) safe in one field; it hides nothing.
 */
final class CredentialFile {

    /** One saved credential. */
    record Record(String phonebook, String entry, String user, String password) {
        @Override
        public String toString() {
            return "Record[" + phonebook + ", " + entry + ", user=" + user + ", password=<hidden>]";
        }
    }

    private static final String HEADER = """
            # jras credentials: one line per phonebook entry, four base64 fields:
            # phonebook path, entry name, user name, password.
            # Base64 is obfuscation, not encryption: keep this file mode 0600.
            """;

    private CredentialFile() {
    }

    /** Parses the file; 625 naming the line (never its content: it holds passwords). */
    static List<Record> parse(byte[] bytes, String source) throws RasException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<Record> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].endsWith("\r") ? lines[n].substring(0, lines[n].length() - 1) : lines[n];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ", -1);
            if (f.length != 4) {
                throw corrupt(source, n + 1, "expected 4 fields, found " + f.length);
            }
            try {
                out.add(new Record(decode(f[0]), decode(f[1]), decode(f[2]), decode(f[3])));
            } catch (IllegalArgumentException e) {
                throw corrupt(source, n + 1, "a field is not base64");
            }
        }
        return out;
    }

    static byte[] format(List<Record> records) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (Record r : records) {
            sb.append(encode(r.phonebook())).append(' ')
                    .append(encode(r.entry())).append(' ')
                    .append(encode(r.user())).append(' ')
                    .append(encode(r.password())).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static RasException corrupt(String source, int line, String what) {
        return new RasException(RasError.CORRUPT_PHONEBOOK, source + ", line " + line + ": " + what);
    }

    private static String encode(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String s) {
        return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    }
}
