package io.recallbricks.bench.ranking;

/**
 * The JVM flag the ranking benchmarks fork with: {@code -Xbatch}, the JIT compiles in the foreground, so every fork
 * compiles {@code UserVectors.top} from the same profile in the same order and settles in the same steady state.
 *
 * <p>Why: with background compilation (the default), the compiled code of the ranking loop depended on a race
 * between compiler threads (whether {@code PriorityQueue.offer} was compiled before {@code top} and then not
 * inlined, whether a {@code profile_predicate} trap recompiled it) and each fork kept its outcome for its whole
 * life: 8 forks of {@code topK[384,1000]} settled at 131–138 µs (3 forks) or 170–188 µs (5 forks) of CPU per
 * operation, each within 2 % across its own iterations, while the plain reference loop stayed within 5 % across all
 * forks and runs. The gate's ratio then depended on which mode the forks happened to draw (0.69 or 1.11). With
 * {@code -Xbatch}, 8 of 8 forks landed at 166–175 µs (README, "Measured spread and the tolerance"). Production runs
 * either mode; the gate needs the same code measured every time. Prepended, so {@code -jvmArgsAppend} (the
 * slowed-loop demonstration) does not replace it.
 */
final class ForegroundJit {

    static final String FLAG = "-Xbatch";

    private ForegroundJit() {
    }
}
