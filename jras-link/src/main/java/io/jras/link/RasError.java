package io.jras.link;

import java.util.Map;
import java.util.TreeMap;

/**
 * RAS error codes and their texts, as Windows RAS reports them (raserror.h), plus the Win32 codes
 * RAS functions return (6, 87, 123, 183). The numbers are the contract: scripts compare them, and
 * the CLI prints {@code Error NNN: text}.
 */
public final class RasError {

    public static final int SUCCESS = 0;
    public static final int INVALID_HANDLE = 6;
    public static final int INVALID_PARAMETER = 87;
    public static final int INVALID_NAME = 123;
    public static final int ALREADY_EXISTS = 183;
    public static final int PENDING = 600;
    public static final int INVALID_PORT_HANDLE = 601;
    public static final int PORT_ALREADY_OPEN = 602;
    public static final int PORT_NOT_CONNECTED = 606;
    public static final int DEVICE_DOES_NOT_EXIST = 608;
    public static final int ALREADY_DISCONNECTING = 617;
    public static final int PORT_DISCONNECTED = 619;
    public static final int CANNOT_OPEN_PHONEBOOK = 621;
    public static final int CANNOT_LOAD_PHONEBOOK = 622;
    public static final int CANNOT_FIND_PHONEBOOK_ENTRY = 623;
    public static final int CANNOT_WRITE_PHONEBOOK = 624;
    public static final int CORRUPT_PHONEBOOK = 625;
    public static final int DISCONNECTION = 628;
    public static final int REMOTE_DISCONNECTION = 629;
    public static final int HARDWARE_FAILURE = 630;
    public static final int USER_DISCONNECTION = 631;
    public static final int PORT_NOT_AVAILABLE = 633;
    public static final int UNKNOWN = 635;
    public static final int REQUEST_TIMEOUT = 638;
    public static final int FROM_DEVICE = 651;
    public static final int UNRECOGNIZED_RESPONSE = 652;
    public static final int NO_RESPONSES = 660;
    public static final int DEVICE_NOT_READY = 666;
    public static final int NO_CONNECTION = 668;
    public static final int LINE_BUSY = 676;
    public static final int VOICE_ANSWER = 677;
    public static final int NO_ANSWER = 678;
    public static final int NO_CARRIER = 679;
    public static final int NO_DIALTONE = 680;
    public static final int AUTHENTICATION_FAILURE = 691;
    public static final int PORT_OR_DEVICE = 692;
    public static final int IP_CONFIGURATION = 716;
    public static final int PPP_TIMEOUT = 718;
    public static final int PPP_REMOTE_TERMINATED = 719;
    public static final int PPP_NO_PROTOCOLS_CONFIGURED = 720;
    public static final int PPP_NO_RESPONSE = 721;
    public static final int PPP_INVALID_PACKET = 722;
    public static final int PPP_NOT_CONVERGING = 732;
    public static final int PPP_CP_REJECTED = 733;
    public static final int PPP_LCP_TERMINATED = 734;
    public static final int PPP_REQUIRED_ADDRESS_REJECTED = 735;
    public static final int PPP_NCP_TERMINATED = 736;
    public static final int PPP_LOOPBACK_DETECTED = 737;
    public static final int PPP_NO_ADDRESS_ASSIGNED = 738;
    public static final int BAD_PHONE_NUMBER = 749;
    public static final int HANGUP_FAILED = 753;
    public static final int DEVICE_COMPLIANCE = 797;

    private static final Map<Integer, String> TEXTS = new TreeMap<>();

