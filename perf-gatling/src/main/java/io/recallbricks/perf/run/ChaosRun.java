package io.recallbricks.perf.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the chaos experiments into the run folder's {@code chaos/}, after the load (the experiments provision their
 * own stack: one more service, database proxy and fake, which must not share the CPU with the load's). The
 * resilience row is required: a run without journals fails it, unless {@code --chaos=off} left them out on purpose,
 * which run.json records and the verdict then says ("PASSED without resilience").
 */
final class ChaosRun {

    private final Path repoRoot;
    private final String profile;

    /** @param profile ci, full or off */
    ChaosRun(Path repoRoot, String profile) {
        this.repoRoot = repoRoot;
        this.profile = profile;
    }

    void run(Path runDir, RunRecord record) throws IOException, InterruptedException {
        if (profile.equals("off")) {
            record.chaosLeftOut("--chaos=off");
            System.out.println("\n== chaos: left out (--chaos=off); the verdict will say PASSED without resilience");
            return;
        }
        Path jar = repoRoot.resolve("chaos/target/recallbricks-chaos.jar");
        if (!Files.isRegularFile(jar)) {
            // Not left out on purpose: the resilience row is then not measured, and the gate fails.
            System.out.println("\n== chaos: " + jar + " is not built, so resilience is not measured (the gate fails; "
                    + "--chaos=off leaves it out on purpose)");
            return;
        }
        Path out = runDir.resolve("chaos");
        System.out.println("\n== chaos: java -jar " + repoRoot.relativize(jar) + " experiments --profile " + profile
                + " --out " + out);
        long started = System.nanoTime();
        Process p = new ProcessBuilder(javaBinary(), "-jar", jar.toString(), "experiments", "--profile", profile,
                "--out", out.toString()).directory(repoRoot.toFile()).inheritIO().start();
        try {
            int code = p.waitFor();
            System.out.printf("== chaos: exit %d after %.0f s (the report's resilience row judges the journals)%n",
                    code, (System.nanoTime() - started) / 1e9);
        } catch (InterruptedException e) {
            p.destroy();
            throw e;
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
