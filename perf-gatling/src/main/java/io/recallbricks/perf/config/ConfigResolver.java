package io.recallbricks.perf.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a run's configuration: profile defaults, then {@code SUITE_*} environment variables, then command-line
 * options ({@code --key=value} or {@code --key value}). Every value is validated here, so a typo fails before
 * anything is started, with a message naming the option.
 */
public final class ConfigResolver {

    private ConfigResolver() {
    }

    public static SuiteConfig resolve(List<String> args, Map<String, String> env) {
        String profileName = env.getOrDefault("SUITE_PROFILE", "ci");
        Map<Setting, String> cli = new EnumMap<>(Setting.class);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            String key = arg.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException("option --" + key + " needs a value");
            }
            if (key.equals("profile")) {
                profileName = value;
            } else {
                cli.put(Setting.byKey(key), value);
            }
        }
        Profile profile = Profile.named(profileName);
        Map<Setting, String> values = profile.defaults();
        for (Setting s : Setting.values()) {
            String fromEnv = env.get(s.environmentName());
            if (fromEnv != null && !fromEnv.isBlank()) values.put(s, fromEnv.trim());
        }
        values.putAll(cli);
        return build(profile, values, TargetSpec.fromEnvironment(env));
    }

    private static SuiteConfig build(Profile profile, Map<Setting, String> v, TargetSpec target) {
        double writeShare = number(v, Setting.WRITE_SHARE);
        if (writeShare < 0 || writeShare > 0.5) {
            throw invalid(Setting.WRITE_SHARE, v, "must be between 0 and 0.5");
        }
        double rateScale = number(v, Setting.RATE_SCALE);
        if (rateScale <= 0 || rateScale > 1) throw invalid(Setting.RATE_SCALE, v, "must be in (0, 1]");
        String injector = v.get(Setting.INJECTOR);
        if (!injector.matches("[A-Za-z0-9_.-]{1,40}")) {
            throw invalid(Setting.INJECTOR, v, "must be 1-40 letters, digits, '.', '_' or '-'");
        }
        return new SuiteConfig(profile,
                positiveInt(v, Setting.TENANTS),
                positiveInt(v, Setting.MEMORIES_PER_TENANT),
                step(v, Setting.WARMUP), step(v, Setting.BASELINE), step(v, Setting.SUSTAINED), step(v, Setting.PEAK),
                stressRates(v), duration(v, Setting.STRESS_STEP), step(v, Setting.SOAK),
                writeShare,
                (long) number(v, Setting.SEED),
                positiveInt(v, Setting.SEED_CONCURRENCY),
                rateScale, injector, bool(v, Setting.SAMPLE_SERVER),
                duration(v, Setting.REQUEST_TIMEOUT), duration(v, Setting.SAMPLE_INTERVAL),
                duration(v, Setting.PROGRESS_INTERVAL),
                Path.of(v.get(Setting.RUNS_DIR)),
                v.get(Setting.SERVICE_JVM_OPTIONS),
                positiveInt(v, Setting.DB_POOL_SIZE),
                rateLimits(v),
                embeddingLatency(v),
                target,
                rssBudget(v),
                chaos(v),
                percent(v, Setting.STRESS_RESOLUTION),
                share(v, Setting.NEW_QUERY_SHARE),
                largest(v)[0], largest(v)[1]);
    }

    private static int[] largest(Map<Setting, String> v) {
        String text = v.get(Setting.LARGEST_TENANTS).trim();
        if (text.equalsIgnoreCase("off")) return new int[] {0, 0};
        String[] parts = text.split("@");
        try {
            int n = Integer.parseInt(parts[0].trim());
            int m = Integer.parseInt(parts[1].trim());
            if (parts.length != 2 || n <= 0 || m <= 0) throw new NumberFormatException();
            return new int[] {n, m};
        } catch (RuntimeException e) {
            throw invalid(Setting.LARGEST_TENANTS, v, "expected <tenants>@<memories> such as 5@2000, or off");
        }
    }

    private static Optional<Long> rssBudget(Map<Setting, String> v) {
        String text = v.get(Setting.SERVICE_RSS_BUDGET).trim();
        if (text.equalsIgnoreCase("auto")) return Optional.empty();
        try {
            return Optional.of(MemorySize.parse(text));
        } catch (IllegalArgumentException e) {
            throw invalid(Setting.SERVICE_RSS_BUDGET, v, "expected auto or a size such as 1536m or 2g");
        }
    }

    private static String chaos(Map<Setting, String> v) {
        String text = v.get(Setting.CHAOS).trim();
        if (!List.of("ci", "full", "off").contains(text)) throw invalid(Setting.CHAOS, v, "must be ci, full or off");
        return text;
    }

    private static double percent(Map<Setting, String> v, Setting s) {
        double p = number(v, s);
        if (p <= 0 || p > 100) throw invalid(s, v, "must be a percentage in (0, 100]");
        return p;
    }

    private static double share(Map<Setting, String> v, Setting s) {
        double p = number(v, s);
        if (p < 0 || p > 1) throw invalid(s, v, "must be between 0 and 1");
        return p;
    }

    private static Optional<LoadStep> step(Map<Setting, String> v, Setting s) {
        String text = v.get(s);
        if (text.equalsIgnoreCase("off")) return Optional.empty();
        try {
            return Optional.of(LoadStep.parse(text));
        } catch (IllegalArgumentException e) {
            throw invalid(s, v, e.getMessage());
        }
    }

    private static List<Double> stressRates(Map<Setting, String> v) {
        String text = v.get(Setting.STRESS);
        if (text.equalsIgnoreCase("off")) return List.of();
        List<Double> rates = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                double r = Double.parseDouble(part.trim());
                if (r <= 0) throw new NumberFormatException();
                if (!rates.isEmpty() && r <= rates.get(rates.size() - 1)) {
                    throw invalid(Setting.STRESS, v, "rates must increase");
                }
                rates.add(r);
            } catch (NumberFormatException e) {
                throw invalid(Setting.STRESS, v, "expected positive rates separated by commas, or off");
            }
        }
        return List.copyOf(rates);
    }

    private static EmbeddingLatency embeddingLatency(Map<Setting, String> v) {
        try {
            return EmbeddingLatency.parse(v.get(Setting.EMBEDDING_LATENCY));
        } catch (IllegalArgumentException e) {
            throw invalid(Setting.EMBEDDING_LATENCY, v, e.getMessage());
        }
    }

    private static Duration duration(Map<Setting, String> v, Setting s) {
        try {
            return LoadStep.parseDuration(v.get(s));
        } catch (IllegalArgumentException e) {
            throw invalid(s, v, e.getMessage());
        }
    }

    private static boolean rateLimits(Map<Setting, String> v) {
        return switch (v.get(Setting.RATE_LIMITS).trim()) {
            case "sized" -> true;
            case "service" -> false;
            default -> throw invalid(Setting.RATE_LIMITS, v, "must be sized or service");
        };
    }

    private static boolean bool(Map<Setting, String> v, Setting s) {
        return switch (v.get(s).trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid(s, v, "must be true or false");
        };
    }

    private static int positiveInt(Map<Setting, String> v, Setting s) {
        try {
            int n = Integer.parseInt(v.get(s).trim());
            if (n <= 0) throw invalid(s, v, "must be a positive whole number");
            return n;
        } catch (NumberFormatException e) {
            throw invalid(s, v, "must be a positive whole number");
        }
    }

    private static double number(Map<Setting, String> v, Setting s) {
        try {
            return Double.parseDouble(v.get(s).trim());
        } catch (NumberFormatException e) {
            throw invalid(s, v, "must be a number");
        }
    }

    private static IllegalArgumentException invalid(Setting s, Map<Setting, String> v, String why) {
        return new IllegalArgumentException("--" + s.key + "=" + v.get(s) + ": " + why);
    }
}
