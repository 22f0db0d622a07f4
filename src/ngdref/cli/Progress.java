package ngdref.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on standard error, redrawn in place with a carriage return at most
 * every {@value #INTERVAL_MS} ms, and erased when the run ends. With an unknown total (a batch on
 * standard input) it shows the count and the rate instead of a bar.
 *
 * <p>It is drawn only when asked ({@code --progress}) or when standard error is a terminal.
 * Java cannot test that for standard error alone, so the {@code ngdref} wrapper script tests
 * it ({@code [ -t 2 ]}) and exports {@value #TTY_VARIABLE}=1; {@code --no-progress} overrides.
 */
final class Progress implements AutoCloseable {

    /** Set to 1 by the wrapper script when standard error is a terminal. */
    static final String TTY_VARIABLE = "NGDREF_STDERR_TTY";
    private static final long INTERVAL_MS = 100;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastDraw;
    private long done;
    private int drawnLength;

    private Progress(PrintWriter err, String label, long total, boolean enabled) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.enabled = enabled;
    }

    /**
     * A progress bar, or a silent one.
     *
     * @param err standard error
     * @param label what is counted ("lines", "cases")
     * @param total the number of steps, or &le; 0 when unknown
     * @param option the command's --progress/--no-progress, null when neither was given
     */
    static Progress of(PrintWriter err, String label, long total, Boolean option) {
        final boolean on = option != null ? option : "1".equals(System.getenv(TTY_VARIABLE));
        return new Progress(err, label, total, on);
    }

    /** Records one more step (and redraws when due). */
    void step() {
        step(done + 1);
    }

    /** Records that {@code count} steps are done (and redraws when due). */
    void step(long count) {
        done = count;
        if (!enabled) {
            return;
        }
        final long now = System.nanoTime() / 1_000_000;
        if (now - lastDraw >= INTERVAL_MS) {
            lastDraw = now;
            draw();
        }
    }

    private void draw() {
        final double seconds = (System.nanoTime() - start) / 1e9;
        final StringBuilder sb = new StringBuilder("\r").append(label).append(' ');
        if (total > 0) {
            final int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            sb.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                    .append(done).append('/').append(total)
                    .append(String.format(java.util.Locale.ROOT, " %3d%%", 100 * done / total));
            if (done > 0 && done < total) {
                sb.append(String.format(java.util.Locale.ROOT, "  eta %.0f s", seconds * (total - done) / done));
            }
        } else {
            sb.append(done).append(String.format(java.util.Locale.ROOT, "  %.0f/s", done / Math.max(seconds, 1e-3)));
        }
        sb.append(String.format(java.util.Locale.ROOT, "  %.1f s", seconds));
        final int length = sb.length();
        if (length < drawnLength) {
            sb.append(" ".repeat(drawnLength - length));
        }
        drawnLength = length;
        err.print(sb);
        err.flush();
    }

    /** Erases the bar. */
    @Override
    public void close() {
        if (enabled && drawnLength > 0) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            err.flush();
        }
    }
}
