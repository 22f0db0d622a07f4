package ngdref.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line as a child JVM on the test class path ({@code java … ngdref.cli.NgdrefCli}),
 * for what only a process shows: the exit status given to the OS, /dev/full, a small heap.
 *
 * @param exit the exit status
 * @param out standard output (empty when redirected to a file)
 * @param err standard error
 */
record Subprocess(int exit, String out, String err) {

    /** Runs with {@code -Xmx64m}. */
    static Subprocess run(byte[] stdin, Path stdout, String... args) throws IOException, InterruptedException {
        return withJvm(List.of("-Xmx64m"), stdin, stdout, args);
    }

    /**
     * Runs {@code args} in a JVM with {@code jvm} options.
     *
     * @param stdin bytes for standard input, or null for none
     * @param stdout a file to write standard output to, or null to capture it
     */
    static Subprocess withJvm(List<String> jvm, byte[] stdin, Path stdout, String... args)
            throws IOException, InterruptedException {
        final String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        final List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.addAll(List.of("-XX:+UseSerialGC", "-cp", cp, NgdrefCli.class.getName()));
        cmd.addAll(List.of(args));
        final Path dir = Files.createTempDirectory("ngdref-cli");
        final Path in = dir.resolve("in");
        Files.write(in, stdin == null ? new byte[0] : stdin);
        final Path out = stdout == null ? dir.resolve("out") : stdout;
        final Path err = dir.resolve("err");
        final Process p = new ProcessBuilder(cmd).redirectInput(in.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + args[0]);
        }
        final String o = stdout == null ? Files.readString(out, StandardCharsets.UTF_8) : "";
        final Subprocess result = new Subprocess(p.exitValue(), o, Files.readString(err, StandardCharsets.UTF_8));
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
        return result;
    }
}
