#!/usr/bin/env bash
# Habitat performance benchmarks (issue 9). One command:
#
#   bash Benchmarks/run.sh
#
# installs Hugo if missing (Debian package), builds Habitat in release into .build-bench/
# (a snapshot of Sources/, so edits made meanwhile cannot break the build), generates the
# inputs into a temporary folder (never committed), checks them with `habitat check`, runs
#   1. hugo-compare  N Markdown pages, Hugo vs Habitat, alternated runs, medians
#   2. national      national portal on the real reference (34 875 communes) and its half-size version
#   3. incremental   second build with nothing changed, build after editing one fiche, and the
#                    preview's save → reload latency, on the shipped site and on the national
#                    portal of benchmark 2 (when it ran)
# and prints a table of figures. Settings (environment):
#   BENCH_N=10000           pages for benchmark 1
#   BENCH_RUNS=5            measured runs per tool for benchmark 1 (plus one warm-up each)
#   BENCH_NATIONAL_RUNS=3   measured runs per size for benchmark 2
#   BENCH_SCALE=1.0         size of the national portal (1.0 = 35 000 communes)
#   BENCH_TIMEOUT=900       seconds after which a national build is killed and reported as such
#                           (the target is 30 s; a killed size is not run again)
#   BENCH_ONLY=compare|search|national|incremental   run one benchmark only (compare includes search)
#   BENCH_SHIPPED_RUNS=3    measured runs per path of the search-index benchmark on the shipped site
#   BENCH_SEARCH=0          1 = let Habitat build its Pagefind index (Hugo has no equivalent)
#   BENCH_REV=HEAD          build this committed revision (default: the working tree as it is)
#   BENCH_HABITAT=path      use this habitat binary instead of building one
#   BENCH_THEME=dir         theme for benchmark 2 (default: Themes/default of the snapshot
#                           built, or of the working tree with BENCH_HABITAT)
#   BENCH_WORK=dir          where inputs, outputs and results go (default: mktemp -d)
#   BENCH_KEEP=0            1 = keep BENCH_WORK afterwards
#   BENCH_OUTPUT_DIR=dir    where benchmarks 1 and 2 write their sites; when unset, each runs twice:
#                           on tmpfs (/dev/shm, the disk out of the measure) and on disk (inside
#                           BENCH_WORK; on ext4, creating thousands of files just after deleting
#                           thousands is slow for a minute)
#   BENCH_INC_RUNS=5        measured runs of benchmark 3 on the shipped site
#   BENCH_INC_NATIONAL=1    0 = benchmark 3 on the shipped site only (else the national portal is
#                           generated for it when benchmark 2 did not run)
#   BENCH_INC_NATIONAL_RUNS=3  measured runs of benchmark 3 on the national portal
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH="$ROOT/Benchmarks"
N="${BENCH_N:-10000}"
RUNS="${BENCH_RUNS:-5}"
NRUNS="${BENCH_NATIONAL_RUNS:-3}"
SCALE="${BENCH_SCALE:-1.0}"
TIMEOUT="${BENCH_TIMEOUT:-900}"
ONLY="${BENCH_ONLY:-}"
log() { printf '%s\n' "run.sh: $*" >&2; }

# --- tools -------------------------------------------------------------------------------
if ! command -v hugo >/dev/null 2>&1 && [ -z "$ONLY" -o "$ONLY" = compare ]; then
  log "installing hugo (apt)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null; }
fi

if [ -n "${BENCH_HABITAT:-}" ]; then
  HABITAT="$BENCH_HABITAT"
else
  pkg-config --exists libcmark-gfm 2>/dev/null || bash "$ROOT/scripts/install-deps.sh"
  SNAP="$ROOT/.build-bench/src"
  NEW="$ROOT/.build-bench/src.new"
  rm -rf "$NEW" && mkdir -p "$NEW"
  if [ -n "${BENCH_REV:-}" ]; then      # a committed revision, e.g. BENCH_REV=HEAD
    git -C "$ROOT" archive "$BENCH_REV" Package.swift Sources Tests Themes | tar -x -C "$NEW"
  else                                  # the working tree as it is now
    cp -a "$ROOT/Package.swift" "$ROOT/Sources" "$ROOT/Tests" "$ROOT/Themes" "$NEW/"
  fi
  [ -f "$ROOT/Package.resolved" ] && cp -a "$ROOT/Package.resolved" "$NEW/"
  # Replace the snapshot only when the sources differ, so unchanged files are not rebuilt.
  if diff -rq "$NEW" "$SNAP" >/dev/null 2>&1; then rm -rf "$NEW"; else rm -rf "$SNAP" && mv "$NEW" "$SNAP"; fi
  log "building habitat (release) from a snapshot of ${BENCH_REV:-the working tree} in .build-bench/"
  (cd "$SNAP" && swift build -c release --scratch-path "$ROOT/.build-bench/scratch" --product habitat 2>&1 | tail -3) >&2
  HABITAT="$ROOT/.build-bench/scratch/release/habitat"
  # The default theme of the same snapshot: templates and engine change together.
  THEME="${BENCH_THEME:-$SNAP/Themes/default}"
