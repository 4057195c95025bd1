package io.recallbricks.perf.provision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child process of the suite (the service, the fake embedding API) with its output in a log file of the run
 * folder. Closing it asks it to stop (SIGTERM), waits, then kills it and anything it started.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(15);

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path log)
            throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        return new ManagedProcess(name, pb.start(), log);
    }

    /** Waits until the log shows a line matching the pattern and returns its first group. */
    public String awaitLine(Pattern pattern, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) return m.group(1);
            ensureAlive();
            Thread.sleep(100);
        }
        throw new ProvisioningException(name + " did not print /" + pattern + "/ within " + timeout.toSeconds()
                + " s; see " + log);
    }

    public void ensureAlive() throws IOException {
        if (!process.isAlive()) {
            throw new ProvisioningException(name + " exited with code " + process.exitValue() + "; last lines of "
                    + log + ":\n" + tail(15));
        }
    }

    public String tail(int lines) throws IOException {
        List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
            System.out.println("  " + name + " ignored SIGTERM for " + GRACE.toSeconds() + " s: killing it");
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        // Whatever it started and left behind (orphans would keep ports): terminate, wait, then kill.
        for (ProcessHandle child : children) {
            if (!child.isAlive()) continue;
            child.destroy();
            try {
                child.onExit().get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                child.destroyForcibly();
                try {
                    child.onExit().get(5, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException ignored) {
                    System.out.println("  could not kill pid " + child.pid() + " started by " + name);
                }
            }
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
