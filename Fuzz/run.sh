#!/usr/bin/env bash
# Builds the libFuzzer harnesses and runs one of them for a while.
#
#   Fuzz/run.sh TARGET [SECONDS] [LIBFUZZER FLAGS...]
#
# TARGET is plan (the plan parser, edits and outputs), delimited (the CSV/TSV reader
# and the importer) or xlsx (the .xlsx reader and the importer); SECONDS defaults to
# 60. The run starts from the seeds (the example plans, the test fixtures) and from
# what earlier runs found (Fuzz/.corpus/TARGET, or $FUZZ_CORPUS). It exits non-zero when libFuzzer finds
# a crash, a hang (an input taking over 10 s) or memory use over 2 GB; the input that
# did it is saved under Fuzz/crashes/. See docs/hardening.md.
set -euo pipefail
cd "$(dirname "$0")"
export PATH="/opt/swift/usr/bin:$PATH"
# Swift's own backtracer would catch the crash before libFuzzer can record the input.
export SWIFT_BACKTRACE=enable=no
# Leak checking is off: the only leaks found were in the toolchain's FoundationXML
# (an error object per libxml2 error; no reader uses it any more) and in ZIPFoundation (the archive's buffer when
# opening fails), once per read; memory is bounded by -rss_limit_mb instead.
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"

target=${1:-}
seconds=${2:-60}
shift $(( $# < 2 ? $# : 2 ))
case "$target" in
  # Longer seeds are cut to max_len: short inputs run many times faster, and a cut
  # plan is still a plan.
  plan) seeds=(../plans ../Tests/PlanCoreTests/Fixtures/valid ../Tests/PlanCoreTests/Fixtures/hostile); max_len=4096 ;;
  # CSV inputs up to 32 KB: what a wide header costs shows only beyond 4 KB.
  delimited) seeds=(../Tests/PlanImportTests/Fixtures/import); max_len=32768 ;;
  xlsx) seeds=(seeds/xlsx); max_len=8192 ;;
  *) echo "usage: Fuzz/run.sh plan|delimited|xlsx [SECONDS] [LIBFUZZER FLAGS...]" >&2; exit 64 ;;
esac

# SwiftPM keeps this package's build plan, which lists the main package's source files:
# a file added there since the last build would be missing from it ("cannot find … in
# scope"). Dropping the plan makes it look again, at the cost of a few seconds.
rm -f .build/release/description.json
# -sanitize applies to every module, so the readers are instrumented, not only the
# harness. ld.gold fails on the sanitized objects; lld links them.
swift build -c release --product "fuzz-$target" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld >&2

# FUZZ_CORPUS: a folder for what this run finds instead of Fuzz/.corpus/TARGET, for
# a run that must not start from (and take the time to replay) earlier finds.
corpus=${FUZZ_CORPUS:-.corpus/$target}
mkdir -p "$corpus" crashes
existing=()
for folder in "${seeds[@]}"; do [ -d "$folder" ] && existing+=("$folder"); done
echo "fuzz-$target: ${seconds} s from $corpus ${existing[*]}" >&2
".build/release/fuzz-$target" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -max_len="$max_len" -dict="dictionaries/$target.dict" -artifact_prefix="crashes/$target-" \
  "$@" "$corpus" "${existing[@]}"
