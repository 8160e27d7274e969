package io.jras.client.rpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import io.jras.client.Handles;
import java.io.IOException;
import java.util.List;

/**
 * How jras values look on the wire: the client records ({@code Status}, {@code ConnectionInfo},
 * {@code Tombstone}, {@code Event}, ...) as JSON objects, field for field, with one rule of its own:
 * a {@code handle} travels as a "0x..." hex string, because a 64-bit number loses precision in
 * JSON clients whose numbers are doubles. Reading accepts a handle as a string or a number.
 */
public final class Wire {

    private Wire() {
    }

    /** Reads a handle from a JSON value: "0x1a2b" (or a decimal string) or an integral number. */
    public static long handle(JsonNode node) throws RpcException {
        if (node != null && node.getNodeType() == JsonNodeType.STRING) {
            try {
                return Handles.parse(node.textValue());
            } catch (IllegalArgumentException e) {
                throw RpcException.invalidParams("a handle is a \"0x...\" hex string or a number");
            }
        }
        if (node != null && node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        throw RpcException.invalidParams("a handle is a \"0x...\" hex string or a number");
    }

    private static SimpleModule handles() {
        SimpleModule m = new SimpleModule("jras-handles");
        m.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
                                                             List<BeanPropertyWriter> properties) {
                for (BeanPropertyWriter w : properties) {
                    if (w.getName().equals("handle") && w.getType().getRawClass() == long.class) {
                        w.assignSerializer(HEX);
                    }
                }
                return properties;
            }
        });
        m.addDeserializer(long.class, LONG_OR_HEX);
        m.addDeserializer(Long.class, LONG_OR_HEX);
        return m;
    }

    private static final JsonSerializer<Object> HEX = new JsonSerializer<>() {
        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(Handles.format((Long) value));
        }
    };

    /** Every long field reads a number, or a string in the handle syntax (so handles round-trip). */
    private static final JsonDeserializer<Long> LONG_OR_HEX = new JsonDeserializer<>() {
        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                try {
                    return Handles.parse(p.getText());
                } catch (IllegalArgumentException e) {
                    return (Long) ctxt.handleWeirdStringValue(Long.class, p.getText(), "not a handle or a number");
                }
            }
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return p.getLongValue();
            }
            return (Long) ctxt.handleUnexpectedToken(Long.class, p);
        }
    };

    // Last: static fields initialize in text order, and the mapper needs the two above.
    /** Shared by the daemon and the client; thread-safe once built. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(handles())
            // A newer daemon may add fields; an older client still reads the ones it knows.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
}
