package io.jras.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jras.core.credentials.CredentialStore;
import io.jras.core.credentials.StoredCredentials;
import io.jras.core.phonebook.AuthPolicy;
import io.jras.core.phonebook.PhoneNumber;
import io.jras.core.phonebook.Phonebook;
import io.jras.core.phonebook.PhonebookEntry;
import io.jras.core.phonebook.PhonebookLocation;
import io.jras.link.RasException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    Path path() {
        return PhonebookLocation.resolve(phonebook);
    }

    Phonebook load() throws RasException {
        return Phonebook.load(path());
    }

    /** Reports a RAS error the way every command does. */
    static int fail(CommandSpec spec, RasException e, boolean json) {
        spec.commandLine().getErr().println(e.describe());
        if (json) {
            spec.commandLine().getOut().println(Json.line(Json.error(e.code(), e.getMessage())));
        }
        return Exit.RAS_ERROR;
    }

    static ObjectNode summary(PhonebookEntry e) {
        ObjectNode n = Json.object();
        n.put("name", e.name());
        n.put("phoneNumber", e.numbers().isEmpty() ? "" : e.numbers().getFirst());
        n.put("device", e.device().orElse(""));
        return n;
    }

    static ObjectNode details(PhonebookEntry e, Optional<StoredCredentials> creds) {
        ObjectNode n = summary(e);
        ArrayNode numbers = n.putArray("phoneNumbers");
        for (PhoneNumber p : e.phoneNumbers()) {
            ObjectNode pn = numbers.addObject();
            pn.put("number", p.number());
            pn.put("comment", p.comment());
        }
        n.put("type", e.type().toString());
        n.put("auth", e.auth().toString());
        n.put("user", creds.map(StoredCredentials::user).orElse(""));
        n.put("passwordStored", creds.isPresent() && !creds.get().password().isEmpty());
        n.put("redialAttempts", e.redialAttempts());
        n.put("redialSeconds", e.redialSeconds());
        n.put("idleDisconnectSeconds", e.idleDisconnectSeconds());
        n.put("redialOnLinkFailure", e.redialOnLinkFailure());
        n.put("ipAddress", e.staticIpAddress().orElse(""));
        n.put("remoteDefaultGateway", e.remoteDefaultGateway());
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

        PhonebookEntry apply(PhonebookEntry e) throws RasException {
            if (device != null) {
                e = e.withDevice(device);
            }
            if (phones != null) {
                List<PhoneNumber> numbers = new ArrayList<>();
                for (String p : phones) {
                    numbers.add(PhoneNumber.of(p));
                }
                e = e.withPhoneNumbers(numbers);
            }
            if (auth != null) {
                e = e.withAuth(AuthPolicy.parse(auth));
            }
            if (redial != null) {
                String[] parts = redial.split(",", 2);
                try {
                    e = e.withRedial(Integer.parseInt(parts[0].trim()),
                            parts.length > 1 ? Integer.parseInt(parts[1].trim()) : e.redialSeconds());
                } catch (NumberFormatException ex) {
                    throw new RasException(87, "--redial wants ATTEMPTS[,SECONDS]: " + redial);
                }
            }
            if (idle != null) {
                e = e.withIdleDisconnectSeconds(idle);
            }
            if (reconnect != null) {
                e = e.withRedialOnLinkFailure(reconnect.equalsIgnoreCase("yes") || reconnect.equals("1")
                        || reconnect.equalsIgnoreCase("true"));
            }
            return e;
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

        void storeCredentials(Path phonebook, String entry) throws RasException, IOException {
            String p = password();
            if (user == null && p == null) {
                return;
            }
            CredentialStore store = CredentialStore.openUserDefault();
            Optional<StoredCredentials> old = store.get(phonebook, entry);
            store.set(phonebook, entry, user != null ? user : old.map(StoredCredentials::user).orElse(""),
                    p != null ? p : old.map(StoredCredentials::password).orElse(""));
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
                List<PhonebookEntry> entries = parent.load().entries();
                if (json) {
                    ArrayNode a = Json.array(List.of());
                    entries.forEach(e -> a.add(summary(e)));
                    out.println(Json.line(a));
                } else if (entries.isEmpty()) {
                    out.println("No entries in " + parent.path());
                } else {
                    out.printf("%-24s %-16s %s%n", "NAME", "NUMBER", "DEVICE");
                    for (PhonebookEntry e : entries) {
                        out.printf("%-24s %-16s %s%n", e.name(), e.numbers().isEmpty() ? "-" : e.numbers().getFirst(),
                                e.device().orElse("-"));
                    }
                }
                return Exit.OK;
            } catch (RasException e) {
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
                PhonebookEntry e = parent.load().entry(name);
                Optional<StoredCredentials> creds = CredentialStore.openUserDefault().get(parent.path(), e.name());
                ObjectNode d = details(e, creds);
                if (json) {
                    out.println(Json.line(d));
                } else {
                    out.println(e.name());
                    d.fields().forEachRemaining(f -> {
                        if (!f.getKey().equals("name") && !f.getKey().equals("phoneNumbers")) {
                            out.printf("  %-22s %s%n", f.getKey(), f.getValue().asText());
                        }
                    });
                    for (PhoneNumber p : e.phoneNumbers()) {
                        out.printf("  %-22s %s%s%n", "number", p.number(), p.comment().isEmpty() ? "" : "  (" + p.comment() + ")");
                    }
                }
                return Exit.OK;
            } catch (RasException e) {
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
                Phonebook pb = parent.load();
                PhonebookEntry e = options.apply(PhonebookEntry.create(name, options.device));
                pb.add(e);
                options.storeCredentials(pb.path(), e.name());
                spec.commandLine().getOut().println("Added " + e.name() + " to " + pb.path());
                return Exit.OK;
            } catch (RasException e) {
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
                Phonebook pb = parent.load();
                PhonebookEntry e = pb.edit(name, options::apply);
                options.storeCredentials(pb.path(), e.name());
                spec.commandLine().getOut().println("Updated " + e.name());
                return Exit.OK;
            } catch (RasException e) {
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
                Phonebook pb = parent.load();
                PhonebookEntry e = pb.rename(from, to);
                CredentialStore.openUserDefault().rename(pb.path(), from, e.name());
                spec.commandLine().getOut().println("Renamed " + from + " to " + e.name());
                return Exit.OK;
            } catch (RasException e) {
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
                Phonebook pb = parent.load();
                pb.remove(name);
                CredentialStore.openUserDefault().remove(pb.path(), name);
                spec.commandLine().getOut().println("Removed " + name);
                return Exit.OK;
            } catch (RasException e) {
                return fail(spec, e, false);
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Copy entries from another phonebook file (all, or the named ones).")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @ParentCommand
        EntryCommand parent;
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;
        @Parameters(index = "1..*", arity = "0..*", paramLabel = "NAME")
        List<String> names;

        @Override
        public Integer call() {
            try {
                Phonebook source = Phonebook.load(file);
                Phonebook target = parent.load();
                for (String n : names == null || names.isEmpty() ? source.names() : names) {
                    PhonebookEntry e = target.importFrom(source, n);
                    spec.commandLine().getOut().println("Imported " + e.name());
                }
                return Exit.OK;
            } catch (RasException e) {
                return fail(spec, e, false);
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Copy entries into another phonebook file (all, or the named ones).")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @ParentCommand
        EntryCommand parent;
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;
        @Parameters(index = "1..*", arity = "0..*", paramLabel = "NAME")
        List<String> names;

        @Override
        public Integer call() {
            try {
                Phonebook source = parent.load();
                Phonebook target = Phonebook.load(file);
                for (String n : names == null || names.isEmpty() ? source.names() : names) {
                    PhonebookEntry e = source.exportTo(n, target);
                    spec.commandLine().getOut().println("Exported " + e.name());
                }
                return Exit.OK;
            } catch (RasException e) {
                return fail(spec, e, false);
            }
        }
    }
}
