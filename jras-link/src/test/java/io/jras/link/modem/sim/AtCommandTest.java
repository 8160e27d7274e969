package io.jras.link.modem.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.link.modem.sim.AtCommand.Basic;
import io.jras.link.modem.sim.AtCommand.Dial;
import io.jras.link.modem.sim.AtCommand.QueryRegister;
import io.jras.link.modem.sim.AtCommand.SetRegister;
import org.junit.jupiter.api.Test;

class AtCommandTest {

    @Test
    void lettersTakeAnOptionalNumber() {
        assertThat(AtCommand.parse("E0V1Q0 X4")).containsExactly(
                new Basic("E", 0), new Basic("V", 1), new Basic("Q", 0), new Basic("X", 4));
        assertThat(AtCommand.parse("z")).containsExactly(new Basic("Z", 0));
        assertThat(AtCommand.parse("")).isEmpty();
    }

    @Test
    void ampersandCommandsAreTwoCharacters() {
        assertThat(AtCommand.parse("&F&C1&D2")).containsExactly(new Basic("&F", 0), new Basic("&C", 1), new Basic("&D", 2));
    }

    @Test
    void theDialTakesTheRestOfTheLine() {
        assertThat(AtCommand.parse("E0DT555-1234,,9;")).containsExactly(new Basic("E", 0), new Dial("T555-1234,,9;"));
    }

    @Test
    void registersAreSetAndQueried() {
        assertThat(AtCommand.parse("S0=1S12?")).containsExactly(new SetRegister(0, 1), new QueryRegister(12));
    }

    @Test
    void unknownCommandsAreRefused() {
        assertThatThrownBy(() -> AtCommand.parse("J")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AtCommand.parse("&Y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AtCommand.parse("S7")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AtCommand.parse("S=1")).isInstanceOf(IllegalArgumentException.class);
    }
}
