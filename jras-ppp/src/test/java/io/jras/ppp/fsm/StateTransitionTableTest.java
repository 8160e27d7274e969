package io.jras.ppp.fsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.ppp.Protocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The RFC 1661 §4.1 state-transition table, cell by cell. Each row is "state, event, actions/next"
 * as printed in the RFC (states by number: 0 Initial .. 9 Opened). The automaton is driven into the
 * state through its public events, then given the event; the visible actions (tlu, tld, tls, tlf
 * and the packets scr, sca, scn, str, sta, scj) and the next state must match. irc and zrc show in
 * the Restart counter. Cells marked "-" in the RFC (cannot happen) are not listed; Up in a state
 * other than Initial or Starting is our own misuse and throws (tested separately).
 */
class StateTransitionTableTest {

    static final FsmConfig CONFIG = new FsmConfig(Duration.ofSeconds(3), 2, 10, 5);
    static final long SECOND = 1_000_000_000L;

    @ParameterizedTest(name = "state {0} + {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0 | Up    | 2
            1 | Up    | irc,scr/6
            2 | Down  | 0
            3 | Down  | tls/1
            4 | Down  | 0
            5 | Down  | 1
            6 | Down  | 1
            7 | Down  | 1
            8 | Down  | 1
            9 | Down  | tld/1
            0 | Open  | tls/1
            1 | Open  | 1
            2 | Open  | irc,scr/6
            3 | Open  | 3
            4 | Open  | 5
            5 | Open  | 5
            6 | Open  | 6
            7 | Open  | 7
            8 | Open  | 8
            9 | Open  | 9
            0 | Close | 0
            1 | Close | tlf/0
            2 | Close | 2
            3 | Close | 2
            4 | Close | 4
            5 | Close | 4
            6 | Close | irc,str/4
            7 | Close | irc,str/4
            8 | Close | irc,str/4
            9 | Close | tld,irc,str/4
            4 | TO+   | str/4
            5 | TO+   | str/5
            6 | TO+   | scr/6
            7 | TO+   | scr/6
            8 | TO+   | scr/8
            4 | TO-   | tlf/2
            5 | TO-   | tlf/3
            6 | TO-   | tlf/3
            7 | TO-   | tlf/3
            8 | TO-   | tlf/3
            2 | RCR+  | sta/2
            3 | RCR+  | irc,scr,sca/8
            4 | RCR+  | 4
            5 | RCR+  | 5
            6 | RCR+  | sca/8
            7 | RCR+  | sca,tlu/9
            8 | RCR+  | sca/8
            9 | RCR+  | tld,scr,sca/8
            2 | RCR-  | sta/2
            3 | RCR-  | irc,scr,scn/6
            4 | RCR-  | 4
            5 | RCR-  | 5
            6 | RCR-  | scn/6
            7 | RCR-  | scn/7
            8 | RCR-  | scn/6
            9 | RCR-  | tld,scr,scn/6
            2 | RCA   | sta/2
            3 | RCA   | sta/3
            4 | RCA   | 4
            5 | RCA   | 5
            6 | RCA   | irc/7
            7 | RCA   | scr/6
            8 | RCA   | irc,tlu/9
            9 | RCA   | tld,scr/6
            2 | RCN   | sta/2
            3 | RCN   | sta/3
            4 | RCN   | 4
            5 | RCN   | 5
            6 | RCN   | irc,scr/6
            7 | RCN   | scr/6
            8 | RCN   | irc,scr/8
            9 | RCN   | tld,scr/6
            2 | RTR   | sta/2
            3 | RTR   | sta/3
            4 | RTR   | sta/4
            5 | RTR   | sta/5
            6 | RTR   | sta/6
            7 | RTR   | sta/6
            8 | RTR   | sta/6
            9 | RTR   | tld,zrc,sta/5
            2 | RTA   | 2
            3 | RTA   | 3
            4 | RTA   | tlf/2
            5 | RTA   | tlf/3
            6 | RTA   | 6
            7 | RTA   | 6
            8 | RTA   | 8
            9 | RTA   | tld,scr/6
            2 | RUC   | scj/2
            3 | RUC   | scj/3
            4 | RUC   | scj/4
            5 | RUC   | scj/5
            6 | RUC   | scj/6
            7 | RUC   | scj/7
            8 | RUC   | scj/8
            9 | RUC   | scj/9
            2 | RXJ+  | 2
            3 | RXJ+  | 3
            4 | RXJ+  | 4
            5 | RXJ+  | 5
            6 | RXJ+  | 6
            7 | RXJ+  | 6
            8 | RXJ+  | 8
            9 | RXJ+  | 9
            2 | RXJ-  | tlf/2
            3 | RXJ-  | tlf/3
            4 | RXJ-  | tlf/2
            5 | RXJ-  | tlf/3
            6 | RXJ-  | tlf/3
            7 | RXJ-  | tlf/3
            8 | RXJ-  | tlf/3
            9 | RXJ-  | tld,irc,str/5
            """)
    void cell(int stateNumber, String event, String cell) {
        Harness h = new Harness();
        h.driveTo(State.values()[stateNumber]);
        assertThat(h.fsm.state().ordinal()).as("setup reached state %d", stateNumber).isEqualTo(stateNumber);
        h.recorded.clear();

        h.fire(event);

        String[] parts = cell.contains("/") ? cell.split("/") : new String[] {"", cell};
        List<String> expectedActions = new ArrayList<>();
        for (String a : parts[0].split(",")) {
            if (!a.isBlank() && !a.equals("irc") && !a.equals("zrc")) {
                expectedActions.add(a);
            }
        }
        int expectedState = Integer.parseInt(parts[1].trim());
        assertThat(h.recorded).as("actions of state %d + %s", stateNumber, event).containsExactlyElementsOf(expectedActions);
        assertThat(h.fsm.state().ordinal()).as("next state of %d + %s", stateNumber, event).isEqualTo(expectedState);

        // irc and zrc show in the Restart counter (scr and str then decrement it once).
        if (parts[0].contains("irc")) {
            boolean sendsAfter = parts[0].contains("scr") || parts[0].contains("str");
            int max = parts[0].contains("str") ? CONFIG.maxTerminate() : CONFIG.maxConfigure();
            assertThat(h.fsm.restartCount()).as("irc").isEqualTo(sendsAfter ? max - 1 : max);
        }
        if (parts[0].contains("zrc")) {
            assertThat(h.fsm.restartCount()).as("zrc").isZero();
            assertThat(h.fsm.nextDeadline()).as("zrc starts the timer").isEqualTo(h.now + CONFIG.restartTimer().toNanos());
        }
    }

    /** An automaton with a protocol that records its layer actions and a sink that records packets. */
    static final class Harness implements ControlProtocol, PacketSink {
        final List<String> recorded = new ArrayList<>();
        final OptionNegotiationAutomaton fsm = new OptionNegotiationAutomaton(this, this, CONFIG, null);
        long now = 1000 * SECOND;
        boolean goodRequests = true;
        byte[] lastRequest;

        void driveTo(State target) {
            switch (target) {
                case INITIAL -> { }
                case STARTING -> fsm.open(now);
                case CLOSED -> fsm.up(now);
                case STOPPED -> {
                    driveTo(State.REQ_SENT);
                    fsm.setRestartCountForTest(0);
                    timeout();
                }
                case CLOSING -> {
                    driveTo(State.REQ_SENT);
                    fsm.close("bye", now);
                }
                case STOPPING -> {
                    driveTo(State.CLOSING);
                    fsm.open(now);
                }
                case REQ_SENT -> {
                    fsm.open(now);
                    fsm.up(now);
                }
                case ACK_RCVD -> {
                    driveTo(State.REQ_SENT);
                    fire("RCA");
                }
                case ACK_SENT -> {
                    driveTo(State.REQ_SENT);
                    fire("RCR+");
                }
                case OPENED -> {
                    driveTo(State.ACK_SENT);
                    fire("RCA");
                }
            }
        }

        void fire(String event) {
            switch (event) {
                case "Up" -> fsm.up(now);
                case "Down" -> fsm.down(now);
                case "Open" -> fsm.open(now);
                case "Close" -> fsm.close("bye", now);
                case "TO+" -> {
                    if (fsm.restartCount() == 0) {
                        fsm.setRestartCountForTest(1);
                    }
                    timeout();
                }
                case "TO-" -> {
                    fsm.setRestartCountForTest(0);
                    timeout();
                }
                case "RCR+" -> {
                    goodRequests = true;
                    receive(Code.CONFIGURE_REQUEST, 0x42, new byte[] {1, 2});
                }
                case "RCR-" -> {
                    goodRequests = false;
                    receive(Code.CONFIGURE_REQUEST, 0x42, new byte[] {1, 2});
                }
                case "RCA" -> receive(Code.CONFIGURE_ACK, lastRequestId(), lastRequestOptions());
                case "RCN" -> receive(Code.CONFIGURE_NAK, lastRequestId(), new byte[] {1, 2});
                case "RTR" -> receive(Code.TERMINATE_REQUEST, 0x43, new byte[0]);
                case "RTA" -> receive(Code.TERMINATE_ACK, 0x44, new byte[0]);
                case "RUC" -> receive(0x33, 0x45, new byte[] {9});
                case "RXJ+" -> receive(Code.CODE_REJECT, 0x46, new byte[] {Code.ECHO_REQUEST, 1, 0, 4});
                case "RXJ-" -> receive(Code.CODE_REJECT, 0x47, new byte[] {Code.CONFIGURE_REQUEST, 1, 0, 4});
                default -> throw new IllegalArgumentException(event);
            }
        }

        private void timeout() {
            now = Math.max(now, fsm.nextDeadline() == Long.MAX_VALUE ? now : fsm.nextDeadline());
            // States without a running timer (none in this table) would ignore it.
            fsm.onTimeout(now);
        }

        private void receive(int code, int id, byte[] data) {
            byte[] p = OptionNegotiationAutomaton.packet(code, id, data);
            fsm.receive(p, 0, p.length, now);
        }

        private int lastRequestId() {
            return lastRequest == null ? 0x99 : lastRequest[1] & 0xff;
        }

        private byte[] lastRequestOptions() {
            return lastRequest == null ? new byte[0] : java.util.Arrays.copyOfRange(lastRequest, 4, lastRequest.length);
        }

        @Override
        public void send(Protocol protocol, byte[] packet) {
            switch (packet[0]) {
                case Code.CONFIGURE_REQUEST -> {
                    lastRequest = packet;
                    recorded.add("scr");
                }
                case Code.CONFIGURE_ACK -> recorded.add("sca");
                case Code.CONFIGURE_NAK, Code.CONFIGURE_REJECT -> recorded.add("scn");
                case Code.TERMINATE_REQUEST -> recorded.add("str");
                case Code.TERMINATE_ACK -> recorded.add("sta");
                case Code.CODE_REJECT -> recorded.add("scj");
                default -> recorded.add("code" + packet[0]);
            }
        }

        @Override
        public Protocol protocol() {
            return Protocol.of(0x8099);
        }

        @Override
        public void resetOptions() {
        }

        @Override
        public byte[] buildConfigureRequest() {
            return new byte[] {1, 2};
        }

        @Override
        public void onConfigureAck(byte[] options, int off, int len) {
        }

        @Override
        public boolean onConfigureNak(byte[] options, int off, int len) {
            return true;
        }

        @Override
        public boolean onConfigureReject(byte[] options, int off, int len) {
            return true;
        }

        @Override
        public Verdict evaluatePeerRequest(byte[] options, int off, int len, boolean rejectInsteadOfNak) {
            return goodRequests
                    ? new Verdict(Code.CONFIGURE_ACK, java.util.Arrays.copyOfRange(options, off, off + len))
                    : new Verdict(Code.CONFIGURE_NAK, new byte[] {1, 2});
        }

        @Override
        public void thisLayerUp(long now) {
            recorded.add("tlu");
        }

        @Override
        public void thisLayerDown(long now) {
            recorded.add("tld");
        }

        @Override
        public void thisLayerStarted(long now) {
            recorded.add("tls");
        }

        @Override
        public void thisLayerFinished(long now) {
            recorded.add("tlf");
        }
    }
}
