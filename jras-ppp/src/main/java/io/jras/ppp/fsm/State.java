package io.jras.ppp.fsm;

/** The ten states of the RFC 1661 §4.2 option-negotiation automaton, numbered as in the RFC. */
public enum State {
    INITIAL("Initial"),
    STARTING("Starting"),
    CLOSED("Closed"),
    STOPPED("Stopped"),
    CLOSING("Closing"),
    STOPPING("Stopping"),
    REQ_SENT("Req-Sent"),
    ACK_RCVD("Ack-Rcvd"),
    ACK_SENT("Ack-Sent"),
    OPENED("Opened");

    private final String rfcName;

    State(String rfcName) {
        this.rfcName = rfcName;
    }

    /** The name the RFC uses, e.g. "Req-Sent". */
    public String rfcName() {
        return rfcName;
    }

    /** RFC 1661 §4.6: the Restart timer runs in these states only. */
    public boolean restartTimerRuns() {
        return switch (this) {
            case CLOSING, STOPPING, REQ_SENT, ACK_RCVD, ACK_SENT -> true;
            default -> false;
        };
    }
}
