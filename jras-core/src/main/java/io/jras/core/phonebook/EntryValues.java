package io.jras.core.phonebook;

import io.jras.ppp.Ipv4;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The typed values of one entry, read from its lines with the defaults of {@link PhonebookKeys}.
 * A value jras cannot read is a {@link BadValue} that names the line.
 */
record EntryValues(
        EntryType type,
        Optional<String> device,
        boolean deviceDerived,
        List<PhoneNumber> phoneNumbers,
        boolean tryNextAlternateOnFail,
        AuthPolicy auth,
        int redialAttempts,
        int redialSeconds,
        int idleDisconnectSeconds,
        boolean redialOnLinkFailure,
        AddressSource ipAssign,
        String ipAddress,
        AddressSource ipNameAssign,
        String dnsAddress,
        String dns2Address,
        boolean remoteDefaultGateway) {

    /** A value jras cannot read: the body line index (or -1) and what is wrong. */
    static final class BadValue extends Exception {
        final int index;

        BadValue(int index, String message) {
            super(message, null, false, false);
            this.index = index;
        }
    }

    static EntryValues read(List<PbkLine> body) throws BadValue {
        return new Reader(body).read();
    }

    private static final class Reader {
        private final List<PbkLine> body;
        private final SectionLayout layout;

        Reader(List<PbkLine> body) {
            this.body = body;
            this.layout = SectionLayout.of(body);
        }

        EntryValues read() throws BadValue {
            EntryType type = EntryType.PHONE;
            int t = layout.topIndex(PhonebookKeys.TYPE);
            if (t >= 0) {
                try {
                    type = new EntryType(Integer.parseInt(value(t).strip()));
                } catch (NumberFormatException e) {
                    throw bad(t, "is not a whole number");
                }
            }
            Optional<String> device = layout.top(PhonebookKeys.JRAS_DEVICE).map(String::strip).filter(s -> !s.isEmpty());
            boolean derived = device.isEmpty();
            if (derived) {
                device = WindowsDevice.derive(layout);
            }
            int redialSeconds = integer(PhonebookKeys.REDIAL_SECONDS, PhonebookKeys.DEFAULT_REDIAL_SECONDS, 0);
            return new EntryValues(type, device, derived && device.isPresent(), phoneNumbers(),
                    tryNextAlternate(), auth(),
                    integer(PhonebookKeys.REDIAL_ATTEMPTS, PhonebookKeys.DEFAULT_REDIAL_ATTEMPTS, 0),
                    redialSeconds,
                    integer(PhonebookKeys.IDLE_DISCONNECT_SECONDS, PhonebookKeys.DEFAULT_IDLE_DISCONNECT_SECONDS, -1),
                    flag(PhonebookKeys.REDIAL_ON_LINK_FAILURE, PhonebookKeys.DEFAULT_REDIAL_ON_LINK_FAILURE),
                    source(PhonebookKeys.IP_ASSIGN),
                    address(PhonebookKeys.IP_ADDRESS),
                    source(PhonebookKeys.IP_NAME_ASSIGN),
                    address(PhonebookKeys.IP_DNS_ADDRESS),
                    address(PhonebookKeys.IP_DNS2_ADDRESS),
                    flag(PhonebookKeys.IP_PRIORITIZE_REMOTE, PhonebookKeys.DEFAULT_REMOTE_DEFAULT_GATEWAY));
        }

        private List<PhoneNumber> phoneNumbers() {
            List<PhoneNumber> out = new ArrayList<>();
            for (SectionLayout.PhoneGroup g : layout.phoneGroups()) {
                String number = value(g.numberLine()).strip();
                if (number.isEmpty()) {
                    continue; // Windows writes "PhoneNumber=" for entries that dial nothing
                }
                String comment = "";
                for (int i : g.members()) {
                    if (((PbkLine.KeyValue) body.get(i)).is(PhonebookKeys.COMMENT)) {
                        comment = value(i).strip();
                        break;
                    }
                }
                out.add(new PhoneNumber(number, comment));
            }
            return List.copyOf(out);
        }

        private boolean tryNextAlternate() throws BadValue {
            for (SectionLayout.Subsection d : layout.devices()) {
                for (int i = d.start() + 1; i < d.end(); i++) {
                    if (body.get(i) instanceof PbkLine.KeyValue kv && kv.is(PhonebookKeys.TRY_NEXT_ALTERNATE_ON_FAIL)) {
                        return flagAt(i);
                    }
                }
            }
            return PhonebookKeys.DEFAULT_TRY_NEXT_ALTERNATE_ON_FAIL;
        }

        private AuthPolicy auth() throws BadValue {
            int j = layout.topIndex(PhonebookKeys.JRAS_AUTH);
            if (j >= 0) {
                try {
                    return AuthPolicy.parse(value(j));
                } catch (IllegalArgumentException e) {
                    throw bad(j, "is not none, any, or a list of pap, chap, mschapv2");
                }
            }
            int w = layout.topIndex(PhonebookKeys.AUTH_RESTRICTIONS);
            if (w >= 0) {
                try {
                    return AuthPolicy.fromAuthRestrictions(Integer.parseInt(value(w).strip()));
                } catch (NumberFormatException e) {
                    throw bad(w, "is not a whole number");
                }
            }
            return AuthPolicy.ANY;
        }

        private int integer(String key, int dflt, int min) throws BadValue {
            int i = layout.topIndex(key);
            if (i < 0) {
                return dflt;
            }
            try {
                int v = Integer.parseInt(value(i).strip());
                if (v < min) {
                    throw bad(i, "is less than " + min);
                }
                return v;
            } catch (NumberFormatException e) {
                throw bad(i, "is not a whole number");
            }
        }

        private boolean flag(String key, boolean dflt) throws BadValue {
            int i = layout.topIndex(key);
            return i < 0 ? dflt : flagAt(i);
        }

        private boolean flagAt(int i) throws BadValue {
            return switch (value(i).strip()) {
                case "1" -> true;
                case "0" -> false;
                default -> throw bad(i, "is not 0 or 1");
            };
        }

        private AddressSource source(String key) throws BadValue {
            int i = layout.topIndex(key);
            if (i < 0) {
                return AddressSource.SERVER_ASSIGNED;
            }
            try {
                return AddressSource.of(Integer.parseInt(value(i).strip()));
            } catch (IllegalArgumentException e) {
                throw bad(i, "is not 1 (server assigned), 2 (require specific) or 3 (none)");
            }
        }

        private String address(String key) throws BadValue {
            int i = layout.topIndex(key);
            if (i < 0) {
                return PhonebookKeys.NO_ADDRESS;
            }
            String v = value(i).strip();
            try {
                return Ipv4.format(Ipv4.parse(v));
            } catch (IllegalArgumentException e) {
                throw bad(i, "is not an IPv4 address a.b.c.d");
            }
        }

        private String value(int i) {
            return ((PbkLine.KeyValue) body.get(i)).value();
        }

        private BadValue bad(int i, String what) {
            PbkLine.KeyValue kv = (PbkLine.KeyValue) body.get(i);
            return new BadValue(i, kv.key() + "=" + PbkParser.printable(kv.value()) + " " + what);
        }
    }
}
