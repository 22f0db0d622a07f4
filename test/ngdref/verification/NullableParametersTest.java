package ngdref.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * JML (and KeY) treat reference parameters as non-null unless declared {@code nullable}: a
 * specification case {@code requires x == null} on a non-nullable parameter is unsatisfiable and
 * its proof closes without executing the method. This test reads the sources of the verified
 * packages and requires every parameter that a method's JML compares with null to be declared
 * {@code /*@ nullable @*&#47;}. (The KeY runner checks the same from the other side: a proof that
 * never applies methodBodyExpand is reported as vacuous.)
 */
class NullableParametersTest {

    private static final Pattern JML_THEN_DECLARATION =
        Pattern.compile("/\\*@(.*?)@\\*/\\s*((?:public |protected |private |static |final |synchronized )*[^;{=]*?\\(([^)]*)\\))",
            Pattern.DOTALL);
    private static final Pattern COMPARED_WITH_NULL = Pattern.compile("\\b(\\w+)\\s*==\\s*null\\b");

    @Test
    void everyParameterComparedWithNullIsNullable() throws IOException {
        final List<String> faults = new ArrayList<>();
        int checked = 0;
        // The mutation gate points this at a mutated copy of src/.
        final Path sources = Path.of(System.getProperty("ngdref.source.root", "src"));
        for (String pkg : List.of("ngdref/metric", "ngdref/discrete")) {
            try (Stream<Path> files = Files.list(sources.resolve(pkg))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    final Matcher m = JML_THEN_DECLARATION.matcher(Files.readString(file));
                    while (m.find()) {
                        final String spec = m.group(1);
                        for (String parameter : m.group(3).split(",")) {
                            final String p = parameter.trim();
                            if (p.isEmpty()) {
                                continue;
                            }
                            final String name = p.substring(p.lastIndexOf(' ') + 1);
                            final Matcher n = COMPARED_WITH_NULL.matcher(spec);
                            boolean compared = false;
                            while (n.find()) {
                                compared |= n.group(1).equals(name);
                            }
                            if (compared) {
                                checked++;
                                if (!p.contains("/*@ nullable @*/")) {
                                    faults.add(file.getFileName() + ": " + m.group(2).replaceAll("\\s+", " ") + ": " + name);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(checked >= 20, "the scan found only " + checked + " null-compared parameters: is the pattern broken?");
        assertEquals(List.of(), faults, "parameters compared with null in JML but not declared nullable");
    }
}