fi
THEME="${THEME:-${BENCH_THEME:-$ROOT/Themes/default}}"
[ -x "$HABITAT" ] || { log "no habitat binary at $HABITAT"; exit 1; }
SEARCH_ARGS=()
if [ "${BENCH_SEARCH:-0}" != 1 ] && "$HABITAT" build --help 2>&1 | grep -q -- '--no-search'; then
  SEARCH_ARGS=(--habitat-arg=--no-search)
fi

WORK="${BENCH_WORK:-$(mktemp -d /tmp/habitat-bench.XXXXXX)}"
mkdir -p "$WORK"
if [ "${BENCH_KEEP:-0}" != 1 ] && [ -z "${BENCH_WORK:-}" ]; then trap 'rm -rf "$WORK"' EXIT; fi
log "work folder: $WORK"
REV="$(git -C "$ROOT" rev-parse --short "${BENCH_REV:-HEAD}" 2>/dev/null || echo '?')"
[ -n "${BENCH_HABITAT:-}" ] && REV="binary $BENCH_HABITAT"
DIRTY=0
[ -z "${BENCH_REV:-}" ] && [ -z "${BENCH_HABITAT:-}" ] && DIRTY="$(git -C "$ROOT" status --porcelain -- Sources 2>/dev/null | wc -l)"

check() {  # check CONTENT THEME: habitat check, diagnostics printed, stop on error
  log "habitat check --content $1 --theme $2"
  if ! "$HABITAT" check --content "$1" --theme "$2" > "$WORK/check.txt" 2>&1; then
    grep -m 40 -E 'error|erreur' "$WORK/check.txt" >&2 || tail -40 "$WORK/check.txt" >&2
    log "habitat check failed on generated input; see the messages above"
    exit 1
  fi
  tail -1 "$WORK/check.txt" >&2
}

# Where benchmarks 1 and 2 write: the given folder, or tmpfs then disk.
if [ -n "${BENCH_OUTPUT_DIR:-}" ]; then
  OUTPUTS=("$BENCH_OUTPUT_DIR")
else
  SHM="$(mktemp -d /dev/shm/habitat-bench.XXXXXX)"
  trap 'rm -rf "$SHM"' EXIT
  [ "${BENCH_KEEP:-0}" != 1 ] && [ -z "${BENCH_WORK:-}" ] && trap 'rm -rf "$SHM" "$WORK"' EXIT
  OUTPUTS=("$SHM" "$WORK/out-disk")
fi

RESULTS=()
# --- 1. Hugo comparison --------------------------------------------------------------------
if [ -z "$ONLY" ] || [ "$ONLY" = compare ]; then
  log "benchmark 1: generating $N pages"
  python3 "$BENCH/hugo-compare/generate.py" "$WORK/compare" "$N" >&2
  check "$WORK/compare/habitat" "$BENCH/hugo-compare/theme-habitat"
  for i in "${!OUTPUTS[@]}"; do
    python3 "$BENCH/lib/bench.py" compare --habitat "$HABITAT" --input "$WORK/compare" \
      --theme "$BENCH/hugo-compare/theme-habitat" --runs "$RUNS" --json "$WORK/compare-$i.json" "${SEARCH_ARGS[@]}" \
      --output "${OUTPUTS[$i]}/compare" >/dev/null
    RESULTS+=("$WORK/compare-$i.json")
  done
fi

# --- 1b. Search index (issue 20) -----------------------------------------------------------
# Habitat with its index through `pagefind --service` (`HABITAT_SEARCH_MODE=service`: pages as HTML; `records`: pages as
# custom records of their text), with the former CLI path
# (HABITAT_SEARCH_MODE=cli), and Hugo then the Pagefind CLI, alternated; on benchmark 1's
# pages and on the shipped site (Content/, Themes/default of the snapshot).
if [ -z "$ONLY" ] || [ "$ONLY" = compare ] || [ "$ONLY" = search ]; then
  PAGEFIND="$(command -v pagefind || python3 -c "import pagefind_bin, os; print(os.path.join(os.path.dirname(pagefind_bin.__file__), 'pagefind'))")"
  if [ ! -d "$WORK/compare" ]; then
    python3 "$BENCH/hugo-compare/generate.py" "$WORK/compare" "$N" >&2
  fi
  log "search index: $N pages, service vs records vs CLI vs Hugo + Pagefind"
  python3 "$BENCH/lib/bench.py" search --habitat "$HABITAT" --input "$WORK/compare" \
    --theme "$BENCH/hugo-compare/theme-habitat" --runs "$RUNS" --pagefind "$PAGEFIND" \
    --json "$WORK/search-compare.json" --output "${OUTPUTS[0]}/search" >/dev/null
  RESULTS+=("$WORK/search-compare.json")
  log "search index: shipped site, service vs records vs CLI"
  (cd "$(dirname "$(dirname "$THEME")")" && python3 "$BENCH/lib/bench.py" search --habitat "$HABITAT" --input "$ROOT/Content" \
    --runs "${BENCH_SHIPPED_RUNS:-3}" --clock 2026-11-23 --pagefind "$PAGEFIND" \
    --json "$WORK/search-shipped.json" --output "${OUTPUTS[0]}/search-shipped" >/dev/null)
  RESULTS+=("$WORK/search-shipped.json")
