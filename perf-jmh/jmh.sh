#!/usr/bin/env bash
# Runs the JMH microbenchmarks in a profile and gates their ratios against the committed baseline.
#
#   perf-jmh/jmh.sh quick [OUT_DIR]                      quick profile (CI, a few minutes), then the gate
#   perf-jmh/jmh.sh full  [OUT_DIR]                      full profile (all params, 2 forks), then the gate
#   perf-jmh/jmh.sh gate  quick|full RESULT.json         the gate alone, on a saved result
#   perf-jmh/jmh.sh update-baseline quick|full RESULT.json... [--tolerance FLOOR] [--only PREFIX] [--at-least B.json]
#                                                        rewrite baseline/<profile>.json (deliberate; commit it). From
#                                                        several runs: median ratios, per-benchmark tolerance from spread;
#                                                        --only: just the benchmarks whose name starts with PREFIX;
#                                                        --at-least: no tolerance below B.json's for the same benchmark
#   perf-jmh/jmh.sh spread RESULT.json RESULT.json...    run-to-run spread of the ratios
#
# OUT_DIR receives jmh-result.json (default perf-jmh/target/jmh/<profile>); pass a load run's "<run>/jmh" to put
# it where `reports` reads it (docs/contracts.md §3). Extra JVM flags for the forks: JMH_JVM_ARGS (e.g. the
# slowed-ranking demonstration in the README). Needs perf-jmh/target/benchmarks.jar
# (./mvnw -q -pl perf-jmh -am package -DskipTests).
# Exit: 0 passed, 1 a ratio regressed (or a baseline entry is missing), 2 unusable input or a benchmark failed.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
JAR="$HERE/target/benchmarks.jar"
GATE=(java -cp "$JAR" io.recallbricks.bench.gate.RatioGate)

# CPU time per operation of the benchmark threads, which the gate compares (README, "What the gate compares").
CPU_PROFILER="-prof io.recallbricks.bench.cpu.ThreadCpuTimeProfiler"

# One place for the profiles' JMH options.
profile_options() {
  case "$1" in
    # 2 forks of short iterations (fork-to-fork JIT variation shows up in the spread), few params.
    quick) echo "$CPU_PROFILER -f 2 -wi 3 -w 1s -i 3 -r 500ms -p vectors=1000,10000 -p dims=384" ;;
    # The annotations' settings: 2 forks, 3 x 2 s warm-up, 5 x 2 s measurement, every param.
    full) echo "$CPU_PROFILER" ;;
    *) echo "unknown profile '$1' (quick or full)" >&2; exit 2 ;;
  esac
}

need_jar() {
  [[ -f "$JAR" ]] || { echo "missing $JAR: run ./mvnw -q -f perf-jmh/pom.xml package" >&2; exit 2; }
}

run_profile() {
  local profile=$1 out=${2:-"$HERE/target/jmh/$1"}
  local options
  options=$(profile_options "$profile")
  mkdir -p "$out"
  local jvm_args=()
  [[ -n "${JMH_JVM_ARGS:-}" ]] && jvm_args=(-jvmArgsAppend "$JMH_JVM_ARGS")
  # -foe: a benchmark that throws fails the run instead of leaving a hole the gate would call MISSING.
  # shellcheck disable=SC2086
  if ! java -jar "$JAR" $options "${jvm_args[@]}" -foe true -rf json -rff "$out/jmh-result.json"; then
    echo "jmh: a benchmark failed; see above" >&2
    exit 2
  fi
  "${GATE[@]}" check --baseline "$HERE/baseline/$profile.json" "$out/jmh-result.json"
}

need_jar
case "${1:-}" in
  quick|full) run_profile "$1" "${2:-}" ;;
  gate) profile_options "$2" >/dev/null; "${GATE[@]}" check --baseline "$HERE/baseline/$2.json" "$3" ;;
  update-baseline) profile_options "$2" >/dev/null; "${GATE[@]}" update --profile "$2" --baseline "$HERE/baseline/$2.json" "${@:3}" ;;
  spread) shift; "${GATE[@]}" spread "$@" ;;
  *) sed -n '2,18p' "$0" >&2; exit 2 ;;
esac
