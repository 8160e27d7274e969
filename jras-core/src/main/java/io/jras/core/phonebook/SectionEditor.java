package io.jras.core.phonebook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Changes the body lines of one entry in place, the way a person would in a text editor: a key
 * that exists gets its new value on its own line, a new key goes after the entry's last key, a
 * removed one takes only its line. Everything else (unknown keys, comments, blank lines, their
 * order and line endings) stays as it was.
 */
final class SectionEditor {

    private final List<PbkLine> lines;
    private boolean changed;

    SectionEditor(List<PbkLine> body) {
        this.lines = new ArrayList<>(body);
    }

    List<PbkLine> lines() {
        return List.copyOf(lines);
    }

    boolean changed() {
        return changed;
    }

    /** Sets a key among the entry's own keys (those before the first sub-section). */
    void setTop(String key, String value) {
        SectionLayout layout = SectionLayout.of(lines);
        int i = layout.topIndex(key);
        if (i >= 0) {
            PbkLine.KeyValue kv = (PbkLine.KeyValue) lines.get(i);
            if (!kv.value().equals(value)) {
                lines.set(i, kv.withValue(value));
                changed = true;
            }
        } else {
            lines.add(layout.topInsertionPoint(), PbkLine.KeyValue.of(key, value));
            changed = true;
        }
    }

    /** Removes every line of a key among the entry's own keys. */
    void removeTop(String key) {
        int i;
        while ((i = SectionLayout.of(lines).topIndex(key)) >= 0) {
            lines.remove(i);
            changed = true;
        }
    }

    /**
     * Makes the first link's phone numbers {@code numbers}. Numbers that stay keep their own lines
     * (their {@code AreaCode=} and the like): old and new lists are aligned on their longest common
     * run of equal numbers, as a diff would, and a number that moved takes its lines along.
     * Between two kept numbers, a changed number takes the place of an old one, a surplus old one
     * is removed with all its lines, and a new one is added after its predecessor, written as
     * Windows writes an alternate. An entry without a
     * {@code DEVICE=} sub-section gets one ({@code DEVICE=deviceKind}, after a {@code MEDIA=jras}
     * one if it has none).
     */
    void setPhoneNumbers(List<PhoneNumber> numbers, String deviceKind) {
        List<SectionLayout.PhoneGroup> groups = SectionLayout.of(lines).phoneGroups();
        if (groups.isEmpty()) {
            if (!numbers.isEmpty()) {
                insert(deviceInsertionPoint(deviceKind), newGroups(numbers));
            }
            return;
        }
        List<Op> ops = new ArrayList<>();
        List<int[]> anchors = commonNumbers(groups, numbers);
        // Old numbers off the common run that come back elsewhere have moved: they take their lines along.
        Map<String, List<PbkLine>> moved = new HashMap<>();
        Set<Integer> kept = new HashSet<>();
        anchors.forEach(a -> kept.add(a[1]));
        for (int j = 0; j < groups.size(); j++) {
            if (!kept.contains(j)) {
                moved.putIfAbsent(numberAt(groups.get(j)), groupLines(groups.get(j)));
            }
        }
        anchors.add(new int[] {numbers.size(), groups.size()});
        int ip = -1;
        int jp = -1;
        for (int[] anchor : anchors) {
            int in = anchor[0];
            int jn = anchor[1];
            int olds = jn - jp - 1;
            int news = in - ip - 1;
            int paired = Math.min(olds, news);
            for (int t = 0; t < paired; t++) {
                SectionLayout.PhoneGroup g = groups.get(jp + 1 + t);
                PhoneNumber n = numbers.get(ip + 1 + t);
                ops.add(new Op(g.numberLine(), false, () -> update(g, n)));
            }
            for (int t = paired; t < olds; t++) {
                SectionLayout.PhoneGroup g = groups.get(jp + 1 + t);
                ops.add(new Op(g.numberLine(), false, () -> delete(g)));
            }
            if (news > paired) {
                int at;
                if (paired > 0) {
                    at = groups.get(jp + paired).last() + 1;
                } else if (jp >= 0) {
                    at = groups.get(jp).last() + 1;
                } else {
                    at = groups.get(jn).numberLine();
                }
                List<PbkLine> added = new ArrayList<>();
                for (PhoneNumber n : numbers.subList(ip + 1 + paired, in)) {
                    List<PbkLine> own = moved.remove(n.number());
                    added.addAll(own != null ? withComment(own, n.comment()) : newGroups(List.of(n)));
                }
                ops.add(new Op(at, true, () -> insert(at, added)));
            }
            if (in < numbers.size()) {
                SectionLayout.PhoneGroup g = groups.get(jn);
                PhoneNumber n = numbers.get(in);
                ops.add(new Op(g.numberLine(), false, () -> update(g, n)));
            }
            ip = in;
            jp = jn;
        }
        // Apply from the end of the body: each step only moves lines after it, which are done.
        // At one position, edits of an old group go before an insertion there.
        ops.sort(Comparator.comparingInt(Op::position).reversed().thenComparing(Op::insert));
        for (Op op : ops) {
            op.action().run();
        }
    }

    /** One edit at a body line position of the unchanged body. */
    private record Op(int position, boolean insert, Runnable action) {
    }

