package io.jras.core.phonebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where things are in the body of one entry, as Windows lays it out: the entry's own keys first,
 * then sub-sections that each start at a marker line {@code MEDIA=}, {@code DEVICE=} or
 * {@code NETCOMPONENTS=} (upper case) and run to the next marker. A {@code MEDIA=} sub-section and the
 * {@code DEVICE=} sub-sections after it form one link; a multilink entry has several. Phone
 * numbers are groups that start at {@code PhoneNumber=} inside the first link's devices.
 */
final class SectionLayout {

    static final String MEDIA = "MEDIA";
    static final String DEVICE = "DEVICE";
    static final String NETCOMPONENTS = "NETCOMPONENTS";

    /** Keys that belong to the phone number started by the {@code PhoneNumber=} before them. */
    private static final Set<String> PHONE_KEYS = Set.of(
            "areacode", "countrycode", "countryid", "usedialingrules", "comment", "friendlyname");

    /**
     * A sub-section: its marker line at {@code start}, its lines up to {@code end} (exclusive).
     */
    record Subsection(String marker, String value, int start, int end) {
        boolean is(String m) {
            return marker.equals(m);
        }
    }

    /** One phone number: its {@code PhoneNumber=} line and the lines of its other keys. */
    record PhoneGroup(int numberLine, List<Integer> members) {
        PhoneGroup {
            members = List.copyOf(members);
        }

        /** The index of the group's last line. */
        int last() {
            return members.isEmpty() ? numberLine : members.getLast();
        }
    }

    private final List<PbkLine> lines;
    private final int topEnd;
    private final List<Subsection> subsections;

    private SectionLayout(List<PbkLine> lines, int topEnd, List<Subsection> subsections) {
        this.lines = lines;
        this.topEnd = topEnd;
        this.subsections = subsections;
    }

    static SectionLayout of(List<PbkLine> lines) {
        List<Subsection> subs = new ArrayList<>();
        int topEnd = lines.size();
        int start = -1;
        String marker = null;
        String value = null;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) instanceof PbkLine.KeyValue kv && isMarker(kv.key())) {
                if (start < 0) {
                    topEnd = i;
                } else {
                    subs.add(new Subsection(marker, value, start, i));
                }
                start = i;
                marker = kv.key();
                value = kv.value().strip();
            }
        }
        if (start >= 0) {
            subs.add(new Subsection(marker, value, start, lines.size()));
        }
        return new SectionLayout(lines, topEnd, List.copyOf(subs));
    }

    /**
     * Markers are upper case and matched as such: {@code DEVICE=} starts a sub-section, while
     * {@code Device=} is a key of the {@code MEDIA=} sub-section.
     */
    static boolean isMarker(String key) {
        return key.equals(MEDIA) || key.equals(DEVICE) || key.equals(NETCOMPONENTS);
    }

    /** Index of the first body line after the entry's own keys. */
    int topEnd() {
        return topEnd;
    }

    /** The index of the first top-level line with {@code key}, or -1. */
    int topIndex(String key) {
        return indexIn(0, topEnd, key);
    }

    Optional<String> top(String key) {
        return value(topIndex(key));
    }

    /** The index after the last top-level key line: where a new top-level key goes. */
    int topInsertionPoint() {
        int at = 0;
        for (int i = 0; i < topEnd; i++) {
            if (!(lines.get(i) instanceof PbkLine.Blank)) {
                at = i + 1;
            }
        }
        return at;
    }

    List<Subsection> subsections() {
        return subsections;
    }

    /** The first link's {@code MEDIA=} sub-section. */
    Optional<Subsection> media() {
        return subsections.stream().filter(s -> s.is(MEDIA)).findFirst();
    }

    /**
     * The first link's {@code DEVICE=} sub-sections: those after the first {@code MEDIA=} up to the
     * next one (or, in a file without {@code MEDIA=}, all of them).
     */
    List<Subsection> devices() {
        List<Subsection> out = new ArrayList<>();
        boolean seenMedia = false;
        for (Subsection s : subsections) {
            if (s.is(MEDIA)) {
                if (seenMedia) {
                    break;
                }
                seenMedia = true;
            } else if (s.is(DEVICE)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The first value of {@code key} inside a sub-section. */
    Optional<String> value(Subsection s, String key) {
        return value(indexIn(s.start() + 1, s.end(), key));
    }

    /**
     * The phone numbers of the first link, primary first: every {@code PhoneNumber=} group in its
     * devices, in file order. Windows repeats the groups inside one {@code DEVICE=} sub-section;
     * groups spread over several {@code DEVICE=} sub-sections are read the same way.
     */
    List<PhoneGroup> phoneGroups() {
        List<PhoneGroup> groups = new ArrayList<>();
        for (Subsection d : devices()) {
            int number = -1;
            List<Integer> members = new ArrayList<>();
            for (int i = d.start() + 1; i < d.end(); i++) {
                if (!(lines.get(i) instanceof PbkLine.KeyValue kv)) {
                    continue;
                }
                if (kv.is("PhoneNumber")) {
                    if (number >= 0) {
                        groups.add(new PhoneGroup(number, members));
                    }
                    number = i;
                    members = new ArrayList<>();
                } else if (number >= 0 && PHONE_KEYS.contains(kv.key().toLowerCase(java.util.Locale.ROOT))) {
                    members.add(i);
                } else if (number >= 0) {
                    groups.add(new PhoneGroup(number, members));
                    number = -1;
                    members = new ArrayList<>();
                }
            }
            if (number >= 0) {
                groups.add(new PhoneGroup(number, members));
            }
        }
        return groups;
    }

    /** The index after the last non-blank line of a sub-section (its marker at least). */
    int contentEnd(Subsection s) {
        return contentEnd(s.start(), s.end());
    }

    /** The index after the last non-blank line of the body. */
    int contentEnd() {
        return contentEnd(0, lines.size());
    }

    private int contentEnd(int from, int to) {
        int at = from;
        for (int i = from; i < to; i++) {
            if (!(lines.get(i) instanceof PbkLine.Blank)) {
                at = i + 1;
            }
        }
        return at;
    }

    private int indexIn(int from, int to, String key) {
        for (int i = from; i < to; i++) {
            if (lines.get(i) instanceof PbkLine.KeyValue kv && kv.is(key)) {
                return i;
            }
        }
        return -1;
    }

    private Optional<String> value(int index) {
        return index < 0 ? Optional.empty() : Optional.of(((PbkLine.KeyValue) lines.get(index)).value());
    }
}