fi

# --- 2. National portal --------------------------------------------------------------------
if [ -z "$ONLY" ] || [ "$ONLY" = national ]; then
  HALF="$(python3 -c "print($SCALE / 2)")"
  log "benchmark 2: generating the national portal (scale $SCALE) and its half ($HALF)"
  python3 "$BENCH/national/generate.py" "$WORK/national-full" --scale "$SCALE" >&2
  python3 "$BENCH/national/generate.py" "$WORK/national-half" --scale "$HALF" >&2
  # `habitat check` renders every page, so on the full portal it costs as much as a build:
  # validate a 2 % sample made by the same generator; the measured builds fail loudly anyway.
  python3 "$BENCH/national/generate.py" "$WORK/national-sample" --scale 0.02 >&2
  check "$WORK/national-sample" "$THEME"
  for i in "${!OUTPUTS[@]}"; do
    python3 "$BENCH/lib/bench.py" national --habitat "$HABITAT" --content "$WORK/national-full" \
      --content-half "$WORK/national-half" --theme "$THEME" --output "${OUTPUTS[$i]}/national" \
      --runs "$NRUNS" --timeout "$TIMEOUT" --json "$WORK/national-$i.json" "${SEARCH_ARGS[@]}" >/dev/null
    RESULTS+=("$WORK/national-$i.json")
  done
fi

# --- 3. Incremental ------------------------------------------------------------------------
INCREMENTAL=()
if [ -z "$ONLY" ] || [ "$ONLY" = incremental ]; then
  log "benchmark 3: incremental builds and preview latency, shipped site"
  python3 "$BENCH/incremental/run.py" --habitat "$HABITAT" --content "$ROOT/Content" \
    --theme "$(dirname "$THEME")" --runs "${BENCH_INC_RUNS:-5}" --json "$WORK/incremental-shipped.json" > "$WORK/incremental-shipped.txt"
  INCREMENTAL+=("$WORK/incremental-shipped.txt")
  if [ ! -d "$WORK/national-full" ] && [ "${BENCH_INC_NATIONAL:-1}" = 1 ]; then
    log "benchmark 3: generating the national portal (scale $SCALE)"
    python3 "$BENCH/national/generate.py" "$WORK/national-full" --scale "$SCALE" >&2
  fi
  if [ -d "$WORK/national-full" ]; then
    log "benchmark 3: incremental builds and preview latency, national portal"
    python3 "$BENCH/incremental/run.py" --habitat "$HABITAT" --content "$WORK/national-full" \
      --theme "$(dirname "$THEME")" --runs "${BENCH_INC_NATIONAL_RUNS:-3}" --clock 2026-01-15 \
      --json "$WORK/incremental-national.json" > "$WORK/incremental-national.txt"
    INCREMENTAL+=("$WORK/incremental-national.txt")
  fi
fi

# --- report --------------------------------------------------------------------------------
echo "## Habitat benchmarks — $(date -u +%Y-%m-%d), habitat ${REV}$([ "$DIRTY" -gt 0 ] && echo " + $DIRTY uncommitted source change(s)")"
echo "Habitat options: $(printf "%s " "${SEARCH_ARGS[@]#--habitat-arg=}")--clock 2026-01-15"
[ ${#RESULTS[@]} -gt 0 ] && python3 "$BENCH/lib/bench.py" table "${RESULTS[@]}"
if [ ${#INCREMENTAL[@]} -gt 0 ]; then
  echo; echo "### Benchmark 3 — incremental (median, min–max)"; echo
  for f in "${INCREMENTAL[@]}"; do echo '```'; cat "$f"; echo '```'; done
  echo "Load when benchmark 3 ended: $(uptime | sed 's/.*load average/load average/')"
  python3 "$BENCH/incremental/targets.py" "$WORK/incremental-shipped.json" "$WORK/incremental-national.json"
fi
[ -n "${BENCH_WORK:-}" ] || [ "${BENCH_KEEP:-0}" = 1 ] && log "results kept in $WORK"
exit 0
