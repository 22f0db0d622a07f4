package ngdref.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The built-in example of the README: g = (1, 0, 0), y = (1, 1, 0), ψ = π/4, D = 3. By hand:
 * yᵀg = 1, yᵀy = 2, M_opt = yyᵀ + 2(I − e₁e₁ᵀ) with eigenvalues 2 ± √2 and 2, κ = 3 + 2√2, and
 * M_opt·g = y, M_opt⁻¹·y = g.
 */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = "The built-in example: g = (1,0,0), y = (1,1,0) (ψ = π/4): geometry,"
                + " spectrum of M_opt, Propositions 1–3, M_opt itself, M·g and M⁻¹·y.")
final class ExampleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "JSON Lines: one answer per operation")
    boolean json;

    @Option(names = "--certify", description = "add the oracle's certificates")
    boolean certify;

    @Override
    public Integer call() throws IOException {
        final PrintWriter out = spec.commandLine().getOut();
        final Certifier certifier = certify ? new Certifier(Certifier.DEFAULT_MAX_DIMENSION, false) : null;
        final Operation[] ops = {Operation.GEOMETRY, Operation.SPECTRUM, Operation.BOUNDS, Operation.METRIC};
        for (Operation op : ops) {
            final ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("op", op.name);
            n.set("g", vector(1, 0, 0));
            n.set("y", vector(1, 1, 0));
            if (op == Operation.METRIC) {
                n.set("x", vector(1, 0, 0));
                n.set("b", vector(1, 1, 0));
            }
            final Result r = op.compute(new Request(n), certifier, Limits.DEFAULT);
            if (json) {
                try (JsonGenerator gen = JsonOutput.MAPPER.createGenerator(out)) {
                    gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    JsonOutput.writeAnswer(gen, null, 0, op.name, r, null);
                }
                out.println();
            } else {
                if (op == Operation.GEOMETRY) {
                    out.println("g = [1, 0, 0], y = −∇L = [1, 1, 0]");
                    out.println();
                }
                TextOutput.write(out, op, r);
                out.println();
            }
        }
        NgdrefCli.requireWritten(out, null);
        return NgdrefCli.OK;
    }

    private static ArrayNode vector(double... v) {
        final ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (double x : v) {
            a.add(x);
        }
        return a;
    }
}
