package io.recallbricks.perf.run;

import io.recallbricks.perf.config.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The verdict of a run. The reports module renders and gates (exit 0 pass, 1 criterion failed, 2 inputs
 * unreadable); when its jar is not built, the suite falls back to its own request-level criteria over the judged
 * phases and says so.
 */
final class Gate {

    static final int PASS = 0;
    static final int FAIL = 1;
    static final int CANNOT_RUN = 2;

    private Gate() {
    }

    static int verdict(Path repoRoot, Path runDir, List<PhaseResult> judged, Profile profile)
            throws IOException, InterruptedException {
        Path jar = repoRoot.resolve("reports/target/recallbricks-reports.jar");
        if (Files.isRegularFile(jar)) {
            List<String> command = new java.util.ArrayList<>(List.of(javaBinary(), "-jar", jar.toString(), "render",
                    runDir.toString()));
            // A soak has no peak, stress or chaos: it is judged by criteria made for endurance.
            Path soak = repoRoot.resolve("reports/criteria/soak.yaml");
            if (profile == Profile.SOAK && Files.isRegularFile(soak)) command.addAll(List.of("--criteria", soak.toString()));
            System.out.println("\n== report: " + String.join(" ", command.subList(1, command.size())));
            Process p = new ProcessBuilder(command).inheritIO().start();
            int code = p.waitFor();
            if (code == PASS || code == FAIL) return code;
            System.out.println("the reports module could not read the run folder (exit " + code + ")");
            return CANNOT_RUN;
        }
        System.out.println("\n== verdict (" + jar + " is not built: the suite's own request-level criteria,"
                + " no HTML report)");
        boolean pass = true;
        for (PhaseResult r : judged) {
            List<String> missed = StepCriteria.GUIDE.missed(r);
            System.out.println("  " + r.spec().name() + ": " + (missed.isEmpty() ? "PASS" : "FAIL " + missed));
            pass &= missed.isEmpty();
        }
        if (judged.isEmpty()) System.out.println("  no judged phase ran");
        return pass ? PASS : FAIL;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
