package io.jras.net;

/** Creating or configuring a host interface failed; the message says which step and why (errno text). */
public final class NetException extends Exception {

    public NetException(String message) {
        super(message);
    }

    public NetException(String message, Throwable cause) {
        super(message, cause);
    }
}
