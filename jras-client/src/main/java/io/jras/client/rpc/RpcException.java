package io.jras.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-RPC error object as an exception: thrown by the daemon's handlers to answer with it, and
 * by the client when the daemon answered with it. The message never carries a secret or an echo of
 * the request's values.
 */
public final class RpcException extends Exception {

    private final int code;
    private final transient JsonNode data;

    public RpcException(int code, String message) {
        this(code, message, null);
    }

    public RpcException(int code, String message, JsonNode data) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }

    public int code() {
        return code;
    }

    /** The error's {@code data}, or null. */
    public JsonNode data() {
        return data;
    }

    public static RpcException invalidParams(String what) {
        return new RpcException(JsonRpc.INVALID_PARAMS, "Invalid params: " + what);
    }
}
