package io.jras.core;

/**
 * The connection states of Windows RAS (RASCONNSTATE), with the same names and numbers, so that
 * scripts and people who know rasdial read them without a table.
 */
public enum RasConnState {
    OPEN_PORT("OpenPort", 0),
    PORT_OPENED("PortOpened", 1),
    CONNECT_DEVICE("ConnectDevice", 2),
    DEVICE_CONNECTED("DeviceConnected", 3),
    ALL_DEVICES_CONNECTED("AllDevicesConnected", 4),
    AUTHENTICATE("Authenticate", 5),
    AUTH_NOTIFY("AuthNotify", 6),
    AUTH_RETRY("AuthRetry", 7),
    AUTH_CALLBACK("AuthCallback", 8),
    AUTH_CHANGE_PASSWORD("AuthChangePassword", 9),
    AUTH_PROJECT("AuthProject", 10),
    AUTH_LINK_SPEED("AuthLinkSpeed", 11),
    AUTH_ACK("AuthAck", 12),
    RE_AUTHENTICATE("ReAuthenticate", 13),
    AUTHENTICATED("Authenticated", 14),
    PREPARE_FOR_CALLBACK("PrepareForCallback", 15),
    WAIT_FOR_MODEM_RESET("WaitForModemReset", 16),
    WAIT_FOR_CALLBACK("WaitForCallback", 17),
    PROJECTED("Projected", 18),
    START_AUTHENTICATION("StartAuthentication", 19),
    CALLBACK_COMPLETE("CallbackComplete", 20),
    LOGON_NETWORK("LogonNetwork", 21),
    SUB_ENTRY_CONNECTED("SubEntryConnected", 22),
    SUB_ENTRY_DISCONNECTED("SubEntryDisconnected", 23),
    APPLY_SETTINGS("ApplySettings", 24),
    INTERACTIVE("Interactive", 0x1000),
    RETRY_AUTHENTICATION("RetryAuthentication", 0x1001),
    CALLBACK_SET_BY_CALLER("CallbackSetByCaller", 0x1002),
    PASSWORD_EXPIRED("PasswordExpired", 0x1003),
    INVOKE_EAP_UI("InvokeEapUI", 0x1004),
    CONNECTED("Connected", 0x2000),
    DISCONNECTED("Disconnected", 0x2001);

    private final String rasName;
    private final int code;

    RasConnState(String rasName, int code) {
        this.rasName = rasName;
        this.code = code;
    }

    /** The name without the RASCS_ prefix, as Windows spells it: "Authenticate". */
    public String rasName() {
        return rasName;
    }

    /** The RASCONNSTATE number: Connected is 0x2000 = 8192. */
    public int code() {
        return code;
    }

    /** The state with this number, or null. */
    public static RasConnState ofCode(int code) {
        for (RasConnState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return rasName + " (" + code + ")";
    }
}
