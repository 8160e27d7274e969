package io.jras.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public surface of the client: module {@code io.jras.client} exports one package. Checked
 * twice: on the compiled descriptor, and by compiling a small application module against the
 * built modules, as a user of the API would (the tests themselves run on the class path).
 */
class ModuleBoundaryTest {

    @TempDir
    Path dir;

    @Test
    void theDescriptorExportsOnlyTheApiPackage() {
        ModuleDescriptor client = ModuleFinder.of(Path.of("target/classes")).find("io.jras.client").orElseThrow()
                .descriptor();

        assertThat(client.exports()).map(ModuleDescriptor.Exports::source).containsExactly("io.jras.client");
        assertThat(client.exports()).allMatch(e -> !e.isQualified());
        assertThat(client.packages()).contains("io.jras.client.rpc", "io.jras.client.internal");
    }

    @Test
    void anApplicationModuleCompilesAgainstTheApi() throws IOException {
        String errors = compileApp("""
                package app;
                import io.jras.client.RemoteAccess;
                public class Main {
                    public static void main(String[] args) throws Exception {
                        try (RemoteAccess ras = RemoteAccess.connect()) {
                            ras.list().forEach(c -> System.out.println(c.handle() + " " + c.entry()));
                        }
                    }
                }
                """);

        assertThat(errors).isEmpty();
    }

    @Test
    void theWireFormatIsNotVisibleToApplications() throws IOException {
        String errors = compileApp("""
                package app;
                public class Main {
                    Object rpc = io.jras.client.rpc.JsonRpc.class;
                }
                """);

        assertThat(errors).contains("io.jras.client.rpc").contains("not visible");
    }

    @Test
    void theManagerIsNotReachableThroughTheClient() throws IOException {
        String errors = compileApp("""
                package app;
                public class Main {
                    Object manager = io.jras.core.ConnectionManager.class;
                }
                """);

        assertThat(errors).contains("io.jras.core").contains("not visible");
    }

    /** Compiles module {@code app} (requires io.jras.client) and returns javac's diagnostics. */
    private String compileApp(String mainSource) throws IOException {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("app"));
        Files.writeString(src.resolve("module-info.java"), "module app { requires io.jras.client; }\n");
        Files.writeString(src.resolve("app/Main.java"), mainSource);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter out = new StringWriter();
        List<String> options = List.of("-d", dir.resolve("out").toString(), "--module-path", builtModules());
        var files = javac.getStandardFileManager(null, null, null)
                .getJavaFileObjectsFromPaths(List.of(src.resolve("module-info.java"), src.resolve("app/Main.java")));
        javac.getTask(out, null, null, options, null, files).call();
        return out.toString();
    }

    /**
     * The jras modules and their runtime dependencies, from this test's class path: the main
     * classes of each jras module, Jackson and jSerialComm (test classes and JUnit would split
     * packages on a module path).
     */
    private static String builtModules() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.endsWith(File.separator + "target" + File.separator + "classes")
                        || p.contains("jackson") || p.contains("jSerialComm"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
