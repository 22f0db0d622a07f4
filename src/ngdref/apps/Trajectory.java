package ngdref.apps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorded trajectory θ_0 … θ_T with the losses L_t and gradients ∇L_t, as written by any
 * training loop, for the analyzer. Two formats:
 * <ul>
 * <li>CSV with a header naming the columns {@code theta_0 … theta_{D−1}}, {@code loss} and
 *   {@code grad_0 … grad_{D−1}} (other columns, e.g. {@code t}, are ignored);</li>
 * <li>JSON Lines ({@code .jsonl}), one object per step:
 *   {@code {"theta": [...], "loss": 0.5, "grad": [...]}}.</li>
 * </ul>
 */
public final class Trajectory {

    private final List<double[]> theta;
    private final double[] loss;
    private final List<double[]> grad;

    /**
     * A trajectory from its parts (copied).
     *
     * @param theta θ_t, all of one length D &ge; 2
     * @param loss L_t
     * @param grad ∇L_t
     */
    public Trajectory(List<double[]> theta, double[] loss, List<double[]> grad) {
        if (theta.size() != loss.length || grad.size() != loss.length) {
            throw new IllegalArgumentException(theta.size() + " states, " + loss.length + " losses and "
                    + grad.size() + " gradients; expected equal counts");
        }
        if (loss.length < 2) {
            throw new IllegalArgumentException("a trajectory needs at least 2 points; got " + loss.length);
        }
        final int d = theta.get(0).length;
        for (int t = 0; t < loss.length; t++) {
            if (theta.get(t).length != d || grad.get(t).length != d) {
                throw new IllegalArgumentException("row " + t + ": θ has " + theta.get(t).length
                        + " and ∇L " + grad.get(t).length + " entries; expected " + d);
            }
            if (!Double.isFinite(loss[t])) {
                throw new IllegalArgumentException("row " + t + ": loss " + loss[t] + " is not finite");
            }
        }
        this.theta = new ArrayList<>();
        this.grad = new ArrayList<>();
        for (int t = 0; t < loss.length; t++) {
            this.theta.add(theta.get(t).clone());
            this.grad.add(grad.get(t).clone());
        }
        this.loss = loss.clone();
    }

