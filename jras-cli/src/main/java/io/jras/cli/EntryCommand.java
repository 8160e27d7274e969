package io.jras.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jras.client.EntryInfo;
import io.jras.client.EntrySpec;
import io.jras.client.Phonebooks;
import io.jras.client.RasClientException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code jras entry list|show|add|set|rename|remove|import|export}: the phonebook (a Windows
 * rasphone.pbk file). Passwords go to the credential store (mode 0600), never into the phonebook
 * and never onto stdout.
 */
@Command(name = "entry", mixinStandardHelpOptions = true,
        description = "Manage the phonebook (rasphone.pbk): list, show, add, set, rename, remove, import, export.",
        subcommands = {EntryCommand.ListEntries.class, EntryCommand.Show.class, EntryCommand.Add.class,
            EntryCommand.Set.class, EntryCommand.Rename.class, EntryCommand.Remove.class,
            EntryCommand.Import.class, EntryCommand.Export.class})
final class EntryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--phonebook", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "The phonebook (default: $JRAS_PHONEBOOK, else ~/.config/jras/rasphone.pbk).")
    String phonebook;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    Phonebooks phonebooks() {
        return Phonebooks.open(phonebook);
    }

    static int fail(CommandSpec spec, RasClientException e, boolean json) {
        return Errors.report(spec, e, json);
    }

    static ObjectNode summary(EntryInfo e) {
        ObjectNode n = Json.object();
        n.put("name", e.name());
        n.put("phoneNumber", e.phoneNumber());
        n.put("device", e.device());
        return n;
    }

    /** Options shared by add and set. */
    static final class EntryOptions {
        @Option(names = "--device", paramLabel = "SPEC",
                description = "tcp:HOST:PORT | serial:PATH[@BAUD] | modem:tcp:HOST:PORT | modem:PATH[@BAUD] | exec:COMMAND")
        String device;

        @Option(names = "--phone", paramLabel = "N", description = "A phone number; repeat for alternates, in order.")
        List<String> phones;

        @Option(names = "--auth", paramLabel = "AUTH", description = "none | pap | chap | mschapv2 | any (comma-separated list allowed)")
        String auth;

        @Option(names = "--user", paramLabel = "U", description = "The user name to store for this entry.")
        String user;

        @Option(names = "--password", paramLabel = "P", description = "The password to store (see also --password-stdin).")
        String password;

        @Option(names = "--password-stdin", description = "Read the password from the first line of stdin.")
        boolean passwordStdin;

        @Option(names = "--redial", paramLabel = "ATTEMPTS[,SECONDS]", description = "Redial attempts and pause.")
        String redial;

        @Option(names = "--idle-disconnect", paramLabel = "SECONDS", description = "Hang up after this long idle (0: never).")
        Integer idle;

        @Option(names = "--reconnect", arity = "1", paramLabel = "yes|no", description = "Redial when an established link drops.")
        String reconnect;

        EntrySpec spec() throws RasClientException {
            Integer attempts = null;
            Integer seconds = null;
            if (redial != null) {
                String[] parts = redial.split(",", 2);
                try {
                    attempts = Integer.parseInt(parts[0].trim());
                    seconds = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : null;
                } catch (NumberFormatException ex) {
                    throw new RasClientException(87, "--redial wants ATTEMPTS[,SECONDS]: " + redial);
                }
            }
            Boolean reconnectOn = reconnect == null ? null
                    : reconnect.equalsIgnoreCase("yes") || reconnect.equals("1") || reconnect.equalsIgnoreCase("true");
            return new EntrySpec(device, phones, auth, attempts, seconds, idle, reconnectOn);
        }

        /** The password, from --password or stdin; null if neither was given. */
        String password() throws IOException {
            if (passwordStdin) {
                BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line = r.readLine();
                return line == null ? "" : line;
            }
            return password;
        }

        void storeCredentials(Phonebooks pb, String entry) throws RasClientException, IOException {
            String p = password();
            if (user != null || p != null) {
                pb.setCredentials(entry, user, p);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the entries: name, number, device.")
    static final class ListEntries implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @ParentCommand
        EntryCommand parent;
        @Option(names = "--json", description = "Print one JSON array.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                Phonebooks pb = parent.phonebooks();
                List<EntryInfo> entries = pb.list();
                if (json) {
                    ArrayNode a = Json.array(List.of());
                    entries.forEach(e -> a.add(summary(e)));
                    out.println(Json.line(a));
                } else if (entries.isEmpty()) {
                    out.println("No entries in " + pb.path());
                } else {
                    out.printf("%-24s %-16s %s%n", "NAME", "NUMBER", "DEVICE");
                    for (EntryInfo e : entries) {
                        out.printf("%-24s %-16s %s%n", e.name(), e.phoneNumber().isEmpty() ? "-" : e.phoneNumber(),
                                e.device().isEmpty() ? "-" : e.device());
                    }
                }
                return Exit.OK;
            } catch (RasClientException e) {
                return fail(spec, e, json);
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one entry, every number included.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @ParentCommand
        EntryCommand parent;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                EntryInfo e = parent.phonebooks().show(name);
                ObjectNode d = Json.of(e);
                d.put("phoneNumber", e.phoneNumber());
                if (json) {
                    out.println(Json.line(d));
                } else {
                    out.println(e.name());
                    d.fields().forEachRemaining(f -> {
                        if (!f.getKey().equals("name") && !f.getKey().equals("phoneNumbers")) {
                            out.printf("  %-22s %s%n", f.getKey(), f.getValue().asText());
                        }
                    });
                    for (String n : e.phoneNumbers()) {
                        out.printf("  %-22s %s%n", "number", n);
                    }
                }
                return Exit.OK;
            } catch (RasClientException e) {
                return fail(spec, e, json);
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an entry (Error 123: invalid name, 183: exists).")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @ParentCommand
        EntryCommand parent;
        @Parameters(paramLabel = "NAME")
        String name;
        @picocli.CommandLine.Mixin
        EntryOptions options;

        @Override
        public Integer call() throws IOException {
            if (options.device == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--device=SPEC'");
            }
            try {
                Phonebooks pb = parent.phonebooks();
                EntryInfo e = pb.add(name, options.spec());
                options.storeCredentials(pb, e.name());
                spec.commandLine().getOut().println("Added " + e.name() + " to " + pb.path());
                return Exit.OK;
            } catch (RasClientException e) {
                return fail(spec, e, false);
            }
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Change an entry; unmentioned settings stay.")
    static final class Set implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @ParentCommand
        EntryCommand parent;
        @Parameters(paramLabel = "NAME")
        String name;
        @picocli.CommandLine.Mixin
        EntryOptions options;

        @Override
        public Integer call() throws IOException {
            try {
                Phonebooks pb = parent.phonebooks();
                EntryInfo e = pb.set(name, options.spec());
                options.storeCredentials(pb, e.name());
                spec.commandLine().getOut().println("Updated " + e.name());
                return Exit.OK;
            } catch (RasClientException e) {
                return fail(spec, e, false);
            }
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename an entry (its stored credentials follow).")
    static final class Rename implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @ParentCommand
        EntryCommand parent;
        @Parameters(index = "0", paramLabel = "OLD")
        String from;
        @Parameters(index = "1", paramLabel = "NEW")
        String to;

        @Override
        public Integer call() {
            try {
                EntryInfo e = parent.phonebooks().rename(from, to);
                spec.commandLine().getOut().println("Renamed " + from + " to " + e.name());
                return Exit.OK;
            } catch (RasClientException e) {
                return fail(spec, e, false);
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an entry and its stored credentials.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @ParentCommand
        EntryCommand parent;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try {
                parent.phonebooks().remove(name);
                spec.commandLine().getOut().println("Removed " + name);
                return Exit.OK;
            } catch (RasClientException e) {
                return fail(spec, e, false);
            }
        }
    }

    /** What import and export share: a file, optional names, one line per entry copied. */
    abstract static class Copy implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @ParentCommand
        EntryCommand parent;
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;
        @Parameters(index = "1..*", arity = "0..*", paramLabel = "NAME")
        List<String> names;

        abstract List<String> copy(Phonebooks pb, Path other, List<String> which) throws RasClientException;

        abstract String verb();

        @Override
        public Integer call() {
            try {
                for (String n : copy(parent.phonebooks(), file, names == null ? List.of() : names)) {
                    spec.commandLine().getOut().println(verb() + " " + n);
                }
                return Exit.OK;
            } catch (RasClientException e) {
                return fail(spec, e, false);
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Copy entries from another phonebook file (all, or the named ones).")
    static final class Import extends Copy {
        @Override
        List<String> copy(Phonebooks pb, Path other, List<String> which) throws RasClientException {
            return pb.importFrom(other, which);
        }

        @Override
        String verb() {
            return "Imported";
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Copy entries into another phonebook file (all, or the named ones).")
    static final class Export extends Copy {
        @Override
        List<String> copy(Phonebooks pb, Path other, List<String> which) throws RasClientException {
            return pb.exportTo(other, which);
        }

        @Override
        String verb() {
            return "Exported";
        }
    }
}
