package ngdref.proofs;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import de.uka.ilkd.key.control.KeYEnvironment;
import de.uka.ilkd.key.java.JavaInfo;
import de.uka.ilkd.key.java.Recoder2KeY;
import de.uka.ilkd.key.java.abstraction.KeYJavaType;
import de.uka.ilkd.key.logic.PosInOccurrence;
import de.uka.ilkd.key.logic.PosInTerm;
import de.uka.ilkd.key.logic.op.IObserverFunction;
import de.uka.ilkd.key.logic.op.IProgramMethod;
import de.uka.ilkd.key.proof.Goal;
import de.uka.ilkd.key.proof.Proof;
import de.uka.ilkd.key.proof.init.KeYUserProblemFile;
import de.uka.ilkd.key.proof.io.IntermediatePresentationProofFileParser;
import de.uka.ilkd.key.proof.io.IntermediateProofReplayer;
import de.uka.ilkd.key.proof.io.ProblemLoaderException;
import de.uka.ilkd.key.proof.io.ProofSaver;
import de.uka.ilkd.key.pp.LogicPrinter;
import de.uka.ilkd.key.rule.OneStepSimplifier;
import de.uka.ilkd.key.settings.ChoiceSettings;
import de.uka.ilkd.key.settings.DefaultSMTSettings;
import de.uka.ilkd.key.settings.ProofIndependentSettings;
import de.uka.ilkd.key.settings.ProofSettings;
import de.uka.ilkd.key.settings.StrategySettings;
import de.uka.ilkd.key.smt.SMTProblem;
import de.uka.ilkd.key.smt.SMTRuleApp;
import de.uka.ilkd.key.smt.SMTSolverResult;
import de.uka.ilkd.key.smt.SolverLauncher;
import de.uka.ilkd.key.smt.solvertypes.SolverType;
import de.uka.ilkd.key.smt.solvertypes.SolverTypes;
import de.uka.ilkd.key.speclang.Contract;
import de.uka.ilkd.key.strategy.StrategyProperties;
import de.uka.ilkd.key.util.KeYTypeUtil;

import org.key_project.util.collection.ImmutableList;

/**
 * Runs KeY 2.12 headless on the KeY-verifiable packages of ngdref and records the outcome of every
 * JML contract.
 *
 * <p>Workspace (under {@code target/key}, rebuilt on every run, at a fixed place so that the saved
 * proofs' relative source paths stay valid): {@code src/} holds a copy of the verified packages,
 * {@code boot/} KeY's JavaRedux boot classes extended with the members of {@code proofs/stubs/boot}
 * (a stub class there is merged into the JavaRedux class of the same name, replaces it if it says
 * {@code @replaces-javaredux}, or is added if there is none), and {@code proofs/stubs/classpath}
 * is passed as KeY's class path (contracts of library classes such as Commons Numbers' DD).
 *
 * <p>Modes: {@code prove} attempts every contract and rewrites {@code proofs/REPORT.md},
 * {@code proofs/report.tsv} and {@code proofs/saved/}; {@code check} attempts every contract and
 * fails if the committed report's proved contracts no longer prove, if an open contract is not
 * listed in {@code proofs/open-contracts.tsv}, or if a public method or constructor has no
 * contract; {@code replay} does the same checks, but reloads the saved proofs instead of proving
 * the contracts recorded as proved, skips the open ones listed with a reason, and proves only
 * contracts that are new to the report).
 */
public final class KeyRunner {

    private static final String[] HEADER =
        {"class", "method", "contract", "result", "nodes", "seconds", "name", "rests_on"};

    private final Path root;
    private final Map<String, String> opt;
    private final List<String> packages;
    private final Path work;
    private final Path saved;
    private final Pattern only;

    private KeyRunner(Map<String, String> opt) {
        this.opt = opt;
        this.root = Path.of(opt.getOrDefault("root", ".")).toAbsolutePath().normalize();
        this.packages = List.of(opt.getOrDefault("packages", "ngdref/metric,ngdref/discrete").split(","));
        this.work = root.resolve("target/key");
        this.saved = root.resolve("proofs/saved");
        this.only = Pattern.compile(opt.getOrDefault("only", "."));
    }

