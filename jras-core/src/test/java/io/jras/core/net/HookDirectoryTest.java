package io.jras.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.core.phonebook.PhonebookEntry;
import io.jras.link.RasException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HookDirectoryTest {

    private static final String HOME = "/home/ann";

    @Test
    void anExplicitDirectoryWinsAndPppMeansEtcPpp() {
        assertThat(HookDirectory.resolve("/srv/hooks", true, Map.of("JRAS_HOOK_DIR", "/env"), HOME)).isEqualTo(Path.of("/srv/hooks"));
        assertThat(HookDirectory.resolve(null, true, Map.of("JRAS_HOOK_DIR", "/env"), HOME)).isEqualTo(Path.of("/env"));
        assertThat(HookDirectory.resolve("ppp", false, Map.of(), HOME)).isEqualTo(Path.of("/etc/ppp"));
    }

    @Test
    void theSystemServiceUsesEtcJrasAndAUserTheXdgConfigDirectory() {
        assertThat(HookDirectory.resolve(null, true, Map.of("XDG_CONFIG_HOME", "/cfg"), HOME)).isEqualTo(Path.of("/etc/jras"));
        assertThat(HookDirectory.resolve(" ", false, Map.of("XDG_CONFIG_HOME", "/cfg"), HOME)).isEqualTo(Path.of("/cfg/jras"));
        assertThat(HookDirectory.resolve(null, false, Map.of("XDG_CONFIG_HOME", "rel"), HOME)).isEqualTo(Path.of("/home/ann/.config/jras"));
    }

    @Test
    void anEntryMayNameItsOwnDirectory() throws Exception {
        PhonebookEntry e = PhonebookEntry.create("Office", "tcp:127.0.0.1:7001");
        Path dflt = Path.of("/etc/jras");

        assertThat(HookDirectory.forEntry(e, dflt)).isEqualTo(dflt);
        assertThat(HookDirectory.forEntry(e.withValue("JrasHookDir", "/srv/office-hooks"), dflt)).isEqualTo(Path.of("/srv/office-hooks"));
        assertThat(HookDirectory.forEntry(e.withValue("JrasHookDir", "ppp"), dflt)).isEqualTo(Path.of("/etc/ppp"));
        assertThatThrownBy(() -> HookDirectory.forEntry(e.withValue("JrasHookDir", "hooks"), dflt))
                .isInstanceOf(RasException.class).hasMessageContaining("JrasHookDir");
    }
}
