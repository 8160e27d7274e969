package io.jras.core.phonebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jras.ppp.AuthProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthPolicyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "none|none", "any|any", "PAP|pap", "chap|chap", "mschapv2|mschapv2",
        "mschapv2, pap|pap,mschapv2", "pap,chap,mschapv2|any", "chap-md5,ms-chapv2|chap,mschapv2"})
    void theTextRoundTripsToItsCanonicalForm(String text, String canonical) {
        assertThat(AuthPolicy.parse(text).toString()).isEqualTo(canonical);
        assertThat(AuthPolicy.parse(canonical)).isEqualTo(AuthPolicy.parse(text));
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> AuthPolicy.parse("eap")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthPolicy.parse("pap,,chap")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthPolicy.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|any", "1|any", "2|chap,mschapv2", "3|none", "4|none",
        "8|pap", "32|chap", "512|mschapv2", "544|chap,mschapv2", "552|any", "608|chap,mschapv2",
        "128|none", "1616|mschapv2"})
    void windowsAuthRestrictionsMapToTheProtocolsJrasSpeaks(int bits, String policy) {
        assertThat(AuthPolicy.fromAuthRestrictions(bits).toString()).isEqualTo(policy);
    }

    @Test
    void noneAcceptsNothingAndAnyEverything() {
        assertThat(AuthPolicy.NONE.accepts(AuthProtocol.PAP)).isFalse();
        assertThat(AuthPolicy.ANY.protocols()).containsExactly(AuthProtocol.values());
    }
}
