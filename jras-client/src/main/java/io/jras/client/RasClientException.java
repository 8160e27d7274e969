package io.jras.client;

/** A RAS error: its code (623, 691, 6, ...) and text; never carries a secret. */
public final class RasClientException extends Exception {

    private final int code;

    public RasClientException(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** "Error 623: The system could not find the phone book entry for this connection." */
    public String describe() {
        return "Error " + code + ": " + getMessage();
    }
}
