package ngdref.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The mutation gate (proofs/mutants/README.md): seeded faults in the verified code and in its
 * contracts, applied one at a time to a copy; CI fails unless every one is rejected.
 *
 * <ul>
 * <li>{@code proofs/mutants/test-mutants.tsv}: the mutated source file is compiled into a
 *   directory that comes first on the class path, and the listed test classes run in a fresh JVM
 *   (default tries); the mutant is rejected when a test fails.</li>
 * <li>{@code proofs/mutants/key-mutants.tsv}: the verified packages and {@code proofs/} are copied,
 *   the mutation applied, and KeY replays the saved proofs of the contracts matching the listed
 *   pattern; the mutant is rejected when such a contract no longer replays (or is vacuous). A
 *   rejection means the recorded proof does not carry over to the mutant, which is what CI's
 *   replay relies on.</li>
 * </ul>
 *
 * Two workers take jobs from one queue: all KeY mutants as one job (one KeY JVM replays them in
 * turn, warm after the first), and each test mutant as a job.
 *
 * <p>A mutant whose text is not found exactly once, that does not compile, for which no test runs,
 * or for which KeY cannot load the sources is invalid, and fails the gate too: a gate that
 * silently skips its mutants would prove nothing.
 *
 * <p>Usage (after {@code mvn verify}, and for the KeY part after the replay of {@code -Pkey},
 * which compiles the runner): {@code java -cp <test class path> ngdref.verification.MutationGate
 * --root . --test-classpath FILE [--key-classpath FILE] [--only REGEX]}; the class path files hold
 * one class path line each (Maven's dependency:build-classpath).
 */
public final class MutationGate {

    /** One line of a mutant file: the edit, what must reject it, and why it matters. */
    record Mutant(String kind, String id, String file, String original, String replacement, String checker,
                  String what) {
    }

    private final Path root;
    private final Map<String, String> opt;
    /** Set when the KeY batch's unmutated control does not replay (the gate then fails). */
    private volatile boolean controlFailed;

    private MutationGate(Map<String, String> opt) {
        this.opt = opt;
        this.root = Path.of(opt.getOrDefault("root", ".")).toAbsolutePath().normalize();
    }

    public static void main(String[] args) throws Exception {
        final Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        System.exit(new MutationGate(opt).run());
    }

    private int run() throws IOException, InterruptedException {
        final Pattern only = Pattern.compile(opt.getOrDefault("only", "."));
        final List<Mutant> mutants = new ArrayList<>(read("test", root.resolve("proofs/mutants/test-mutants.tsv")));
        if (opt.containsKey("key-classpath")) {
            mutants.addAll(read("key", root.resolve("proofs/mutants/key-mutants.tsv")));
        }
        final Map<String, List<Mutant>> groups = new LinkedHashMap<>();
        mutants.forEach(m -> groups.computeIfAbsent(m.kind() + " " + m.id(), k -> new ArrayList<>()).add(m));
        final List<List<Mutant>> tests = new ArrayList<>();
        final List<List<Mutant>> keys = new ArrayList<>();
        for (List<Mutant> edits : groups.values()) {
            if (only.matcher(edits.get(0).id()).find()) {
                (edits.get(0).kind().equals("test") ? tests : keys).add(edits);
            }
        }
        final int count = tests.size() + keys.size();
        // Two workers on the two cores take jobs from one queue, each mutant in its own copy: first
        // all KeY mutants as one job (one KeY JVM replays them one after the other: a cold KeY
        // start spends most of its time loading, a warm one far less), then the test mutants one
        // job each, which the other worker starts on at once.
        final Queue<Callable<Integer>> queue = new ConcurrentLinkedQueue<>();
        if (!keys.isEmpty()) {
            queue.add(() -> runKeyBatch(keys));
        }
        tests.forEach(edits -> queue.add(() -> runTestMutant(edits)));
        final int workers = Integer.parseInt(opt.getOrDefault("workers", "2"));
        final ExecutorService pool = Executors.newFixedThreadPool(workers);
        final List<Future<Integer>> failuresPerWorker = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            failuresPerWorker.add(pool.submit(() -> {
                int failures = 0;
                for (Callable<Integer> job = queue.poll(); job != null; job = queue.poll()) {
                    failures += job.call();
                }
                return failures;
            }));
        }
        pool.shutdown();
        int failures = 0;
        try {
            for (Future<Integer> f : failuresPerWorker) {
                failures += f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a worker of the gate failed", e.getCause());
        }
        System.out.printf("mutation gate: %d of %d mutants rejected%n", count - failures, count);
        if (count == 0) {
            System.out.println("FAIL no mutant selected");
            return 1;
        }
        return failures == 0 && !controlFailed ? 0 : 1;
    }

    /** One test mutant, one line of output; returns 1 if it was not rejected. */
    private int runTestMutant(List<Mutant> edits) throws IOException, InterruptedException {
        final long t0 = System.nanoTime();
        String outcome;
        try {
            outcome = runTests(edits);
        } catch (IllegalStateException e) {
            outcome = "INVALID: " + e.getMessage();
        }
        return report(edits.get(0), (System.nanoTime() - t0) / 1e9, outcome);
    }

    /** Prints the mutant's line; returns 1 if it was not rejected. */
    private static int report(Mutant m, double seconds, String outcome) {
        printLine(m.kind(), m.id(), seconds, outcome);
        return outcome.startsWith("rejected") ? 0 : 1;
    }

    /** One line of the gate's output (the two workers print whole lines). */
    private static void printLine(String kind, String id, double seconds, String text) {
        synchronized (System.out) {
            System.out.printf("%-5s %-32s %6.1f s  %s%n", kind, id, seconds, text);
        }
    }

    /**
     * Whether a replay's output has a contract row "proved …" (the runner's closing line
     * "N of M contracts proved by KeY" is printed even when the pattern matched nothing).
     */
    private static boolean replayedAContract(String output) {
        return output.lines().anyMatch(l -> l.startsWith("proved "));
    }

    /** Stands for a line break in the original and replacement columns. */
    static final String NEWLINE = "{NL}";

    /**
     * TSV: id, file, original text, replacement, checker, what it breaks; # starts a comment.
     * Consecutive lines with the same id are one mutant with several edits (the checker and
     * description of its first line count).
     */
    static List<Mutant> read(String kind, Path file) throws IOException {
        final List<Mutant> list = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            final String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException(file + ": expected 6 tab-separated columns: " + line);
            }
            list.add(new Mutant(kind, f[0], f[1], f[2].replace(NEWLINE, "\n"), f[3].replace(NEWLINE, "\n"), f[4], f[5]));
        }
        return list;
    }

    /**
     * Applies the edits to the files under base (a copy); each original text must occur exactly
     * once in its file. Returns the edited files.
     */
    private static List<Path> apply(List<Mutant> edits, Path base) throws IOException {
        final List<Path> files = new ArrayList<>();
        for (Mutant m : edits) {
            final Path file = base.resolve(m.file());
            if (!Files.exists(file)) {
                throw new IllegalStateException("no file " + m.file());
            }
            Files.writeString(file, mutated(m, Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            if (!files.contains(file)) {
                files.add(file);
            }
        }
        return files;
    }

    /** The mutated text; the original must occur exactly once. */
    private static String mutated(Mutant m, String text) {
        final int at = text.indexOf(m.original());
        if (at < 0 || text.indexOf(m.original(), at + 1) >= 0) {
            throw new IllegalStateException("the original text must occur exactly once in " + m.file()
                + (at < 0 ? " (not found)" : " (found more than once)"));
        }
        return text.substring(0, at) + m.replacement() + text.substring(at + m.original().length());
    }

    private String runTests(List<Mutant> edits) throws IOException, InterruptedException {
        final Mutant m = edits.get(0);
        final Path tmp = Files.createTempDirectory("ngdref-mutant-");
        try {
            // A full copy of src/ (tests that read the sources, e.g. the JML, see the mutant).
            copyTree(root.resolve("src"), tmp.resolve("src"));
            final List<Path> sources = apply(edits, tmp);
            final String deps = Files.readString(Path.of(opt.get("test-classpath"))).trim();
            final String classes = root.resolve("target/classes").toString();
            final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            final java.io.StringWriter diagnostics = new java.io.StringWriter();
            final boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("-d", tmp.resolve("classes").toString(), "-cp", classes + java.io.File.pathSeparator + deps,
                    "--release", "17", "-proc:none", "-nowarn"),
                null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                    .getJavaFileObjects(sources.stream().map(Path::toFile).toArray(java.io.File[]::new)))
                .call();
            if (!compiled) {
                throw new IllegalStateException("does not compile: " + diagnostics.toString().lines().findFirst().orElse(""));
            }
            final List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(java.io.File.pathSeparator, tmp.resolve("classes").toString(),
                    root.resolve("target/test-classes").toString(), classes, deps),
                "-Djqwik.tries.default=" + opt.getOrDefault("tries", "200"),
                "-Djqwik.database=" + tmp.resolve("jqwik-database"),
                "-Dngdref.edge.cases=2000",
                "-Dngdref.source.root=" + tmp.resolve("src"),
                TestClassRunner.class.getName()));
            command.addAll(List.of(m.checker().split(",")));
            final Outcome run = execute(command, tmp, Integer.parseInt(opt.getOrDefault("test-timeout", "300")));
            return switch (run.exit()) {
                case 1 -> "rejected (" + firstLine(run.output(), "failed:") + ")";
                case -1 -> "rejected (timeout)";
                case 0 -> "SURVIVED: " + m.checker() + " pass on the mutant (" + m.what() + ")";
                default -> throw new IllegalStateException("no test ran (exit " + run.exit() + "): " + m.checker());
            };
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * The KeY mutants: each copied (the verified packages and {@code proofs/}) and mutated, then one
     * KeY JVM ({@code KeyRunner --batch}) replays the saved proofs of each mutant's contracts in
     * its copy; one line of output per mutant. Returns how many were not rejected.
     */
    private int runKeyBatch(List<List<Mutant>> keys) throws IOException, InterruptedException {
        final Path batch = Files.createTempDirectory("ngdref-key-mutants-");
        try {
            final Map<List<Mutant>, Path> copies = new LinkedHashMap<>();
            int failures = 0;
            final StringBuilder lines = new StringBuilder();
            for (List<Mutant> edits : keys) {
                final Path copy = batch.resolve(edits.get(0).id());
                try {
                    copyForKey(copy);
                    apply(edits, copy);
                    copies.put(edits, copy);
                    lines.append(copy).append('\t').append(edits.get(0).checker()).append('\n');
                } catch (IllegalStateException e) {
                    failures += report(edits.get(0), 0.0, "INVALID: " + e.getMessage());
                }
            }
            // A control at the end: the unmutated sources, with the contracts of the first and the
            // last mutant, replayed in the same (by then most used) JVM, must pass, so that a
            // rejection above cannot come from state an earlier replay left in KeY. (All selected
            // contracts would take 3 more minutes, mostly AVF integrate's replay.)
            final Path control = batch.resolve("unmutated-control");
            copyForKey(control);
            final String controlContracts = "(" + keys.get(0).get(0).checker() + ")|(" + keys.get(keys.size() - 1).get(0).checker() + ")";
            lines.append(control).append('\t').append(controlContracts).append('\n');
            final Path list = batch.resolve("batch.tsv");
            Files.writeString(list, lines.toString());
            final String cp = Files.readString(Path.of(opt.get("key-classpath"))).trim();
            // the whole batch (CI run of e4302ce: 23 mutants and the control replayed in 453 s): a hung
            // replay fails the gate in time
            final int timeout = Integer.parseInt(opt.getOrDefault("key-batch-timeout", "1800"));
            final Outcome run = execute(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss16m", "-cp", root.resolve("target/test-classes") + java.io.File.pathSeparator + cp,
                "ngdref.proofs.KeyRunner", "--batch", list.toString(), "--timeout", "60", "--smt-timeout", "10"),
                batch, timeout);
            for (Map.Entry<List<Mutant>, Path> e : copies.entrySet()) {
                final Mutant m = e.getKey().get(0);
                final Path exitFile = e.getValue().resolve("exit.txt");
                if (!Files.exists(exitFile)) {
                    failures += report(m, 0.0, "INVALID: the KeY batch did not reach this mutant (exit "
                        + run.exit() + "): " + firstLine(run.output(), "Exception"));
                    continue;
                }
                final String[] status = Files.readString(exitFile).trim().split(" ");
                String outcome;
                try {
                    outcome = keyOutcome(m, Integer.parseInt(status[0]), Files.readString(e.getValue().resolve("output.txt")));
                } catch (IllegalStateException ex) {
                    outcome = "INVALID: " + ex.getMessage();
                }
                failures += report(m, Double.parseDouble(status[1]), outcome);
            }
            final Path controlExit = control.resolve("exit.txt");
            final String controlStatus = Files.exists(controlExit) ? Files.readString(controlExit).trim() : "not reached";
            final String controlOutput = Files.exists(control.resolve("output.txt"))
                ? Files.readString(control.resolve("output.txt")) : "";
            if (!controlStatus.startsWith("0 ") || !replayedAContract(controlOutput)) {
                System.out.println("FAIL the unmutated control did not replay in the KeY batch (" + controlStatus + "): "
                    + firstLine(controlOutput, "FAIL "));
                controlFailed = true;
            } else {
                printLine("key", "(control: unmutated)", Double.parseDouble(controlStatus.split(" ")[1]),
                    "the first and last mutants' proofs replay unmutated in the batch JVM");
            }
            return failures;
        } finally {
            deleteTree(batch);
        }
    }

    /** The part of the tree a KeY replay reads: the verified packages and proofs/. */
    private void copyForKey(Path copy) throws IOException {
        for (String dir : List.of("src/ngdref/metric", "src/ngdref/discrete", "proofs/stubs", "proofs/saved")) {
            copyTree(root.resolve(dir), copy.resolve(dir));
        }
        for (String file : List.of("proofs/report.tsv", "proofs/open-contracts.tsv", "proofs/cvc5-key.sh")) {
            Files.copy(root.resolve(file), copy.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** What one KeY replay of a mutant's copy says: rejected, or survived; invalid (thrown) otherwise. */
    private static String keyOutcome(Mutant m, int exit, String output) {
        if (output.contains("FAIL KeY cannot load")) {
            throw new IllegalStateException(firstLine(output, "FAIL KeY cannot load"));
        }
        if (exit == 2) {
            throw new IllegalStateException("the KeY run threw: " + firstLine(output, "Exception"));
        }
        final Pattern target = Pattern.compile(m.checker());
        final boolean targetFailed = output.lines()
            .filter(l -> l.startsWith("FAIL "))
            .anyMatch(l -> target.matcher(l).find());
        if (exit != 0 && targetFailed) {
            return "rejected (" + firstLine(output, "FAIL ") + ")";
        }
        if (exit == 0) {
            if (!replayedAContract(output)) {
                throw new IllegalStateException("no contract matches " + m.checker());
            }
            return "SURVIVED: the saved proofs of " + m.checker() + " replay on the mutant (" + m.what() + ")";
        }
        throw new IllegalStateException("KeY failed, but not on " + m.checker() + ": " + firstLine(output, "FAIL "));
    }

    private record Outcome(int exit, String output) {
    }

    /** Runs a command (stderr merged); exit -1 on timeout. */
    private static Outcome execute(List<String> command, Path dir, int timeoutSeconds) throws IOException, InterruptedException {
        final Path log = dir.resolve("output.txt");
        final Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            return new Outcome(-1, Files.readString(log));
        }
        return new Outcome(p.exitValue(), Files.readString(log));
    }

    private static String firstLine(String output, String containing) {
        return output.lines().filter(l -> l.contains(containing)).findFirst().map(String::trim)
            .map(l -> l.length() > 200 ? l.substring(0, 200) + "…" : l).orElse("-");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                final Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.createDirectories(t.getParent());
                    Files.copy(f, t);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