    /**
     * The pairs (index in {@code numbers}, index in {@code groups}) of the longest common
     * subsequence of equal numbers, in increasing order.
     */
    private List<int[]> commonNumbers(List<SectionLayout.PhoneGroup> groups, List<PhoneNumber> numbers) {
        int n = numbers.size();
        int m = groups.size();
        int[][] len = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                len[i][j] = numberAt(groups.get(j)).equals(numbers.get(i).number())
                        ? len[i + 1][j + 1] + 1
                        : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        List<int[]> pairs = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (numberAt(groups.get(j)).equals(numbers.get(i).number())) {
                pairs.add(new int[] {i++, j++});
            } else if (len[i + 1][j] >= len[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return pairs;
    }

    private String numberAt(SectionLayout.PhoneGroup g) {
        return ((PbkLine.KeyValue) lines.get(g.numberLine())).value().strip();
    }

    private List<PbkLine> groupLines(SectionLayout.PhoneGroup g) {
        List<PbkLine> out = new ArrayList<>();
        out.add(lines.get(g.numberLine()));
        g.members().forEach(i -> out.add(lines.get(i)));
        return out;
    }

    /** A moved number's own lines, with its (possibly new) comment. */
    private static List<PbkLine> withComment(List<PbkLine> group, String comment) {
        List<PbkLine> out = new ArrayList<>(group);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof PbkLine.KeyValue kv && kv.is(PhonebookKeys.COMMENT)) {
                if (!kv.value().strip().equals(comment)) {
                    out.set(i, kv.withValue(comment));
                }
                return out;
            }
        }
        if (!comment.isEmpty()) {
            out.add(PbkLine.KeyValue.of(PhonebookKeys.COMMENT, comment));
        }
        return out;
    }

    private void insert(int at, List<PbkLine> added) {
        lines.addAll(at, added);
        changed = true;
    }

    private void delete(SectionLayout.PhoneGroup group) {
        for (int k = group.members().size() - 1; k >= 0; k--) {
            lines.remove((int) group.members().get(k));
        }
        lines.remove(group.numberLine());
        changed = true;
    }

    private void update(SectionLayout.PhoneGroup group, PhoneNumber n) {
        PbkLine.KeyValue number = (PbkLine.KeyValue) lines.get(group.numberLine());
        if (!number.value().strip().equals(n.number())) {
            lines.set(group.numberLine(), number.withValue(n.number()));
            changed = true;
        }
        Optional<Integer> comment = group.members().stream()
                .filter(i -> ((PbkLine.KeyValue) lines.get(i)).is(PhonebookKeys.COMMENT))
                .findFirst();
        if (comment.isPresent()) {
            PbkLine.KeyValue kv = (PbkLine.KeyValue) lines.get(comment.get());
            if (!kv.value().strip().equals(n.comment())) {
                lines.set(comment.get(), kv.withValue(n.comment()));
                changed = true;
            }
        } else if (!n.comment().isEmpty()) {
            lines.add(group.last() + 1, PbkLine.KeyValue.of(PhonebookKeys.COMMENT, n.comment()));
            changed = true;
        }
    }

    /** Numbers as Windows writes them: the number, no dialing rules, the comment. */
    private static List<PbkLine> newGroups(List<PhoneNumber> numbers) {
        List<PbkLine> out = new ArrayList<>();
        for (PhoneNumber n : numbers) {
            out.add(PbkLine.KeyValue.of(PhonebookKeys.PHONE_NUMBER, n.number()));
            out.add(PbkLine.KeyValue.of(PhonebookKeys.AREA_CODE, ""));
            out.add(PbkLine.KeyValue.of(PhonebookKeys.COUNTRY_CODE, "0"));
            out.add(PbkLine.KeyValue.of(PhonebookKeys.COUNTRY_ID, "0"));
            out.add(PbkLine.KeyValue.of(PhonebookKeys.USE_DIALING_RULES, "0"));
            out.add(PbkLine.KeyValue.of(PhonebookKeys.COMMENT, n.comment()));
        }
        return out;
    }

    /** Where the first number goes in an entry that has none, creating sub-sections as needed. */
    private int deviceInsertionPoint(String deviceKind) {
        SectionLayout layout = SectionLayout.of(lines);
        List<SectionLayout.Subsection> devices = layout.devices();
        for (SectionLayout.Subsection d : devices) {
            // A serial link's switch and X.25 PAD devices never hold the number.
            if (!d.value().equalsIgnoreCase("switch") && !d.value().equalsIgnoreCase("pad")) {
                return d.start() + 1;
            }
        }
        if (!devices.isEmpty()) {
            return devices.getFirst().start() + 1;
        }
        List<PbkLine> added = new ArrayList<>();
        Optional<SectionLayout.Subsection> media = layout.media();
        int at = media.map(layout::contentEnd).orElseGet(layout::contentEnd);
        if (media.isEmpty()) {
            if (at > 0) {
                added.add(new PbkLine.Blank("", LineEnd.FILE_STYLE));
            }
            added.add(PbkLine.KeyValue.of(PhonebookKeys.MEDIA, PhonebookKeys.JRAS_MEDIA));
        }
        added.add(new PbkLine.Blank("", LineEnd.FILE_STYLE));
        added.add(PbkLine.KeyValue.of(PhonebookKeys.DEVICE, deviceKind));
        lines.addAll(at, added);
        changed = true;
        return at + added.size();
    }
}