    /**
     * One line of the report; {@code restsOn} lists the contracts the proof applied (callee
     * operation contracts and dependency contracts, separated by a space, with '~' for the spaces
     * inside a contract name; KeY joins the cases of
     * one method's contract with '#'), so that a proof resting on an open contract is reported as
     * conditional.
     */
    private record Row(String type, String method, String contract, String result, int nodes,
                       double seconds, String name, String restsOn) {
        String tsv() {
            return String.join("\t", type, method, contract, result, Integer.toString(nodes),
                String.format("%.1f", seconds), name, restsOn);
        }

        static Row parse(String line) {
            final String[] f = line.split("\t");
            return new Row(f[0], f[1], f[2], f[3], Integer.parseInt(f[4]), Double.parseDouble(f[5]), f[6],
                f.length > 7 ? f[7] : "");
        }

        Row withResult(String newResult, double newSeconds) {
            return new Row(type, method, contract, newResult, nodes, newSeconds, name, restsOn);
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Locale.setDefault(Locale.ROOT);
        final Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (opt.containsKey("batch")) {
            System.exit(batch(opt));
        }
        final int failures = new KeyRunner(opt).run(opt.getOrDefault("mode", "prove"));
        System.exit(failures == 0 ? 0 : 1);
    }

    /**
     * {@code --batch FILE}: one replay per line ("root TAB only") in this JVM, so that KeY's rule
     * base and the JIT are warm after the first (the mutation gate's KeY mutants: a cold start
     * spends most of its time loading). Each root gets its replay's output in
     * {@code ROOT/output.txt} and "EXIT SECONDS" in {@code ROOT/exit.txt} (exit 0 or 1 as in a
     * single run, 2 if the run threw); the other options apply to every line.
     */
    private static int batch(Map<String, String> opt) throws IOException {
        final java.io.PrintStream console = System.out;
        for (String line : Files.readAllLines(Path.of(opt.get("batch")), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            final String[] f = line.split("\t", 2);
            final Map<String, String> one = new HashMap<>(opt);
            one.remove("batch");
            one.put("root", f[0]);
            one.put("only", f[1]);
            one.put("mode", "replay");
            final Path root = Path.of(f[0]);
            final long start = System.nanoTime();
            int exit;
            try (java.io.PrintStream out = new java.io.PrintStream(
                    Files.newOutputStream(root.resolve("output.txt")), true, StandardCharsets.UTF_8)) {
                System.setOut(out);
                try {
                    exit = new KeyRunner(one).run("replay") == 0 ? 0 : 1;
                } catch (Exception | StackOverflowError e) {
                    e.printStackTrace(out);
                    exit = 2;
                } finally {
                    System.setOut(console);
                }
            }
            Files.writeString(root.resolve("exit.txt"),
                exit + " " + String.format("%.1f", (System.nanoTime() - start) / 1e9) + "\n");
        }
        return 0;
    }

    private int run(String mode) throws Exception {
        final long start = System.nanoTime();
        if (mode.equals("report")) {
            // Rewrites REPORT.md from the committed report.tsv (no KeY run), e.g. after a change of
            // how conditional proofs are determined.
            writeReport(new ArrayList<>(readRows(root.resolve("proofs/report.tsv")).values()), 0.0,
                " (REPORT.md rewritten from report.tsv by -Dkey.mode=report)", root.resolve("proofs"));
            return 0;
        }
        prepareWorkspace();
        configureKeY();
        final KeYEnvironment<?> env;
        try {
            env = load();
        } catch (ProblemLoaderException e) {
            // A single construct KeY cannot parse or type (Java or JML) stops the whole load.
            System.out.println("FAIL KeY cannot load the sources: " + e.getMessage());
            return 1;
        }
        System.out.printf("loaded in %.1f s%n", (System.nanoTime() - start) / 1e9);

        final Map<String, Row> committed = readRows(root.resolve("proofs/report.tsv"));
        final Map<String, String> allowedOpen = readOpen(root.resolve("proofs/open-contracts.tsv"));
        final List<String> problems = new ArrayList<>(missingContracts(env));
        // One contract at a time: KeY 2.12 is not thread-safe (two environments proving in two
        // threads of one JVM corrupt each other's rule indices).
        final List<Row> rows = new ArrayList<>();
        for (Contract c : contracts(env)) {
            final Row old = committed.get(c.getName());
            final boolean replay = mode.equals("replay") && old != null && old.result().equals("proved");
            // replay does not re-attempt a contract that is listed as open with its reason (the
            // check mode does): the committed report says how far KeY got with it.
            final boolean skip = mode.equals("replay") && old != null && !old.result().equals("proved")
                && allowedOpen.containsKey(c.getName());
            final Row row = skip ? old.withResult(old.result(), 0.0)
                : replay ? replay(env, c) : prove(env, c, mode.equals("prove"));
            rows.add(row);
            System.out.printf("%-8s %6d %7.1f s  %s%n", row.result(), row.nodes(), row.seconds(), c.getName());
        }
        env.dispose();
        for (Row r : rows) {
            final Row old = committed.get(r.name());
            if (old != null && old.result().equals("proved") && !r.result().equals("proved")) {
                problems.add("no longer proved: " + r.name());
            }
        }
        if (opt.getOrDefault("only", ".").equals(".")) {
            final List<String> current = rows.stream().map(Row::name).toList();
            committed.values().stream().filter(r -> r.result().equals("proved") && !current.contains(r.name()))
                .forEach(r -> problems.add("proved contract no longer exists (re-run -Dkey.mode=prove): " + r.name()));
        }

        final double total = (System.nanoTime() - start) / 1e9;
        if (mode.equals("prove")) {
            // A partial run (--only) updates its rows of the committed report and keeps the others.
            final Map<String, Row> merged = new TreeMap<>(opt.getOrDefault("only", ".").equals(".") ? Map.of() : committed);
            rows.forEach(r -> merged.put(r.name(), r));
            final String only = opt.getOrDefault("only", ".");
            writeReport(new ArrayList<>(merged.values()), total,
                only.equals(".") ? "" : " (only the contracts matching '" + only + "')", root.resolve("proofs"));
            for (Path f : listFiles(saved, ".proof")) {
                if (merged.values().stream().noneMatch(r -> r.result().equals("proved") && fileName(r.name()).equals(f.getFileName().toString()))) {
                    Files.delete(f);
                }
            }
        } else {
            writeReport(rows, total, "", work);
            for (Row r : rows) {
                if (r.result().equals("vacuous")) {
                    problems.add("vacuous (closed without executing the method; make the parameter nullable or drop the case): " + r.name());
                } else if (!r.result().equals("proved") && !allowedOpen.containsKey(r.name())) {
                    problems.add(r.result() + " and not listed in proofs/open-contracts.tsv: " + r.name());
                }
            }
            if (mode.equals("replay") && opt.containsKey("refresh") && problems.isEmpty() && opt.getOrDefault("only", ".").equals(".")) {
                // --refresh true: the committed report takes the replayed node counts and what each
                // proof rests on, keeping the proving times of the run that made the proofs.
                final List<Row> refreshed = new ArrayList<>();
                for (Row r : rows) {
                    final Row old = committed.get(r.name());
                    refreshed.add(old == null ? r : new Row(r.type(), r.method(), r.contract(), r.result(),
                        r.result().equals("proved") ? r.nodes() : old.nodes(), old.seconds(), r.name(),
                        r.result().equals("proved") ? r.restsOn() : old.restsOn()));
                }
                writeReport(refreshed, total, " (node counts refreshed by a replay)", root.resolve("proofs"));
            }
        }
        final long proved = rows.stream().filter(r -> r.result().equals("proved")).count();
        System.out.printf("%d of %d contracts proved by KeY in %.0f s%n", proved, rows.size(), total);
        problems.forEach(p -> System.out.println("FAIL " + p));
        return mode.equals("prove") ? 0 : problems.size();
    }

    private KeYEnvironment<?> load() throws ProblemLoaderException {
        return KeYEnvironment.load(work.resolve("src").toFile(),
            List.of(root.resolve("proofs/stubs/classpath").toFile()), work.resolve("boot").toFile(), null);
    }

    // ---------------------------------------------------------------- workspace and settings

    private void prepareWorkspace() throws IOException {
        deleteTree(work);
        for (String p : packages) {
            final Path from = root.resolve("src").resolve(p);
            for (Path f : listFiles(from, ".java")) {
                final Path t = work.resolve("src").resolve(p).resolve(from.relativize(f).toString());
                Files.createDirectories(t.getParent());
                Files.writeString(t, decimalLiterals(Files.readString(f)));
            }
        }
        final Path boot = work.resolve("boot");
        final URL list = Recoder2KeY.class.getResource("JavaRedux/JAVALANG.TXT");
        try (InputStream in = list.openStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                final String cls = line.trim();
                if (cls.isEmpty() || cls.startsWith("#")) {
                    continue;
                }
                // Each class, and its taclet file C.key where JavaRedux has one (String.key).
                for (String ext : new String[] {".java", ".key"}) {
                    final String file = cls.replace('.', '/') + ext;
                    try (InputStream src = Recoder2KeY.class.getResourceAsStream("JavaRedux/" + file)) {
                        if (src != null) {
                            Files.createDirectories(boot.resolve(file).getParent());
                            Files.copy(src, boot.resolve(file));
                        }
                    }
                }
            }
        }
        final Path stubs = root.resolve("proofs/stubs/boot");
        for (Path stub : listFiles(stubs, ".java")) {
            final Path target = boot.resolve(stubs.relativize(stub).toString());
            final String extra = Files.readString(stub);
            if (Files.exists(target) && !extra.contains("@replaces-javaredux")) {
                // Merge the stub's class body into the JavaRedux class of the same name.
                final String base = Files.readString(target);
                final String body = extra.substring(extra.indexOf('{', extra.indexOf(" class ")) + 1,
                    extra.lastIndexOf('}'));
                Files.writeString(target, base.substring(0, base.lastIndexOf('}')) + body + "}\n");
            } else {
                Files.createDirectories(target.getParent());
                Files.writeString(target, extra);
            }
        }
    }

    private static final Pattern HEX_FLOAT =
        Pattern.compile("\\b0[xX][0-9a-fA-F]*(\\.[0-9a-fA-F]*)?[pP][+-]?[0-9]+([dDfF]?)\\b");

    /**
     * KeY's Java parser rejects hexadecimal floating-point literals (0x1.0p-53); they are replaced
     * by the decimal literal of the same value (Double.toString round-trips exactly), keeping line
     * and column of everything else.
     */
    static String decimalLiterals(String source) {
        return HEX_FLOAT.matcher(source).replaceAll(m -> m.group(2).equalsIgnoreCase("f")
            ? Float.parseFloat(m.group()) + "f"
            : Double.toString(Double.parseDouble(m.group())));
    }

    /** Taclet options and SMT settings; must run before the first proof is created. */
    private void configureKeY() {
        final ChoiceSettings choices = ProofSettings.DEFAULT_SETTINGS.getChoiceSettings();
        final Map<String, String> defaults = new HashMap<>(choices.getDefaultChoices());
        // Without this, double arithmetic outside strictfp code stays uninterpreted (javaAddDouble).
        defaults.put("floatRules", "floatRules:assumeStrictfp");
        defaults.put("runtimeExceptions", "runtimeExceptions:ban");
        choices.setDefaultChoices(defaults);
        final var smt = ProofIndependentSettings.DEFAULT_INSTANCE.getSMTSettings();
        smt.setTimeout(1000L * Integer.parseInt(opt.getOrDefault("smt-timeout", "10")));
        smt.setEnableOnLoad(true);
        smt.setMaxConcurrentProcesses(1);
        // cvc5 through a wrapper that repairs one symbol of KeY's translation (see the script).
        SolverTypes.getSolverTypes().stream().filter(s -> s.getName().equals("CVC5"))
            .forEach(s -> {
                smt.setCommand(s, root.resolve("proofs/cvc5-key.sh").toString());
                // cvc5's own wall-clock limit: KeY's timeout kills only the wrapper's shell.
                smt.setParameters(s, s.getDefaultSolverParameters() + " --tlimit="
                    + 1000L * Integer.parseInt(opt.getOrDefault("smt-timeout", "10")));
            });
    }

    // ---------------------------------------------------------------- contracts

    private List<KeYJavaType> ourTypes(KeYEnvironment<?> env) {
        final List<KeYJavaType> types = new ArrayList<>();
        for (KeYJavaType t : env.getJavaInfo().getAllKeYJavaTypes()) {
            // (nested types included: their full name starts with the package name too)
            if (!KeYTypeUtil.isLibraryClass(t) && t.getJavaType() != null && packages.stream()
                .anyMatch(p -> t.getJavaType().getFullName().startsWith(p.replace('/', '.') + "."))) {
                types.add(t);
            }
        }
        types.sort((a, b) -> a.getFullName().compareTo(b.getFullName()));
        return types;
    }

    private List<Contract> contracts(KeYEnvironment<?> env) {
        final List<Contract> result = new ArrayList<>();
        for (KeYJavaType t : ourTypes(env)) {
            for (IObserverFunction f : env.getSpecificationRepository().getContractTargets(t)) {
                for (Contract c : env.getSpecificationRepository().getContracts(t, f)) {
                    if (only.matcher(c.getName()).find() && !isAbstract(c) && !isModel(c)) {
                        result.add(c);
                    }
                }
            }
        }
        result.sort((a, b) -> a.getName().compareTo(b.getName()));
        return result;
    }

    /** A model method (specification only, e.g. Inputs.effective) has no code to verify. */
    private static boolean isModel(Contract c) {
        return c.getTarget() instanceof IProgramMethod pm && pm.isModel();
    }

    /** Contracts of interface and abstract methods are checked where they are implemented. */
    private static boolean isAbstract(Contract c) {
        return c.getTarget() instanceof IProgramMethod pm && pm.isAbstract();
    }

    /** Public methods and constructors declared in our packages without any contract. */
    private List<String> missingContracts(KeYEnvironment<?> env) {
        final List<String> missing = new ArrayList<>();
        final JavaInfo info = env.getJavaInfo();
        for (KeYJavaType t : ourTypes(env)) {
            final List<IProgramMethod> methods = new ArrayList<>();
            info.getAllProgramMethodsLocallyDeclared(t).forEach(methods::add);
            info.getConstructors(t).forEach(methods::add);
            for (IProgramMethod m : methods) {
                if (m.isPublic() && !m.isImplicit() && env.getSpecificationRepository().getContracts(t, m).isEmpty()) {
                    missing.add("no contract: " + t.getFullName() + "::" + m.getName()
                        + m.getParameters().toString().replace('[', '(').replace(']', ')'));
                }
            }
        }
        return missing;
    }

    // ---------------------------------------------------------------- proving

    private Row prove(KeYEnvironment<?> env, Contract c, boolean save) {
        final long t0 = System.nanoTime();
        Proof proof = null;
        String result;
        try {
            proof = env.createProof(c.createProofObl(env.getInitConfig(), c));
            configureStrategy(proof);
            env.getProofControl().startAndWaitForAutoMode(proof);
            if (!proof.closed() && !opt.getOrDefault("smt", "CVC5").isEmpty()
                && proof.openGoals().size() <= Integer.parseInt(opt.getOrDefault("smt-max-goals", "40"))) {
                runSmt(proof, t0 + 1_000_000_000L * Integer.parseInt(opt.getOrDefault("timeout", "60")));
            }
            result = proof.closed() ? (executesBody(proof) ? "proved" : "vacuous") : "open";
            if (!proof.closed() && opt.containsKey("dump-open")) {
                // Diagnosis: the first N open goals (--dump-open N), as KeY prints them.
                int left = Integer.parseInt(opt.get("dump-open"));
                for (Goal goal : proof.openGoals()) {
                    if (left-- <= 0) {
                        break;
                    }
                    System.out.println("  open goal " + goal.node().serialNr() + ":\n"
                        + LogicPrinter.quickPrintSequent(goal.sequent(), proof.getServices()));
                }
            }
            if (result.equals("proved") && save) {
                Files.createDirectories(saved);
                final String error = new ProofSaver(proof, saved.resolve(fileName(c.getName())).toFile()).save();
                if (error != null) {
                    throw new IOException(error);
                }
            }
        } catch (Exception | StackOverflowError e) {
            result = "error";
            System.out.println("  " + c.getName() + ": " + describe(e));
        }
        final int nodes = proof == null ? 0 : proof.countNodes();
        final String restsOn = proof == null || !result.equals("proved") ? "" : restsOn(proof);
        if (proof != null) {
            proof.dispose();
        }
        return row(c, result, nodes, (System.nanoTime() - t0) / 1e9, restsOn);
    }

    private void configureStrategy(Proof proof) {
        final StrategyProperties sp = new StrategyProperties();
        sp.setProperty(StrategyProperties.METHOD_OPTIONS_KEY, StrategyProperties.METHOD_CONTRACT);
        sp.setProperty(StrategyProperties.LOOP_OPTIONS_KEY, StrategyProperties.LOOP_INVARIANT);
        sp.setProperty(StrategyProperties.NON_LIN_ARITH_OPTIONS_KEY, StrategyProperties.NON_LIN_ARITH_DEF_OPS);
        sp.setProperty(StrategyProperties.QUERY_OPTIONS_KEY, StrategyProperties.QUERY_RESTRICTED);
        sp.setProperty(StrategyProperties.OSS_OPTIONS_KEY, StrategyProperties.OSS_ON);
        final StrategySettings settings = proof.getSettings().getStrategySettings();
        settings.setActiveStrategyProperties(sp);
        settings.setMaxSteps(Integer.parseInt(opt.getOrDefault("max-steps", "100000")));
        settings.setTimeout(1000L * Integer.parseInt(opt.getOrDefault("timeout", "60")));
        proof.setActiveStrategy(proof.getServices().getProfile().getDefaultStrategyFactory().create(proof, sp));
    }

    /**
     * Hands the open goals to the SMT solvers (in the given order, the first "valid" closes the
     * goal); stops at the first goal no solver closes, or at the deadline.
     */
    private void runSmt(Proof proof, long deadline) {
        final List<SolverType> solvers = new ArrayList<>();
        for (String name : opt.getOrDefault("smt", "CVC5").split(",")) {
            SolverTypes.getSolverTypes().stream().filter(s -> s.getName().equals(name)).forEach(solvers::add);
        }
        for (Goal goal : proof.openGoals()) {
            boolean closed = false;
            for (SolverType solver : solvers) {
                if (closed || System.nanoTime() > deadline) {
                    break;
                }
                final SMTProblem problem = new SMTProblem(goal);
                try {
                    new SolverLauncher(new DefaultSMTSettings(proof.getSettings().getSMTSettings(),
                        ProofIndependentSettings.DEFAULT_INSTANCE.getSMTSettings(),
                        proof.getSettings().getNewSMTSettings(), proof))
                        .launch(List.of(solver), List.of(problem), proof.getServices());
                } catch (RuntimeException e) {
                    // e.g. a SolverException for a goal the translation cannot express
                    System.out.println("    goal " + goal.node().serialNr() + ": " + describe(e));
                    if (opt.containsKey("smt-log")) {
                        System.out.println(LogicPrinter.quickPrintSequent(goal.sequent(), proof.getServices()));
                        for (var s : problem.getSolvers()) {
                            System.out.println("      solver " + s.name() + ": " + (s.getException() == null ? "-" : describe(s.getException())));
                            final String in = s.getRawSolverInput();
                            System.out.println("      input: " + (in == null ? "-" : in.substring(0, Math.min(in.length(), 600))));
                            if (in != null) { try { Files.writeString(Path.of("/tmp/smt-input.smt2"), in); } catch (IOException io) { } }
                            final String raw = s.getRawSolverOutput();
                            System.out.println("      output: " + (raw == null ? "-" : raw.substring(0, Math.min(raw.length(), 2000))));
                            if (s.getException() != null) {
                                for (StackTraceElement f : s.getException().getStackTrace()) {
                                    System.out.println("        at " + f);
                                }
                            }
                        }
                        for (Throwable t = e; t != null; t = t.getCause()) {
                            for (StackTraceElement f : t.getStackTrace()) {
                                System.out.println("      at " + f);
                            }
                        }
                    }
                    return;
                }
                closed = problem.getFinalResult().isValid() == SMTSolverResult.ThreeValuedTruth.VALID;
                if (opt.containsKey("smt-log")) {
                    System.out.println("    goal " + goal.node().serialNr() + " " + solver.getName() + ": "
                        + problem.getFinalResult() + "\n" + LogicPrinter.quickPrintSequent(goal.sequent(), proof.getServices()));
                }
                if (closed) {
                    // Not tryToInstantiate: in 2.12.3 it drops the solver name, and a saved proof
                    // would then be replayed with Z3 instead of the solver that closed the goal.
                    final List<PosInOccurrence> all = new ArrayList<>();
                    goal.sequent().antecedent().forEach(f -> all.add(new PosInOccurrence(f, PosInTerm.getTopLevel(), true)));
                    goal.sequent().succedent().forEach(f -> all.add(new PosInOccurrence(f, PosInTerm.getTopLevel(), false)));
                    goal.apply(SMTRuleApp.RULE.createApp(solver.getName(), ImmutableList.fromList(all)));
                }
            }
            if (!closed) {
                return;
            }
        }
    }

    /**
     * Re-checks a saved proof inside the already loaded environment: a fresh proof of the same
     * contract, onto which the saved rule applications are replayed (SMT steps re-run the solver).
     * This skips the reparsing of all sources that loading each proof file would cost.
     */
    private Row replay(KeYEnvironment<?> env, Contract c) {
        final long t0 = System.nanoTime();
        final File file = saved.resolve(fileName(c.getName())).toFile();
        String result;
        Proof proof = null;
        try {
            proof = env.createProof(c.createProofObl(env.getInitConfig(), c));
            configureStrategy(proof);
            OneStepSimplifier.refreshOSS(proof);
            final IntermediatePresentationProofFileParser parser = new IntermediatePresentationProofFileParser(proof);
            new KeYUserProblemFile(file.getName(), file, null, proof.getServices().getProfile()).readProof(parser);
            final IntermediateProofReplayer.Result replay =
                new IntermediateProofReplayer(null, proof, parser.getResult()).replay(null, null);
            result = proof.closed() ? (executesBody(proof) ? "proved" : "vacuous") : "open";
            if (!replay.getErrors().isEmpty()) {
                System.out.println("  " + c.getName() + ": " + replay.getErrors().get(0));
            }
        } catch (Exception e) {
            result = "error";
            System.out.println("  " + c.getName() + ": " + describe(e));
        }
        final int nodes = proof == null ? 0 : proof.countNodes();
        final String restsOn = proof == null || !result.equals("proved") ? "" : restsOn(proof);
        if (proof != null) {
            proof.dispose();
        }
        return row(c, result, nodes, (System.nanoTime() - t0) / 1e9, restsOn);
    }

    /**
     * Whether a closed proof executed the method: some node applies {@code methodBodyExpand},
     * the rule that replaces the call by the body. A proof that closes without it closed on its
     * precondition alone (e.g. {@code requires x == null} on a parameter KeY treats as non-null
     * because it is not declared nullable) and proves nothing about the code: "vacuous", which
     * check and replay report as a failure and prove does not save.
     */
    private static boolean executesBody(Proof proof) {
        final var nodes = proof.root().subtreeIterator();
        while (nodes.hasNext()) {
            final var app = nodes.next().getAppliedRuleApp();
            if (app != null && app.rule().name().toString().equals("methodBodyExpand")) {
                return true;
            }
        }
        return false;
    }

    /** The contracts a closed proof applied (see {@link Row}), sorted, space-separated. */
    private static String restsOn(Proof proof) {
        final java.util.TreeSet<String> used = new java.util.TreeSet<>();
        final var nodes = proof.root().subtreeIterator();
        while (nodes.hasNext()) {
            if (nodes.next().getAppliedRuleApp() instanceof de.uka.ilkd.key.rule.AbstractContractRuleApp app
                && app.getInstantiation() != null) {
                for (String part : app.getInstantiation().getName().split("#")) {
                    used.add(part.replace(' ', '~'));
                }
            }
        }
        return String.join(" ", used);
    }

    /** Some KeY exceptions (SolverException) throw from toString. */
    private static String describe(Throwable e) {
        final StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 2000; t = t.getCause()) {
            String message;
            try {
                message = t.getMessage();
            } catch (RuntimeException inner) {
                message = "?";
            }
            b.append(t.getClass().getSimpleName()).append(": ").append(message).append("; ");
        }
        return b.toString();
    }

