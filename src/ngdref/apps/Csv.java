package ngdref.apps;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A minimal CSV writer: numbers in full precision (Double.toString), NaN as an empty field. */
final class Csv {

    private Csv() {
    }

    static void write(Path file, String[] header, List<Object[]> rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.println(String.join(",", header));
            for (Object[] row : rows) {
                if (row.length != header.length) {
                    throw new IllegalArgumentException("row of " + row.length + " fields for " + header.length + " columns");
                }
                final StringBuilder b = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    b.append(format(row[i]));
                }
                out.println(b);
            }
        }
    }

    static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double) {
            final double d = (Double) v;
            return Double.isNaN(d) ? "" : Double.toString(d);
        }
        if (v instanceof Boolean) {
            return ((Boolean) v) ? "1" : "0";
        }
        final String s = v.toString();
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
