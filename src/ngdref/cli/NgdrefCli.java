package ngdref.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code ngdref} command line: the reference implementation as an oracle for other
 * implementations. Subcommands compute the paper's constructions for vectors given on the
 * command line or in files ({@code geometry}, {@code spectrum}, {@code bounds}, {@code metric},
 * {@code decompose}, {@code discrete}), answer JSON Lines requests in a stream ({@code batch}),
 * write certified test vectors ({@code vectors}) and grade another implementation against them
 * ({@code check}).
 *
 * <p>Exit codes: {@value #OK} success; {@value #CHECK_FAILED} {@code check} found a value
 * outside the tolerance (or {@code batch --strict} answered a line with an error);
 * {@value #USAGE} usage error or invalid input (unknown option, unreadable file, vectors the
 * library rejects); {@value #NOT_COMPUTABLE} valid input whose result cannot be given (outside the
 * range of double; no certifiable test vector); {@value #INTERNAL} an internal error (a bug:
 * please report it), or an {@link Error} such as running out of memory outside the per-line
 * recovery of {@code batch}; {@value #OUTPUT_FAILED} the output could not be written (full disk,
 * closed pipe, unwritable file). docs/cli.md has the same table (ExitCodeTableTest keeps them equal).
 */
@Command(name = "ngdref", mixinStandardHelpOptions = true,
        versionProvider = NgdrefCli.Version.class,
        description = {
            "Learning rules as natural gradient descent: the reference implementation as an oracle.",
            "Every double is accepted as a decimal or a hex float (0x1.8p1) and printed as both.",
            ""},
        subcommands = {
            ExampleCommand.class,
            ComputeCommands.Geometry.class,
            ComputeCommands.SpectrumCmd.class,
            ComputeCommands.Bounds.class,
            ComputeCommands.Metric.class,
            ComputeCommands.Decompose.class,
            ComputeCommands.Verify.class,
            ComputeCommands.Discrete.class,
            BatchCommand.class,
            VectorsCommand.class,
            CheckCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:check failed (a value outside the tolerance; batch --strict: a line with an error)",
            "2:usage error or invalid input (also a request over a limit)",
            "3:valid input whose result cannot be given (outside the range of double)",
            "4:internal error (a bug), or out of memory outside a batch line",
            "5:the output could not be written (full disk, closed pipe)"})
public final class NgdrefCli implements Runnable {

    /** Success. */
    public static final int OK = 0;
    /** {@code check} found a failure. */
    public static final int CHECK_FAILED = 1;
    /** Usage error or invalid input. */
    public static final int USAGE = 2;
    /** Valid input, result not computable. */
    public static final int NOT_COMPUTABLE = 3;
    /** A bug, or an Error (out of memory) that no request boundary could absorb. */
    public static final int INTERNAL = 4;
    /** Writing the output failed. */
    public static final int OUTPUT_FAILED = 5;

    @Spec
    CommandSpec spec;

    private final InputStream stdin;

    NgdrefCli(InputStream stdin) {
        this.stdin = stdin;
    }

    /** Standard input (replaceable for in-process tests). */
    InputStream stdin() {
        return stdin;
    }

    @Override
    public void run() {
        // picocli prints this message and the usage to standard error, and exits with 2.
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand");
    }

    /**
     * The configured command line.
     *
     * @param stdin what {@code batch -} and {@code @-} read
     * @return the picocli command line (its out/err may be replaced before execute)
     */
    public static CommandLine commandLine(InputStream stdin) {
        final CommandLine cl = new CommandLine(new NgdrefCli(stdin));
        // "@file" is this program's own syntax for vectors in files (VectorText), not picocli's.
        cl.setExpandAtFiles(false);
        cl.setExecutionExceptionHandler(NgdrefCli::handle);
        return cl;
    }

    /**
     * Runs the program.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        final CommandLine cl = commandLine(System.in);
        // Standard output without PrintStream in between: a PrintStream swallows write errors
        // (a full disk must not exit 0), a PrintWriter on the raw descriptor records them
        // (checkError); UTF-8 whatever the locale, as JSON requires.
        cl.setOut(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8)));
        int code = execute(cl, args);
        if (code == OK && cl.getOut().checkError()) {
            // e.g. --help > /dev/full: what the commands check for themselves, checked once more.
            code = fatalOutput(cl);
        }
        System.exit(code);
    }

    /**
     * {@code cl.execute(args)}, and for an {@link Error} that escapes it (picocli hands only
     * Exceptions to the handler): one line on standard error and {@value #INTERNAL}, never the
     * JVM's raw trace and exit code 1 (which means "check failed").
     *
     * @param cl the command line
     * @param args the arguments
     * @return the exit code
     */
    static int execute(CommandLine cl, String[] args) {
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            return fatal(cl, "out of memory (" + e.getMessage() + "): the input is too large for this"
                    + " heap; lower the limits (see --help) or raise -Xmx");
        } catch (StackOverflowError e) {
            return fatal(cl, "stack overflow: the input is nested too deeply");
        } catch (Error e) {
            return fatal(cl, "internal error: " + e);
        }
    }

    private static int fatalOutput(CommandLine cl) {
        cl.getErr().println("ngdref: cannot write the output to standard output (disk full, pipe closed"
                + " by its reader, or device error)");
        cl.getErr().flush();
        return OUTPUT_FAILED;
    }

    private static int fatal(CommandLine cl, String message) {
        try {
            final PrintWriter err = cl.getErr();
            err.println("ngdref: " + message);
            err.flush();
        } catch (Throwable ignored) {
            // Even the message could not be written: the exit code still says it.
        }
        return INTERNAL;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        final PrintWriter err = cl.getErr();
        final String name = cl.getCommandSpec().qualifiedName();
        if (e instanceof RequestException) {
            final RequestException r = (RequestException) e;
            err.println(name + ": " + r.kind().json() + ": " + r.getMessage());
            err.flush();
            switch (r.kind()) {
                case OUT_OF_RANGE:
                case NOT_CONVERGED:
                case NOT_CERTIFIED:
                    return NOT_COMPUTABLE;
                case INTERNAL:
                    return INTERNAL;
                default:
                    return USAGE;
            }
        }
        if (e instanceof OutputException) {
            err.println(name + ": " + e.getMessage());
            err.flush();
            return OUTPUT_FAILED;
        }
        if (e instanceof UncheckedIOException || e instanceof java.io.IOException) {
            err.println(name + ": " + describe(e instanceof UncheckedIOException ? e.getCause() : e, e));
            err.flush();
            return USAGE;
        }
        if (e instanceof ArithmeticException) {
            err.println(name + ": " + e.getMessage());
            err.flush();
            return NOT_COMPUTABLE;
        }
        if (e instanceof UsageException) {
            err.println(name + ": " + e.getMessage());
            err.flush();
            return USAGE;
        }
        err.println(name + ": internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return INTERNAL;
    }

    /**
     * An input/output failure described with its reason: Java's NoSuchFileException and
     * AccessDeniedException carry only the path as their message.
     */
    static String describe(Throwable io, Throwable outer) {
        if (io instanceof java.nio.file.NoSuchFileException) {
            return "cannot read " + ((java.nio.file.FileSystemException) io).getFile() + ": no such file";
        }
        if (io instanceof java.nio.file.AccessDeniedException) {
            return "cannot open " + ((java.nio.file.FileSystemException) io).getFile() + ": permission denied";
        }
        if (io instanceof java.nio.file.FileSystemException) {
            final java.nio.file.FileSystemException f = (java.nio.file.FileSystemException) io;
            return "cannot open " + f.getFile() + ": " + (f.getReason() == null ? f.getClass().getSimpleName() : f.getReason());
        }
        if (outer != io && outer.getMessage() != null) {
            return outer.getMessage();
        }
        return io == null ? String.valueOf(outer) : String.valueOf(io.getMessage());
    }

    /**
     * The oracle for {@code --certify}: its explicit D×D rational matrix counts as a dense matrix,
     * so {@code --certify-max-dimension} may not exceed {@code --max-dense-dimension}.
     *
     * @throws RequestException of kind limit (exit 2) when it does
     */
    static Certifier certifier(int certifyMaxDimension, boolean strict, Limits limits) {
        limits.requireDense("--certify-max-dimension: the oracle's explicit matrix", certifyMaxDimension);
        return new Certifier(certifyMaxDimension, strict);
    }

    /**
     * Opens (creates or truncates) an output file.
     *
     * @throws OutputException naming the file and the reason when it cannot be opened
     */
    static java.io.OutputStream create(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.newOutputStream(file);
        } catch (java.io.IOException e) {
            throw new OutputException(describe(e, e).replace("cannot read", "cannot write")
                    .replace("cannot open", "cannot write"), e);
        }
    }

    /**
     * Flushes {@code out} and fails when anything written to it was lost.
     *
     * @throws OutputException when the writer recorded an error
     */
    static void requireWritten(PrintWriter out, String what) {
        out.flush();
        if (out.checkError() || (what == null && System.out.checkError())) {
            throw new OutputException("cannot write the output to " + (what == null ? "standard output" : what)
                    + " (disk full, pipe closed by its reader, or device error)");
        }
    }

    /** Writing the output failed (exit {@value #OUTPUT_FAILED}). */
    static final class OutputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputException(String message) {
            super(message);
        }

        OutputException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An error in what the user gave (a file of the wrong schema, conflicting options). */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }

        UsageException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The version from the jar's manifest (or "development" when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            final String v = NgdrefCli.class.getPackage().getImplementationVersion();
            return new String[] {"ngdref " + (v == null ? "(development build)" : v),
                "vector file schema " + VectorFile.SCHEMA + " version " + VectorFile.VERSION};
        }
    }
}