    private static Row row(Contract c, String result, int nodes, double seconds, String restsOn) {
        final String type = c.getKJT().getFullName();
        // KeY names a contract "Type[DeclaringType::method(params)].JML ... contract.N"
        final String name = c.getName();
        final String method = name.contains("::") && name.contains("].")
            ? name.substring(name.indexOf("::") + 2, name.indexOf("].")) : c.getTarget().name().toString();
        final String contract = c.getName().replaceFirst("^.*\\]\\.", "");
        return new Row(type, method, contract, result, nodes, seconds, c.getName(), restsOn);
    }

    private static String fileName(String contractName) {
        return contractName.replaceAll("[^A-Za-z0-9.,()_-]+", "_") + ".proof";
    }

    // ---------------------------------------------------------------- files

    private void writeReport(List<Row> rows, double total, String scope, Path dir) throws IOException {
        Files.createDirectories(dir);
        final StringBuilder tsv = new StringBuilder(String.join("\t", HEADER)).append('\n');
        rows.forEach(r -> tsv.append(r.tsv()).append('\n'));
        Files.writeString(dir.resolve("report.tsv"), tsv);
        final long proved = rows.stream().filter(r -> r.result().equals("proved")).count();
        final long vacuous = rows.stream().filter(r -> r.result().equals("vacuous")).count();
        final Map<String, String> conditional = conditional(rows);
        final long onStubs = rows.stream().filter(r -> r.result().equals("proved")
            && Stream.of(r.restsOn().split(" ")).anyMatch(KeyRunner::isStub)).count();
        final StringBuilder md = new StringBuilder("# KeY verification report\n\n")
            .append(String.format("%d of %d contracts proved by KeY 2.12.3; %d vacuous; %d conditional. ",
                proved, rows.size(), vacuous, conditional.size()))
            .append(String.format("Sum of the per-contract times %.0f s; ", rows.stream().mapToDouble(Row::seconds).sum()))
            .append(total > 0 ? String.format("wall time of the run that wrote this file %.0f s%s ", total, scope)
                : "wall time not recorded" + scope + " ")
            .append("(generated by `mvn -Pkey verify`, do not edit).\n\n")
            .append("- **vacuous**: a closed proof that never applies `methodBodyExpand`, i.e. closed on its precondition\n"
                + "  alone without executing the method (the runner checks every proof; check and replay fail on one).\n")
            .append("- **conditional**: a proved contract whose proof applies the contract of a method of ngdref.metric or\n"
                + "  ngdref.discrete that is not itself proved or is itself conditional (transitively), or (for a class\n"
                + "  with an invariant) a proof in a class one of whose constructor contracts, which establish the\n"
                + "  invariant, is not proved. Listed below.\n")
            .append(String.format("- %d proved contracts apply trusted stub contracts (JDK, Commons Numbers, ngdref.exact,\n"
                + "  ngdref.numerics: `proofs/stubs`), which are assumptions, not proofs.%n%n", onStubs));
        if (!conditional.isEmpty()) {
            md.append("## Conditional proofs\n\n| contract | conditional on |\n|---|---|\n");
            conditional.forEach((name, on) -> md.append("| ").append(name.replace("|", "\\|")).append(" | ")
                .append(on.replace("|", "\\|")).append(" |\n"));
            md.append('\n');
        }
        md.append("## All contracts\n\n| class | method | contract | result | nodes | seconds |\n|---|---|---|---|---:|---:|\n");
        for (Row r : rows) {
            md.append(String.format("| %s | %s | %s | %s | %d | %.1f |%n", r.type(), r.method().replace("|", "\\|"),
                r.contract(), r.result(), r.nodes(), r.seconds()));
        }
        Files.writeString(dir.resolve("REPORT.md"), md);
    }

