package io.jras.link;

/**
 * A failure that carries its RAS error code; the message is the RAS text, optionally followed by
 * detail (never a secret).
 */
public class RasException extends Exception {

    private final int code;

    public RasException(int code) {
        this(code, null, null);
    }

    public RasException(int code, String detail) {
        this(code, detail, null);
    }

    public RasException(int code, String detail, Throwable cause) {
        super(RasError.text(code) + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"), cause);
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** "Error 623: ..." as rasdial prints it. */
    public String describe() {
        return "Error " + code + ": " + getMessage();
    }
}
