#!/usr/bin/env bash
# Where Habitat's time goes on benchmark 1: `perf record` (DWARF call graphs, user + kernel)
# of one `habitat build` of N generated pages, then the top functions by inclusive and self
# cost, plus a system-call summary (strace -c). Valgrind 3.19 (Debian 12) cannot read the
# DWARF 5 of Swift 6.3 binaries, hence perf.
#
#   bash Benchmarks/profile.sh            # N=1000 pages
#   PROFILE_N=10000 bash Benchmarks/profile.sh
#   BENCH_HABITAT=path/to/habitat ...     # profile another binary (default: .build-bench)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
N="${PROFILE_N:-1000}"
HABITAT="${BENCH_HABITAT:-$ROOT/.build-bench/scratch/release/habitat}"
[ -x "$HABITAT" ] || { echo "profile.sh: build habitat first (bash Benchmarks/run.sh, or set BENCH_HABITAT)" >&2; exit 1; }
command -v perf >/dev/null || { echo "profile.sh: perf is not installed (apt-get install linux-perf)" >&2; exit 1; }
WORK="$(mktemp -d /tmp/habitat-profile.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
python3 "$ROOT/Benchmarks/hugo-compare/generate.py" "$WORK/in" "$N" >&2
ARGS=(build --content "$WORK/in/habitat" --theme "$ROOT/Benchmarks/hugo-compare/theme-habitat" --clock 2026-01-15)
"$HABITAT" build --help 2>&1 | grep -q -- '--no-search' && ARGS+=(--no-search)
# Every run writes a new folder: on ext4, creating files just after deleting thousands is
# slow for about a minute (recently_deleted()), which would hide Habitat's own costs.
"$HABITAT" "${ARGS[@]}" --output "$WORK/out-warm" 2>&1 | tail -1 >&2      # warm the page cache
perf record -q -F 1999 --call-graph dwarf,16384 -o "$WORK/perf.data" -- "$HABITAT" "${ARGS[@]}" --output "$WORK/out-perf" 2>&1 | grep '^habitat:' >&2 || true
echo "## Profile of habitat build, $N pages ($(date -u +%Y-%m-%d))"
python3 "$ROOT/Benchmarks/lib/perf_top.py" "$WORK/perf.data" "${PROFILE_TOP:-15}"
echo
echo "System calls (strace -c -f):"
strace -f -c -o "$WORK/strace.txt" "$HABITAT" "${ARGS[@]}" --output "$WORK/out-strace" 2>/dev/null || true
head -14 "$WORK/strace.txt"
