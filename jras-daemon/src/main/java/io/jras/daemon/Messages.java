package io.jras.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jras.client.rpc.JsonRpc;
import io.jras.client.rpc.RpcException;
import io.jras.client.rpc.Wire;
import io.jras.link.RasError;
import io.jras.link.RasException;
import java.nio.charset.StandardCharsets;

/** The JSON-RPC 2.0 envelopes the daemon writes, each as one '\n'-terminated line of UTF-8. */
final class Messages {

    private Messages() {
    }

    static byte[] response(JsonNode id, Object result) {
        ObjectNode m = envelope(id);
        m.set("result", Wire.MAPPER.valueToTree(result));
        return line(m);
    }

    static byte[] error(JsonNode id, RpcException e) {
        ObjectNode err = Wire.MAPPER.createObjectNode().put("code", e.code()).put("message", e.getMessage());
        if (e.data() != null) {
            err.set("data", e.data());
        }
        ObjectNode m = envelope(id);
        m.set("error", err);
        return line(m);
    }

    static byte[] notification(String method, Object params) {
        ObjectNode m = Wire.MAPPER.createObjectNode().put("jsonrpc", JsonRpc.VERSION).put("method", method);
        m.set("params", Wire.MAPPER.valueToTree(params));
        return line(m);
    }

    /**
     * A RAS error as a JSON-RPC error: code = the RAS code, message = the RAS text,
     * data = {rasError, detail}. The detail is the manager's (a handle, an entry name), never a secret.
     */
    static RpcException rasError(RasException e) {
        String text = RasError.text(e.code());
        String full = e.getMessage() == null ? text : e.getMessage();
        String detail = full.startsWith(text + " (") && full.endsWith(")")
                ? full.substring(text.length() + 2, full.length() - 1) : "";
        ObjectNode data = Wire.MAPPER.createObjectNode().put("rasError", e.code());
        if (!detail.isEmpty()) {
            data.put("detail", detail);
        }
        return new RpcException(e.code(), text, data);
    }

    /** A Win32/RAS code with a text of our own (5, Access is denied, is not a RAS text). */
    static RpcException rasError(int code, String text) {
        return new RpcException(code, text, Wire.MAPPER.createObjectNode().put("rasError", code));
    }

    private static ObjectNode envelope(JsonNode id) {
        ObjectNode m = Wire.MAPPER.createObjectNode().put("jsonrpc", JsonRpc.VERSION);
        m.set("id", id == null ? NullNode.instance : id);
        return m;
    }

    private static byte[] line(ObjectNode m) {
        try {
            return (Wire.MAPPER.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree we built does not serialize", e);
        }
    }
}
