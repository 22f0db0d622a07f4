package ngdref.apps;

import java.io.PrintStream;

/**
 * A progress display on standard error: a bar redrawn in place on a terminal, or a line every
 * 10 % otherwise (logs, CI).
 */
final class Progress {

    private static final int WIDTH = 30;

    private final String label;
    private final int total;
    private final PrintStream out;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private int lastDecile = -1;
    private long lastDraw;

    Progress(String label, int total) {
        this.label = label;
        this.total = Math.max(total, 1);
        this.out = System.err;
        this.terminal = System.console() != null;
        update(0);
    }

    void update(int done) {
        final int d = Math.min(done, total);
        final long now = System.nanoTime();
        final double seconds = (now - start) / 1e9;
        if (terminal) {
            if (d < total && now - lastDraw < 100_000_000L) {
                return;
            }
            lastDraw = now;
            final int filled = (int) ((long) WIDTH * d / total);
            out.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                    + d + "/" + total + String.format(" %3d%% %6.1f s", 100L * d / total, seconds));
            out.flush();
        } else {
            final int decile = (int) (10L * d / total);
            if (decile != lastDecile) {
                lastDecile = decile;
                out.println(label + ": " + d + "/" + total + String.format(" (%d%%, %.1f s)", 100L * d / total, seconds));
            }
        }
    }

    void done(String summary) {
        update(total);
        if (terminal) {
            out.println();
        }
        out.println(label + ": done in " + String.format("%.1f s", (System.nanoTime() - start) / 1e9)
                + (summary.isEmpty() ? "" : " — " + summary));
    }
}
