package io.jras.link.modem;

/** How a modem hang-up went. The line is to be closed afterwards in every case. */
public enum HangUpResult {
    /** The modem answered ATH0 with OK (or said NO CARRIER: the call was already gone). */
    CONFIRMED,
    /** The modem did not confirm (silence or ERROR); DTR was dropped where there is DTR. */
    UNCONFIRMED,
    /** The line ended during the hang-up: nothing left to hang up on this side. */
    LINE_CLOSED,
}
