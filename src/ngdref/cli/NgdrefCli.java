package ngdref.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
 * please report it).
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
            ComputeCommands.Discrete.class,
            BatchCommand.class,
            VectorsCommand.class,
            CheckCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:check failed (a value outside the tolerance; batch --strict: a line with an error)",
            "2:usage error or invalid input",
            "3:valid input whose result cannot be given (outside the range of double)",
            "4:internal error"})
public final class NgdrefCli implements Runnable {

    /** Success. */
    public static final int OK = 0;
    /** {@code check} found a failure. */
    public static final int CHECK_FAILED = 1;
    /** Usage error or invalid input. */
    public static final int USAGE = 2;
    /** Valid input, result not computable. */
    public static final int NOT_COMPUTABLE = 3;
    /** A bug. */
    public static final int INTERNAL = 4;

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
        System.exit(cl.execute(args));
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        final PrintWriter err = cl.getErr();
        final String name = cl.getCommandSpec().qualifiedName();
        if (e instanceof RequestException) {
            final RequestException r = (RequestException) e;
            err.println(name + ": " + r.kind().json() + ": " + r.getMessage());
            err.flush();
            return r.kind() == RequestException.Kind.OUT_OF_RANGE ? NOT_COMPUTABLE : USAGE;
        }
        if (e instanceof UncheckedIOException || e instanceof java.io.IOException) {
            err.println(name + ": " + e.getMessage());
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
