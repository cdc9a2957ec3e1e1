#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer (swiftc -sanitize=fuzzer, Linux toolchain).
#
#   bash Fuzz/fuzz.sh                 # every harness, 25 s each (what scripts/test.sh runs)
#   bash Fuzz/fuzz.sh 3600 rules csv  # a long run: one hour for each named harness
#
# Harnesses (Fuzz/Harnesses/<name>.swift): frontmatter, csv, json, rules. The engine's modules
# are built with coverage instrumentation into .build-fuzz/ (git-ignored); each harness is then
# linked against them. The seed corpus is Fuzz/corpus/<name>/ (read only); inputs libFuzzer finds
# interesting accumulate in .build-fuzz/corpus/<name>/. A crash, a hang (10 s) or a broken
# invariant stops the harness, keeps the input as .build-fuzz/crash-<name>-*, and fails the script:
# add it as a regression test (Tests/HabitatTests/FuzzTests.swift, "reproducers") and to the seed corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-25}"
shift || true
HARNESSES=("$@")
[ ${#HARNESSES[@]} -eq 0 ] && HARNESSES=(frontmatter csv json rules)
SCRATCH=.build-fuzz
REL="$SCRATCH/release"
mkdir -p "$SCRATCH"
FLAGS=(--scratch-path "$SCRATCH" -c release -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link)

# One target per invocation (SwiftPM honours only the last --target).
swift build "${FLAGS[@]}" --target HabitatContent >"$SCRATCH/build.log" 2>&1 || { cat "$SCRATCH/build.log"; exit 1; }
swift build "${FLAGS[@]}" --target HabitatRules >>"$SCRATCH/build.log" 2>&1 || { cat "$SCRATCH/build.log"; exit 1; }

objects() { find "${@/#/$REL/}" -name '*.o' | sort; }
CYAML_MAP="$(find "$SCRATCH/checkouts/Yams/Sources/CYaml" -name module.modulemap | head -1)"
status=0
for h in "${HARNESSES[@]}"; do
    case "$h" in
        rules) objs=$(objects HabitatCore.build HabitatRules.build); extra=() ;;
        frontmatter|csv|json)
            objs=$(objects HabitatCore.build CMarkdownArena.build HabitatMarkdown.build HabitatContent.build Yams.build CYaml.build)
            extra=(-Xcc "-fmodule-map-file=$CYAML_MAP" -Xcc -fmodule-map-file=Sources/CCmarkGFM/module.modulemap
                   -Xcc "-fmodule-map-file=$REL/CMarkdownArena.build/module.modulemap" -lcmark-gfm -lcmark-gfm-extensions) ;;
        *) echo "unknown harness '$h' (frontmatter, csv, json, rules)"; exit 2 ;;
    esac
    # shellcheck disable=SC2086
    swiftc -sanitize=fuzzer -parse-as-library -O -suppress-warnings -I "$REL/Modules" "${extra[@]}" \
        Fuzz/Harnesses/Common.swift "Fuzz/Harnesses/$h.swift" $objs -o "$REL/fuzz-$h"
    mkdir -p "$SCRATCH/corpus/$h"
    log="$SCRATCH/fuzz-$h.log"
    if "$REL/fuzz-$h" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -seed="${FUZZ_SEED:-1}" \
        -print_final_stats=1 -artifact_prefix="$SCRATCH/crash-$h-" "$SCRATCH/corpus/$h" "Fuzz/corpus/$h" >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
        cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
        corpus=$(find "$SCRATCH/corpus/$h" -type f | wc -l)
        echo "fuzz (libFuzzer) $h: $runs inputs in ${SECONDS_EACH} s ($speed/s), $cov edges, no crash; $corpus inputs kept in $SCRATCH/corpus/$h"
    else
        echo "fuzz (libFuzzer) $h FAILED — the input is kept as $SCRATCH/crash-$h-*:"
        grep -v '^#\|^\s*NEW_FUNC' "$log" | tail -40
        status=1
    fi
done
exit $status