    static {
        TEXTS.put(0, "The operation completed successfully.");
        TEXTS.put(6, "The handle is invalid.");
        TEXTS.put(87, "The parameter is incorrect.");
        TEXTS.put(123, "The filename, directory name, or volume label syntax is incorrect.");
        TEXTS.put(183, "Cannot create a file when that file already exists.");
        TEXTS.put(600, "An operation is pending.");
        TEXTS.put(601, "An invalid port handle was detected.");
        TEXTS.put(602, "The specified port is already open.");
        TEXTS.put(606, "The specified port is not connected.");
        TEXTS.put(608, "A device was specified that does not exist.");
        TEXTS.put(617, "The connection is being disconnected.");
        TEXTS.put(619, "A connection to the remote computer could not be established, so the port used for this connection was closed.");
        TEXTS.put(621, "The system could not open the phone book file.");
        TEXTS.put(622, "The system could not load the phone book file.");
        TEXTS.put(623, "The system could not find the phone book entry for this connection.");
        TEXTS.put(624, "The system could not update the phone book file.");
        TEXTS.put(625, "The system found invalid information in the phone book file.");
        TEXTS.put(628, "The connection was closed by the remote computer before it could be completed.");
        TEXTS.put(629, "The connection was closed by the remote computer.");
        TEXTS.put(630, "The modem (or other connecting device) was disconnected due to hardware failure.");
        TEXTS.put(631, "The connection was closed by the user.");
        TEXTS.put(633, "The modem (or other connecting device) is already in use or is not configured properly.");
        TEXTS.put(635, "An unknown error has occurred.");
        TEXTS.put(638, "The request has timed out.");
        TEXTS.put(651, "The modem (or other connecting device) has reported an error.");
        TEXTS.put(652, "There was an unrecognized response from the modem (or other connecting device).");
        TEXTS.put(660, "The modem (or other connecting device) is not responding.");
        TEXTS.put(666, "The modem (or other connecting device) is not functioning.");
        TEXTS.put(668, "The connection was terminated.");
        TEXTS.put(676, "The phone line is busy.");
        TEXTS.put(677, "A person answered instead of a modem (or other connecting device).");
        TEXTS.put(678, "The remote computer did not respond.");
        TEXTS.put(679, "The system could not detect the carrier.");
        TEXTS.put(680, "There was no dial tone.");
        TEXTS.put(691, "The remote connection was denied because the user name and password combination you provided is not recognized, or the selected authentication protocol is not permitted on the remote access server.");
        TEXTS.put(692, "There was a hardware failure in the modem (or other connecting device).");
        TEXTS.put(716, "The remote access IP configuration is unusable.");
        TEXTS.put(718, "The connection was terminated because the remote computer did not respond in a timely manner.");
        TEXTS.put(719, "The connection was closed by the remote computer.");
        TEXTS.put(720, "A connection to the remote computer could not be established. You might need to change the network settings for this connection.");
        TEXTS.put(721, "The remote computer did not respond.");
        TEXTS.put(722, "Invalid data was received from the remote computer. This data was ignored.");
        TEXTS.put(732, "Your computer and the remote computer could not agree on PPP control protocols.");
        TEXTS.put(733, "A connection to the remote computer could not be completed. You might need to adjust the protocols on this computer.");
        TEXTS.put(734, "The PPP link control protocol was terminated.");
        TEXTS.put(735, "The requested address was rejected by the server.");
        TEXTS.put(736, "The remote computer terminated the control protocol.");
        TEXTS.put(737, "Loopback was detected.");
        TEXTS.put(738, "The server did not assign an address.");
        TEXTS.put(749, "The phone number, including prefix and suffix, is too long or contains an invalid character.");
        TEXTS.put(753, "The connection could not be disconnected because it was created by the multi-protocol router.");
        TEXTS.put(797, "A connection to the remote access server was not made because the modem was not found or was busy.");
    }

    private RasError() {
    }

    /** The text for a code; an unknown code gets a generic text naming it. */
    public static String text(int code) {
        String t = TEXTS.get(code);
        return t != null ? t : "Remote access error " + code + ".";
    }

    /** True when the code has a text of its own. */
    public static boolean known(int code) {
        return TEXTS.containsKey(code);
    }

    /** "Error 691: The remote connection was denied ..." as rasdial prints it. */
    public static String describe(int code) {
        return "Error " + code + ": " + text(code);
    }
}
