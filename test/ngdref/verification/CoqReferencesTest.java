package ngdref.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every Coq theorem the Java sources cite (the "Exact statement ... proved ... in Coq" comments
 * above the contracts and the "Machine-checked" paragraphs of the class javadoc) exists under that
 * name in proofs/coq/Statements.v, the file check.sh builds and whose assumptions CI compares.
 */
class CoqReferencesTest {

    @Test
    void everyCitedTheoremIsStatedInStatementsV() throws IOException {
        final Set<String> theorems = new HashSet<>();
        final Matcher t = Pattern.compile("(?m)^Theorem\\s+(\\w+)").matcher(Files.readString(Path.of("proofs/coq/Statements.v")));
        while (t.find()) {
            theorems.add(t.group(1));
        }
        assertTrue(theorems.size() >= 30, "Statements.v: " + theorems.size() + " theorems found");
        final List<String> missing = new ArrayList<>();
        int cited = 0;
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.contains("Coq") && !line.contains("{@code") && !line.trim().startsWith("//")) {
                        continue;
                    }
                    // snake_case identifiers with at least one underscore or a known prefix
                    final Matcher m = Pattern.compile("\\b((?:family|proposition|canonical|discrete|hessian|spans|paper)\\w*)\\b").matcher(line);
                    while (m.find()) {
                        final String name = m.group(1).replace("(_all)", "");
                        if (!name.contains("_") && !name.matches(".*\\d.*")) {
                            continue; // a word of prose ("canonical"), not a theorem name
                        }
                        cited++;
                        if (!theorems.contains(name) && !theorems.contains(name + "_all")) {
                            missing.add(f.getFileName() + ": " + name);
                        }
                    }
                }
            }
        }
        assertTrue(cited >= 20, "only " + cited + " citations found: is the pattern broken?");
        assertEquals(List.of(), missing, "theorems cited in the Java sources but not in Statements.v");
    }
}
