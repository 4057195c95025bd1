package io.recallbricks.perf;

import io.recallbricks.perf.config.ConfigResolver;
import io.recallbricks.perf.config.Profile;
import io.recallbricks.perf.config.Setting;
import io.recallbricks.perf.config.SuiteConfig;
import io.recallbricks.perf.provision.ProvisioningException;
import io.recallbricks.perf.provision.Resources;
import io.recallbricks.perf.run.SuiteRun;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./suite run [--profile ci|full|soak] [--option=value ...]}: exit 0 when every criterion is met, 1 when
 * one failed, 2 when the suite itself could not run (with a message saying why).
 */
public final class SuiteMain {

    private SuiteMain() {
    }

    public static void main(String[] args) {
        System.exit(execute(Arrays.asList(args)));
    }

    static int execute(List<String> args) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            System.out.println(usage());
            return args.isEmpty() ? 2 : 0;
        }
        if (!args.get(0).equals("run")) {
            System.err.println("unknown command '" + args.get(0) + "'\n\n" + usage());
            return 2;
        }
        SuiteConfig config;
        try {
            config = ConfigResolver.resolve(args.subList(1, args.size()), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("suite: " + e.getMessage());
            return 2;
        }
        Path repoRoot = Path.of(System.getProperty("suite.repoRoot", ".")).toAbsolutePath().normalize();
        try {
            return new SuiteRun(config, repoRoot).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return couldNotRun("interrupted", null);
        } catch (ProvisioningException | IllegalStateException | java.io.UncheckedIOException e) {
            return couldNotRun(e.getMessage(), null);
        } catch (java.io.IOException e) {
            return couldNotRun(e.toString(), null);
        } catch (Throwable e) {
            // Gatling rethrows a crashed run as is; the suite did not run, whatever the cause.
            return couldNotRun(e.toString(), e);
        }
    }

    private static int couldNotRun(String why, Throwable unexpected) {
        if (Resources.interrupted()) {
            System.err.println("\nsuite interrupted: everything it started is stopped");
            return 130;
        }
        System.err.println("\nsuite could not run: " + why);
        if (unexpected != null) unexpected.printStackTrace();
        return 2;
    }

    static String usage() {
        StringBuilder s = new StringBuilder("""
                usage: ./suite run [--profile ci|full|soak] [--<option>=<value> ...]

                Runs the load suite against API_URL (with ADMIN_API_KEY or API_KEY), or provisions everything:
                PostgreSQL (DATABASE_URL, else embedded), the embedding API (OPENAI_BASE_URL, else the bundled fake),
                the service (the built jar). Exit 0: all criteria met; 1: a criterion failed; 2: the suite could not run.

                options (environment SUITE_<OPTION>, e.g. SUITE_BASELINE=120@5m; the command line wins):
                """);
        for (Setting setting : Setting.values()) {
            s.append(String.format("  --%-20s %s%n", setting.key, setting.description));
            String ci = Profile.CI.defaults().get(setting);
            String full = Profile.FULL.defaults().get(setting);
            String soak = Profile.SOAK.defaults().get(setting);
            s.append(String.format("  %-22s %s%n", "", ci.equals(full) && ci.equals(soak) ? "default " + ci
                    : "default ci " + ci + ", full " + full + ", soak " + soak));
        }
        return s.toString();
    }
}
