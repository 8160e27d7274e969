package io.jras.ppp.fsm;

/** RFC 1661 §5 packet codes shared by LCP and the NCPs, and LCP's extra ones (§5.7-§5.9). */
public final class Code {
    public static final int CONFIGURE_REQUEST = 1;
    public static final int CONFIGURE_ACK = 2;
    public static final int CONFIGURE_NAK = 3;
    public static final int CONFIGURE_REJECT = 4;
    public static final int TERMINATE_REQUEST = 5;
    public static final int TERMINATE_ACK = 6;
    public static final int CODE_REJECT = 7;
    public static final int PROTOCOL_REJECT = 8;
    public static final int ECHO_REQUEST = 9;
    public static final int ECHO_REPLY = 10;
    public static final int DISCARD_REQUEST = 11;

    private Code() {
    }

    /** The short names pppd prints. */
    public static String name(int code) {
        return switch (code) {
            case CONFIGURE_REQUEST -> "ConfReq";
            case CONFIGURE_ACK -> "ConfAck";
            case CONFIGURE_NAK -> "ConfNak";
            case CONFIGURE_REJECT -> "ConfRej";
            case TERMINATE_REQUEST -> "TermReq";
            case TERMINATE_ACK -> "TermAck";
            case CODE_REJECT -> "CodeRej";
            case PROTOCOL_REJECT -> "ProtRej";
            case ECHO_REQUEST -> "EchoReq";
            case ECHO_REPLY -> "EchoRep";
            case DISCARD_REQUEST -> "DiscReq";
            default -> "code=0x" + Integer.toHexString(code);
        };
    }
}
