#!/usr/bin/env python3
"""Benchmark 3 (issue 9): incremental rebuilds.

On a copy of a Content/ folder (the shipped site by default, or a generated national one):
  - a second `habitat build` with nothing changed;
  - `habitat build` after editing one fiche's text;
  - `habitat serve`: time from saving a fiche to the reload event the open pages receive.
Prints medians (and min–max) of several runs. Usage:
  python3 Benchmarks/incremental/run.py --habitat .build/release/habitat [--content Content] [--runs 5]
"""
import argparse
import json
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[2]


def timed(cmd, cwd):
    start = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{r.stderr[-2000:]}")
    rendered = re.search(r"(\d+) pages rendues", r.stderr)
    return elapsed, int(rendered.group(1)) if rendered else -1, "rien n'a changé" in r.stderr


def summary(values):
    return f"{statistics.median(values) * 1000:8.0f} ms (min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f}, n={len(values)})"


def figures(values):
    """Median, min, max and every run, in milliseconds (for --json)."""
    return {"median_ms": round(statistics.median(values) * 1000, 1), "min_ms": round(min(values) * 1000, 1),
            "max_ms": round(max(values) * 1000, 1), "runs_ms": [round(v * 1000, 1) for v in values]}


def first_fiche(content):
    fiches = sorted((content / "plans").glob("*/actions/*.md"))
    return fiches[len(fiches) // 2]


def serve_latency(habitat, work, fiche, runs, clock):
    proc = subprocess.Popen([habitat, "serve", "--port", "0", "--no-search", "--clock", clock], cwd=work,
                            stderr=subprocess.PIPE, text=True)
    url = None
    for line in proc.stderr:
        m = re.search(r"http://(127\.0\.0\.1:\d+)/", line)
        if m:
            url = "http://" + m.group(1)
            break
    threading.Thread(target=lambda: [None for _ in proc.stderr], daemon=True).start()
    events = []
    def listen():
        with urllib.request.urlopen(url + "/_habitat/evenements", timeout=600) as r:
            name = None
            for raw in r:
                line = raw.decode().rstrip("\n")
                if line.startswith("event: "):
                    name = line[7:]
                elif line.startswith("data: ") and name == "rechargement":
                    events.append((time.perf_counter(), json.loads(line[6:])))
    threading.Thread(target=listen, daemon=True).start()
    time.sleep(1.0)
    latencies, server_ms, rendered = [], [], []
    try:
        for i in range(runs):
            before = len(events)
            t0 = time.perf_counter()
            with open(fiche, "a", encoding="utf-8") as f:
                f.write(f"\nMesure {i}.\n")
            while len(events) == before:
                if time.perf_counter() - t0 > 120:
                    raise SystemExit("no reload event within 120 s")
                time.sleep(0.002)
            t1, data = events[before]
            latencies.append(t1 - t0)
            server_ms.append(data["ms"] / 1000)
            rendered.append(data["pages_rendues"])
            time.sleep(0.5)
    finally:
        proc.send_signal(2)
        proc.wait(30)
    return latencies, server_ms, rendered


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--habitat", default=str(ROOT / ".build" / "release" / "habitat"))
    ap.add_argument("--content", default=str(ROOT / "Content"))
    ap.add_argument("--theme", default=str(ROOT / "Themes"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--clock", default="2026-11-23")
    ap.add_argument("--json", help="also write the figures there")
    ap.add_argument("--skip-serve", action="store_true")
    args = ap.parse_args()
    habitat = os.path.abspath(args.habitat)
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        shutil.copytree(args.content, work / "Content")
        shutil.copytree(args.theme, work / "Themes")
        build = [habitat, "build", "--no-search", "--clock", args.clock]
        full, pages, _ = timed(build, work)
        # The first build after a change cannot vouch for files saved less than 2 s before it
        # started (their time stamps could hide a second save): it takes the normal path and
        # records the snapshot; the runs after it are the "nothing to do" path. Both are shown.
        # Files copied a moment ago are all "recent": wait until none is, as after a real edit.
        time.sleep(2.5)
        settle = [timed(build, work)]
        nochange = [timed(build, work) for _ in range(args.runs)]
        fiche = first_fiche(work / "Content")
        edits = []
        for i in range(args.runs):
            with open(fiche, "a", encoding="utf-8") as f:
                f.write(f"\nRévision {i}.\n")
            edits.append(timed(build, work))
        print(f"incremental ({args.content}, {pages} pages, fiche {fiche.relative_to(work / 'Content')}):")
        print(f"  full build (first)              {full * 1000:8.0f} ms")
        print(f"  build, nothing changed (first)  {settle[0][0] * 1000:8.0f} ms, pages rendered: {settle[0][1]}, nothing-to-do path: {settle[0][2]}")
        print(f"  build, nothing changed          {summary([t for t, _, _ in nochange])}, pages rendered: {nochange[0][1]}, "
              f"nothing-to-do path: {sum(u for _, _, u in nochange)}/{len(nochange)}")
        print(f"  build after editing one fiche   {summary([t for t, _, _ in edits])}, pages rendered: {edits[0][1]}")
        result = {"content": str(args.content), "pages": pages, "full_ms": round(full * 1000, 1),
                  "nochange_first_ms": round(settle[0][0] * 1000, 1), "nochange": figures([t for t, _, _ in nochange]),
                  "one_fiche_build": figures([t for t, _, _ in edits])}
        if not args.skip_serve:
            latencies, server_ms, rendered = serve_latency(habitat, work, fiche, args.runs, args.clock)
            print(f"  serve: save → reload event      {summary(latencies)}, of which rebuild {summary(server_ms)}, pages rendered: {rendered}")
            result.update({"serve_latency": figures(latencies), "serve_rebuild": figures(server_ms)})
        if args.json:
            pathlib.Path(args.json).write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
