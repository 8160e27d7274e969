package io.jras.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.jras.client.rpc.RpcException;
import io.jras.client.rpc.Wire;
import java.util.Iterator;
import java.util.Set;

/**
 * A request's params, by name, checked strictly: a wrong type or an unknown name is an Invalid
 * params error (-32602) that names the param and never echoes its value (it may be a password).
 */
final class Params {

    private final String method;
    private final JsonNode node;

    private Params(String method, JsonNode node) {
        this.method = method;
        this.node = node;
    }

    /** Params absent or an object: fine; an array (by position) or anything else: -32602. */
    static Params of(String method, JsonNode params) throws RpcException {
        if (params == null || params.isNull() || params.isMissingNode()) {
            return new Params(method, Wire.MAPPER.createObjectNode());
        }
        if (!params.isObject()) {
            throw RpcException.invalidParams(method + " takes its params by name, as an object");
        }
        return new Params(method, params);
    }

    /** Refuses names this method does not know (a typo like "pasword" must not pass silently). */
    Params allow(String... names) throws RpcException {
        Set<String> known = Set.of(names);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String n = it.next();
            if (!known.contains(n)) {
                throw RpcException.invalidParams(method + " has no param \"" + printable(n) + "\"");
            }
        }
        return this;
    }

    /** A string, or null when absent or null. */
    String string(String name) throws RpcException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.getNodeType() != JsonNodeType.STRING) {
            throw wrongType(name, "a string");
        }
        return v.textValue();
    }

    boolean bool(String name, boolean absent) throws RpcException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isBoolean()) {
            throw wrongType(name, "true or false");
        }
        return v.booleanValue();
    }

    /** A whole number in [min, max]. */
    long number(String name, long absent, long min, long max) throws RpcException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
            throw wrongType(name, "a whole number from " + min + " to " + max);
        }
        return v.longValue();
    }

    /** A required handle: "0x..." (or decimal) string, or a number. */
    long handle() throws RpcException {
        JsonNode v = node.get("handle");
        if (v == null || v.isNull()) {
            throw RpcException.invalidParams(method + " needs \"handle\"");
        }
        try {
            return Wire.handle(v);
        } catch (RpcException e) {
            throw wrongType("handle", "a \"0x...\" hex string or a number");
        }
    }

    /**
     * The params (less {@code except}) as a record of type {@code type}; a wrong type is -32602
     * naming the field, never its value.
     */
    <T> T as(Class<T> type, String... except) throws RpcException {
        com.fasterxml.jackson.databind.node.ObjectNode copy = node.deepCopy();
        copy.remove(java.util.List.of(except));
        try {
            return Wire.MAPPER.convertValue(copy, type);
        } catch (IllegalArgumentException e) {
            String field = e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException m
                    && !m.getPath().isEmpty() && m.getPath().getFirst().getFieldName() != null
                    ? m.getPath().getFirst().getFieldName() : null;
            throw RpcException.invalidParams(field == null ? method + " params do not fit"
                    : method + "." + printable(field) + " has the wrong type");
        }
    }

    private RpcException wrongType(String name, String expected) {
        return RpcException.invalidParams(method + "." + name + " must be " + expected);
    }

    /** A param name as we may echo it: short, printable ASCII. */
    private static String printable(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return t.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
