package io.jras.core.phonebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhonebookLocationTest {

    private static final String HOME = "/home/ann";

    @Test
    void theOptionWinsOverEverything() {
        assertThat(PhonebookLocation.resolve("/tmp/x.pbk", true, Map.of("JRAS_PHONEBOOK", "/env.pbk"), HOME))
                .isEqualTo(Path.of("/tmp/x.pbk"));
    }

    @Test
    void aRelativeOptionIsMadeAbsolute() {
        assertThat(PhonebookLocation.resolve("x/../my.pbk", false, Map.of(), HOME))
                .isEqualTo(Path.of("my.pbk").toAbsolutePath());
    }

    @Test
    void withoutOptionTheEnvironmentVariable() {
        assertThat(PhonebookLocation.resolve(null, false, Map.of("JRAS_PHONEBOOK", "/srv/jras.pbk"), HOME))
                .isEqualTo(Path.of("/srv/jras.pbk"));
    }

    @Test
    void withoutEitherTheXdgConfigHome() {
        assertThat(PhonebookLocation.resolve(" ", false, Map.of("XDG_CONFIG_HOME", "/cfg"), HOME))
                .isEqualTo(Path.of("/cfg/jras/rasphone.pbk"));
    }

    @Test
    void anUnsetEmptyOrRelativeXdgConfigHomeMeansDotConfig() {
        Path expected = Path.of(HOME, ".config/jras/rasphone.pbk");
        assertThat(PhonebookLocation.resolve(null, false, Map.of(), HOME)).isEqualTo(expected);
        assertThat(PhonebookLocation.resolve(null, false, Map.of("XDG_CONFIG_HOME", ""), HOME)).isEqualTo(expected);
        assertThat(PhonebookLocation.resolve(null, false, Map.of("XDG_CONFIG_HOME", "rel"), HOME)).isEqualTo(expected);
    }

    @Test
    void theSystemPhonebookReplacesEnvironmentAndUserDefault() {
        assertThat(PhonebookLocation.resolve(null, true, Map.of("JRAS_PHONEBOOK", "/env.pbk"), HOME))
                .isEqualTo(Path.of("/etc/jras/rasphone.pbk"))
                .isEqualTo(PhonebookLocation.SYSTEM);
    }
}
