package ngdref.verification;

import java.util.Arrays;

import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the named test classes (JUnit Jupiter and jqwik) and exits with 0 when at least one test
 * ran and none failed, 1 when a test failed, 2 when no test ran (a misspelt class name must not
 * count as a kill). {@link MutationGate} starts it in a JVM whose class path puts a mutant's
 * classes first.
 */
public final class TestClassRunner {

    private TestClassRunner() {
    }

    public static void main(String[] args) {
        final LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
            .selectors(Arrays.stream(args).map(DiscoverySelectors::selectClass).toList())
            .build();
        final SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        final TestExecutionSummary summary = listener.getSummary();
        System.out.printf("tests run %d, failed %d%n", summary.getTestsStartedCount(), summary.getTotalFailureCount());
        summary.getFailures().stream().limit(3).forEach(f ->
            System.out.println("  failed: " + f.getTestIdentifier().getDisplayName() + ": "
                + String.valueOf(f.getException().getMessage()).lines().findFirst().orElse("")));
        System.exit(summary.getTestsStartedCount() == 0 ? 2 : summary.getTotalFailureCount() == 0 ? 0 : 1);
    }
}