    /**
     * Reads a CSV or (by the extension .jsonl/.json) JSON Lines file.
     *
     * @param file the file
     * @return the trajectory
     * @throws IOException for unreadable or malformed files, naming the line
     */
    public static Trajectory read(Path file) throws IOException {
        final String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".json") ? readJsonLines(file) : readCsv(file);
    }

    private static Trajectory readCsv(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            final String header = in.readLine();
            if (header == null) {
                throw new IOException(file + ": empty file");
            }
            final String[] cols = header.trim().split("\\s*,\\s*");
            int lossCol = -1;
            final List<Integer> thetaCols = new ArrayList<>();
            final List<Integer> gradCols = new ArrayList<>();
            for (int d = 0; ; d++) {
                final int ti = indexOf(cols, "theta_" + d);
                final int gi = indexOf(cols, "grad_" + d);
                if (ti < 0 && gi < 0) {
                    break;
                }
                if (ti < 0 || gi < 0) {
                    throw new IOException(file + ": header has " + (ti < 0 ? "grad_" : "theta_") + d
                            + " but not " + (ti < 0 ? "theta_" : "grad_") + d);
                }
                thetaCols.add(ti);
                gradCols.add(gi);
            }
            lossCol = indexOf(cols, "loss");
            if (lossCol < 0 || thetaCols.isEmpty()) {
                throw new IOException(file + ": header must name theta_0…, loss and grad_0…; got " + header);
            }
            final List<double[]> th = new ArrayList<>();
            final List<double[]> gr = new ArrayList<>();
            final List<Double> ls = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                final String[] f = line.trim().split("\\s*,\\s*");
                if (f.length != cols.length) {
                    throw new IOException(file + ":" + lineNo + ": " + f.length + " fields; header has " + cols.length);
                }
                try {
                    final double[] t = new double[thetaCols.size()];
                    final double[] g = new double[thetaCols.size()];
                    for (int d = 0; d < t.length; d++) {
                        t[d] = Double.parseDouble(f[thetaCols.get(d)]);
                        g[d] = Double.parseDouble(f[gradCols.get(d)]);
                    }
                    th.add(t);
                    gr.add(g);
                    ls.add(Double.parseDouble(f[lossCol]));
                } catch (NumberFormatException e) {
                    throw new IOException(file + ":" + lineNo + ": " + e.getMessage(), e);
                }
            }
            return build(file, th, ls, gr);
        }
    }

    private static Trajectory readJsonLines(Path file) throws IOException {
        final ObjectMapper mapper = new ObjectMapper();
        final List<double[]> th = new ArrayList<>();
        final List<double[]> gr = new ArrayList<>();
        final List<Double> ls = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            final JsonNode node;
            try {
                node = mapper.readTree(line);
            } catch (IOException e) {
                throw new IOException(file + ":" + lineNo + ": not JSON: " + e.getMessage(), e);
            }
            final JsonNode t = node.get("theta");
            final JsonNode g = node.get("grad");
            final JsonNode l = node.get("loss");
            if (t == null || !t.isArray() || g == null || !g.isArray() || l == null || !l.isNumber()) {
                throw new IOException(file + ":" + lineNo + ": expected {\"theta\": [...], \"loss\": number, \"grad\": [...]}");
            }
            th.add(toArray(t));
            gr.add(toArray(g));
            ls.add(l.asDouble());
        }
        return build(file, th, ls, gr);
    }

    private static Trajectory build(Path file, List<double[]> th, List<Double> ls, List<double[]> gr)
            throws IOException {
        try {
            return new Trajectory(th, ls.stream().mapToDouble(Double::doubleValue).toArray(), gr);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static double[] toArray(JsonNode a) {
        final double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    private static int indexOf(String[] cols, String name) {
        for (int i = 0; i < cols.length; i++) {
            if (cols[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Writes the CSV format read by {@link #read}.
     *
     * @param file the file
     * @throws IOException on write failure
     */
    public void writeCsv(Path file) throws IOException {
        final int d = dimension();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            final StringBuilder h = new StringBuilder("t");
            for (int i = 0; i < d; i++) {
                h.append(",theta_").append(i);
            }
            h.append(",loss");
            for (int i = 0; i < d; i++) {
                h.append(",grad_").append(i);
            }
            out.println(h);
            for (int t = 0; t < loss.length; t++) {
                final StringBuilder r = new StringBuilder(Integer.toString(t));
                for (double v : theta.get(t)) {
                    r.append(',').append(v);
                }
                r.append(',').append(loss[t]);
                for (double v : grad.get(t)) {
                    r.append(',').append(v);
                }
                out.println(r);
            }
        }
    }

    /**
     * Writes the JSON Lines format read by {@link #read}.
     *
     * @param file the file
     * @throws IOException on write failure
     */
    public void writeJsonLines(Path file) throws IOException {
        final ObjectMapper mapper = new ObjectMapper();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (int t = 0; t < loss.length; t++) {
                final java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("theta", theta.get(t));
                m.put("loss", loss[t]);
                m.put("grad", grad.get(t));
                out.println(mapper.writeValueAsString(m));
            }
        }
    }

    /**
     * The number of points T + 1.
     *
     * @return the length
     */
    public int size() {
        return loss.length;
    }

    /**
     * D.
     *
     * @return the dimension
     */
    public int dimension() {
        return theta.get(0).length;
    }

    /**
     * θ_t.
     *
     * @param t index
     * @return a copy
     */
    public double[] theta(int t) {
        return theta.get(t).clone();
    }

    /**
     * L_t.
     *
     * @param t index
     * @return the loss
     */
    public double loss(int t) {
        return loss[t];
    }

    /**
     * ∇L_t.
     *
     * @param t index
     * @return a copy
     */
    public double[] grad(int t) {
        return grad.get(t).clone();
    }

    /**
     * A discrete gradient (12) from the two endpoints' values and gradients only, for recorded
     * trajectories (no loss to evaluate elsewhere): the trapezoidal mean of the gradients projected
     * onto the constraint pᵀ∇̄ = ΔL,
     * <pre>  ∇̄ = ½(∇L_t + ∇L_{t+1}) + [(L_{t+1} − L_t − ½(∇L_t + ∇L_{t+1})ᵀp)/‖p‖²]·p,   p = θ_{t+1} − θ_t,</pre>
     * the same projection as Gonzalez's midpoint gradient with the midpoint gradient replaced by
     * the trapezoidal average; ∇̄ → ∇L(θ_t) as p → 0 for a C² loss.
     *
     * @param t step index, 0 &le; t &lt; T
     * @return ∇̄L(θ_t, θ_{t+1})
     */
    public double[] endpointDiscreteGradient(int t) {
        final double[] p = Matrices.subtract(theta.get(t + 1), theta.get(t));
        final double[] a = grad.get(t);
        final double[] b = grad.get(t + 1);
        final double[] mean = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            mean[i] = 0.5 * (a[i] + b[i]);
        }
        final double pp = Matrices.dot(p, p);
        if (pp == 0.0) {
            return a.clone();
        }
        final double c = (loss[t + 1] - loss[t] - Matrices.dot(mean, p)) / pp;
        return Matrices.along(mean, c, p);
    }
}
