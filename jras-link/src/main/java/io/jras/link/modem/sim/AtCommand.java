package io.jras.link.modem.sim;

import java.util.ArrayList;
import java.util.List;

/** One command of an AT command line, as the emulator understands it. */
sealed interface AtCommand {

    /** A letter command with its number: E1, V0, Q0, H0, Z, O, I3, &F, &C1 ... (0 when left out). */
    record Basic(String name, int value) implements AtCommand {
    }

    /** D: the rest of the line is the dial string, modifiers (T, P, W, commas) included. */
    record Dial(String dialString) implements AtCommand {
    }

    /** Sn=v. */
    record SetRegister(int register, int value) implements AtCommand {
    }

    /** Sn?. */
    record QueryRegister(int register) implements AtCommand {
    }

    /** Letters that take an optional number; anything else is an ERROR. */
    String BASIC = "AEHILMOQVXZ";
    String AMPERSAND = "CDFKVW";

    /**
     * Reads the body of a command line, the part after "AT".
     *
     * @throws IllegalArgumentException for a command the emulator does not know (the modem's ERROR)
     */
    static List<AtCommand> parse(String body) {
        List<AtCommand> commands = new ArrayList<>();
        Cursor c = new Cursor(body);
        while (c.more()) {
            char letter = Character.toUpperCase(c.next());
            if (letter == ' ') {
                continue;
            }
            if (letter == 'D') {
                commands.add(new Dial(c.rest()));
            } else if (letter == 'S') {
                int register = c.number(-1);
                char op = c.more() ? c.next() : 0;
                if (register < 0 || register > 255) {
                    throw new IllegalArgumentException("S needs a register number");
                } else if (op == '=') {
                    commands.add(new SetRegister(register, c.number(0)));
                } else if (op == '?') {
                    commands.add(new QueryRegister(register));
                } else {
                    throw new IllegalArgumentException("S" + register + " needs = or ?");
                }
            } else if (letter == '&' && c.more() && AMPERSAND.indexOf(Character.toUpperCase(c.peek())) >= 0) {
                commands.add(new Basic("&" + Character.toUpperCase(c.next()), c.number(0)));
            } else if (BASIC.indexOf(letter) >= 0) {
                commands.add(new Basic(String.valueOf(letter), c.number(0)));
            } else {
                throw new IllegalArgumentException("unknown command " + letter);
            }
        }
        return commands;
    }

    /** Reads through a command line body. */
    final class Cursor {
        private final String s;
        private int i;

        Cursor(String s) {
            this.s = s;
        }

        boolean more() {
            return i < s.length();
        }

        char next() {
            return s.charAt(i++);
        }

        char peek() {
            return s.charAt(i);
        }

        String rest() {
            String r = s.substring(i);
            i = s.length();
            return r;
        }

        int number(int absent) {
            int start = i;
            while (i < s.length() && i - start < 3 && Character.isDigit(s.charAt(i))) {
                i++;
            }
            return i == start ? absent : Integer.parseInt(s.substring(start, i));
        }
    }
}
