package io.jras.client.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jras.client.ConnectionInfo;
import io.jras.client.Event;
import org.junit.jupiter.api.Test;

class WireTest {

    private static final long BIG = 0x7abc_def0_1234_5678L; // beyond a double's 53 bits

    @Test
    void handlesTravelAsHexStringsAndOtherNumbersAsNumbers() throws Exception {
        Event e = new Event(42, "2025-01-01T00:00:00Z", BIG, "Office", "state", "Connected", 8192, 0, "");
        JsonNode tree = Wire.MAPPER.valueToTree(e);
        assertThat(tree.get("handle").isTextual()).isTrue();
        assertThat(tree.get("handle").asText()).isEqualTo("0x7abcdef012345678");
        assertThat(tree.get("seq").isNumber()).isTrue();
        assertThat(Wire.MAPPER.treeToValue(tree, Event.class)).isEqualTo(e);
    }

    @Test
    void aHandleIsReadFromHexDecimalTextOrANumber() throws Exception {
        String hex = "{\"handle\":\"0x7abcdef012345678\",\"entry\":\"E\",\"shared\":1}";
        String number = "{\"handle\":" + BIG + ",\"entry\":\"E\",\"shared\":1}";
        String decimal = "{\"handle\":\"" + BIG + "\",\"entry\":\"E\",\"shared\":1}";
        for (String json : new String[] {hex, number, decimal}) {
            assertThat(Wire.MAPPER.readValue(json, ConnectionInfo.class).handle()).isEqualTo(BIG);
        }
        assertThat(Wire.handle(Wire.MAPPER.readTree("\"0x1a\""))).isEqualTo(26);
        assertThat(Wire.handle(Wire.MAPPER.readTree("26"))).isEqualTo(26);
    }

    @Test
    void anythingElseIsNotAHandle() {
        for (String bad : new String[] {"\"0xzz\"", "true", "1.5", "{}", "null", "\"\"", "123456789012345678901234567890"}) {
            assertThatThrownBy(() -> Wire.handle(Wire.MAPPER.readTree(bad))).as(bad)
                    .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(JsonRpc.INVALID_PARAMS));
        }
    }

    @Test
    void fieldsANewerDaemonAddsAreIgnored() throws Exception {
        StateChange s = Wire.MAPPER.readValue(
                "{\"handle\":\"0x10\",\"state\":\"Connected\",\"stateCode\":8192,\"error\":0,\"since\":\"later\"}", StateChange.class);
        assertThat(s).isEqualTo(new StateChange(16, "Connected", 8192, 0));
    }
}