    /** A contract of a library class or of a project class outside the verified packages (a stub). */
    private static boolean isStub(String contractName) {
        return !contractName.isEmpty() && !contractName.startsWith("ngdref.metric.") && !contractName.startsWith("ngdref.discrete.");
    }

    /**
     * The proved contracts that rest on something unproved (see {@link #writeReport}): contract
     * name to what it rests on.
     */
    private Map<String, String> conditional(List<Row> rows) throws IOException {
        final Map<String, String> resultOf = new HashMap<>();
        rows.forEach(r -> resultOf.put(r.name().replace(' ', '~'), r.result()));
        final Map<String, String> conditional = new TreeMap<>();
        for (Row r : rows) {
            if (!r.result().equals("proved")) {
                continue;
            }
            final List<String> on = new ArrayList<>();
            for (String used : r.restsOn().split(" ")) {
                if (!used.isEmpty() && !isStub(used) && !"proved".equals(resultOf.get(used))) {
                    on.add("open contract " + used.replace('~', ' '));
                }
            }
            final String simple = r.type().substring(r.type().lastIndexOf('.') + 1);
            // Instance methods assume the invariant of this; constructors and static methods do not.
            if (hasInvariant(r.type()) && !r.method().startsWith(simple + "(") && !isStatic(r.type(), r.method())) {
                // The invariant is established by the constructors' contracts, whose preconditions
                // the factories (static methods returning the class) discharge: all must be proved.
                final List<String> factories = factories(r.type(), simple);
                rows.stream().filter(k -> k.type().equals(r.type()) && !k.result().equals("proved")
                        && !k.contract().contains("exceptional_behavior")
                        && (k.method().startsWith(simple + "(")
                            || factories.stream().anyMatch(f -> k.method().startsWith(f + "("))))
                    .forEach(k -> on.add("the invariant of " + simple + ", established through " + k.method()
                        + " whose contract is " + k.result()));
            }
            if (!on.isEmpty()) {
                conditional.put(r.name(), String.join("; ", on));
            }
        }
        // Transitively: a proof that applies a conditional contract rests on what that one rests on.
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Row r : rows) {
                if (!r.result().equals("proved") || conditional.containsKey(r.name())) {
                    continue;
                }
                final List<String> on = new ArrayList<>();
                for (String used : r.restsOn().split(" ")) {
                    final String name = used.replace('~', ' ');
                    if (!used.isEmpty() && conditional.containsKey(name)) {
                        on.add("conditional contract " + name);
                    }
                }
                if (!on.isEmpty()) {
                    conditional.put(r.name(), String.join("; ", on));
                    grew = true;
                }
            }
        }
        return conditional;
    }

    /**
     * Whether the method (name and parameter types as in the report) is declared static: a static
     * declaration of that name with the same number of parameters (overloads in this code base
     * differ in their parameter count, e.g. HessianCorrectedMetric.learningRateBound).
     */
    private boolean isStatic(String type, String method) throws IOException {
        final Path source = root.resolve("src").resolve(type.replace('.', '/') + ".java");
        final String name = method.substring(0, method.indexOf('('));
        final String types = method.substring(method.indexOf('(') + 1, method.lastIndexOf(')'));
        final int count = types.isEmpty() ? 0 : types.split(",").length;
        if (!Files.exists(source)) {
            return false;
        }
        final var m = Pattern.compile("\\bstatic\\s+[\\w\\[\\]<>.]+\\s+" + name + "\\s*\\(([^)]*)\\)")
            .matcher(Files.readString(source));
        while (m.find()) {
            final String params = m.group(1).trim();
            if ((params.isEmpty() ? 0 : params.split(",").length) == count) {
                return true;
            }
        }
        return false;
    }

    /** The names of the static methods of the class that return an instance of it. */
    private List<String> factories(String type, String simple) throws IOException {
        final Path source = root.resolve("src").resolve(type.replace('.', '/') + ".java");
        final List<String> names = new ArrayList<>();
        if (Files.exists(source)) {
            final var m = Pattern.compile("static\\s+" + simple + "\\s+(\\w+)\\s*\\(").matcher(Files.readString(source));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Whether the class's source declares a JML class invariant. */
    private boolean hasInvariant(String type) throws IOException {
        final Path source = root.resolve("src").resolve(type.replace('.', '/') + ".java");
        return Files.exists(source)
            && Pattern.compile("@\\s*(public\\s+|private\\s+|protected\\s+)?invariant\\b").matcher(Files.readString(source)).find();
    }

    private static Map<String, Row> readRows(Path file) throws IOException {
        final Map<String, Row> rows = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.startsWith("class\t") && !line.isBlank()) {
                    final Row r = Row.parse(line);
                    rows.put(r.name(), r);
                }
            }
        }
        return rows;
    }

    /** open-contracts.tsv: contract name, a tab, the reason; lines starting with # are comments. */
    private static Map<String, String> readOpen(Path file) throws IOException {
        final Map<String, String> open = new HashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.startsWith("#") && line.contains("\t")) {
                    open.put(line.substring(0, line.indexOf('\t')).trim(), line.substring(line.indexOf('\t') + 1));
                }
            }
        }
        return open;
    }

    private static List<Path> listFiles(Path dir, String extension) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Collections.emptyList();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(extension)).sorted().toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Collections.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
