package io.jras.core.phonebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jras.link.RasException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The sample phonebooks under src/test/resources/phonebook, and RAS error assertions. */
final class Samples {

    static final String[] ALL = {
        "windows-vpn-and-modem-crlf.pbk",
        "serial-and-switch-lf.pbk",
        "bom-comments-unknown-keys-crlf.pbk",
        "no-final-newline-lf.pbk",
        "mixed-endings.pbk",
        "alternates-across-devices-lf.pbk",
        "empty.pbk",
    };

    private Samples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/phonebook/" + name)) {
            assertThat(in).as("sample " + name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a sample into {@code dir} as rasphone.pbk. */
    static Path copy(String name, Path dir) throws IOException {
        Path p = dir.resolve("rasphone.pbk");
        Files.write(p, bytes(name));
        return p;
    }

    static PbkDocument parse(String text) throws RasException {
        return PbkParser.parse(text.getBytes(StandardCharsets.UTF_8), "test.pbk");
    }

    /** The RAS error {@code call} throws, after checking its code. */
    static RasException rasError(int code, ThrowingCallable call) {
        RasException e = catchThrowableOfType(RasException.class, call);
        assertThat(e).as("a RasException %d", code).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        return e;
    }

    static String text(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
