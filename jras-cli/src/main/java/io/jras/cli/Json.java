package io.jras.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jras.client.Handles;
import java.util.List;

/**
 * The CLI's JSON: the client records as they are, with handles as 0x-prefixed hex strings (64-bit
 * values do not survive JSON numbers in every reader). One object per line, nothing else on stdout.
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** A record as a JSON object, its {@code handle} field (if any) as hex. */
    static ObjectNode of(Object record) {
        ObjectNode node = MAPPER.valueToTree(record);
        JsonNode h = node.get("handle");
        if (h != null && h.isNumber()) {
            node.put("handle", Handles.format(h.asLong()));
        }
        return node;
    }

    static ArrayNode array(List<?> records) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Object r : records) {
            a.add(of(r));
        }
        return a;
    }

    /** {"error": N, "errorText": "..."} for a RAS error with --json. */
    static ObjectNode error(int code, String text) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("error", code);
        n.put("errorText", text);
        return n;
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String line(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
