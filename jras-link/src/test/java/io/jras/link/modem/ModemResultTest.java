package io.jras.link.modem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ModemResultTest {

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(delimiter = '|', value = {
        "OK              | OK          | 0",
        "0               | OK          | 0",
        "ERROR           | ERROR       | 651",
        "4               | ERROR       | 651",
        "BUSY            | BUSY        | 676",
        "7               | BUSY        | 676",
        "NO ANSWER       | NO ANSWER   | 678",
        "8               | NO ANSWER   | 678",
        "NO CARRIER      | NO CARRIER  | 679",
        "3               | NO CARRIER  | 679",
        "NO DIALTONE     | NO DIALTONE | 680",
        "NO DIAL TONE    | NO DIALTONE | 680",
        "6               | NO DIALTONE | 680",
        "VOICE           | VOICE       | 677",
        "DELAYED         | DELAYED     | 651",
        "BLACKLISTED     | BLACKLISTED | 651",
        "BLACKLIST FULL  | BLACKLISTED | 651",
        "RING            | RING        | 0",
        "2               | RING        | 0",
        "' no carrier  ' | NO CARRIER  | 679",
        "Busy            | BUSY        | 676",
        "CARRIER 28800   | CARRIER 28800 | 652",
        "PROTOCOL: LAPM  | PROTOCOL: LAPM | 652",
        "CONNECTED       | CONNECTED   | 652",
        "9               | 9           | 652",
    })
    void eachResultMapsToItsRasError(String line, String parsed, int rasError) {
        ModemResult result = ModemResult.parse(line);
        assertThat(result).hasToString(parsed);
        assertThat(result.rasError()).isEqualTo(rasError);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CONNECT                           | -1",
        "1                                 | -1",
        "5                                 | 1200",
        "CONNECT 115200                    | 115200",
        "CONNECT 33600/ARQ/V34/LAPM/V42BIS | 33600",
        "connect 9600/REL                  | 9600",
        "CONNECT 115200 V42bis             | 115200",
        "CONNECT/ARQ                       | -1",
    })
    void connectCarriesTheSpeedWhenThereIsOne(String line, int speed) {
        assertThat(ModemResult.parse(line)).isEqualTo(
                new ModemResult.Connect(speed < 0 ? OptionalInt.empty() : OptionalInt.of(speed)));
    }

    @Test
    void anUnrecognizedLineKeepsItsText() {
        assertThat(ModemResult.parse("  Hello? ")).isEqualTo(new ModemResult.Unrecognized("Hello?"));
    }
}
