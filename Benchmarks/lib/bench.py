#!/usr/bin/env python3
"""Runs the Habitat benchmarks and prints their figures.

    bench.py compare  --habitat BIN --input DIR --theme DIR --runs 5 [--json OUT]
    bench.py national --habitat BIN --content DIR [--content-half DIR] --theme DIR --runs 3 [--json OUT]
    bench.py search   --habitat BIN --input DIR [--theme DIR] --runs 5 [--json OUT]   (issue 20)
    bench.py table    RESULT.json...      (prints the markdown tables again)

Each run is one child process measured with os.wait4: wall time (monotonic clock), CPU
time (user + system, the child and what it waited for) and peak resident memory
(ru_maxrss). The output folder is removed before every run, outside the measured time,
so each tool starts from an empty destination. Tools are alternated run by run (A B A B…)
after one unmeasured warm-up run each, so a disturbance (another compile on the machine)
hits both. Figures are medians with the min–max spread.
"""
import argparse
import glob
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time


def measure(cmd, cwd=None, env=None, timeout=None):
    """Runs cmd; returns wall, cpu (user+sys), peak RSS in MiB, exit code, stderr."""
    err_path = f"/tmp/habitat-bench-stderr-{os.getpid()}"
    with open(err_path, "wb") as err:
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        deadline = None if timeout is None else t0 + timeout
        while True:
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if deadline and time.monotonic() > deadline:
                p.kill()
                pid, status, ru = os.wait4(p.pid, 0)
                status = -1
                break
            time.sleep(0.005)
        wall = time.monotonic() - t0
    p.returncode = os.waitstatus_to_exitcode(status) if status != -1 else -1
    with open(err_path, "rb") as f:
        stderr = f.read().decode("utf-8", "replace")
    os.unlink(err_path)
    return {"wall": wall, "user": ru.ru_utime, "sys": ru.ru_stime, "cpu": ru.ru_utime + ru.ru_stime,
            "rss_mib": ru.ru_maxrss / 1024, "rc": p.returncode, "stderr": stderr, "timed_out": status == -1}


def fresh(out):
    """Each run writes into a folder of its own, deleted only after the measurements.

    Deleting a tree of thousands of files and creating as many just after is slow on ext4:
    for about a minute it skips the inodes it has just freed (recently_deleted()), so a
    run that follows a deletion pays for it in system time, more with every run.
    """
    shutil.rmtree(out, ignore_errors=True)


STAGE_RE = re.compile(r"\(([^()]*\d+ ms[^()]*)\)\s*$")


def stages(stderr):
    """Habitat's summary line ends with '(analyse 548 ms, résolution 5 ms, …)'."""
    for line in reversed(stderr.strip().splitlines()):
        m = STAGE_RE.search(line)
        if m and line.startswith("habitat:"):
            out = {}
            for part in m.group(1).split(","):
                bits = part.strip().split(" ")
                out[" ".join(bits[:-2])] = float(bits[-2]) / 1000
            return out
    return {}


def pages_count(stderr):
    m = re.search(r"habitat: (\d+) pages[^,]*, (\d+) fichiers", stderr)
    return (int(m.group(1)), int(m.group(2))) if m else (None, None)


SEARCH_TIMING_RE = re.compile(r"^habitat-search: mode=(\S+) pages=(\d+) wall=([\d.]+) pagefind_cpu=([\d.]+) habitat_cpu=([\d.]+)$", re.M)


def search_timing(stderr):
    """The line `HABITAT_SEARCH_TIMING=1` makes Habitat print: the index stage alone, with the
    CPU time of the Pagefind child."""
    m = SEARCH_TIMING_RE.search(stderr)
    if not m:
        return {}
    return {"mode": m.group(1), "pages": int(m.group(2)), "wall": float(m.group(3)),
            "pagefind_cpu": float(m.group(4)), "habitat_cpu": float(m.group(5))}


def summary(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def machine():
    cpu = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem, "kernel": platform.release(),
            "date": time.strftime("%Y-%m-%d %H:%M %Z"), "load_before": os.getloadavg()}


def medium(path):
    """The file system the output is written to ("tmpfs", "ext2/ext3"…), as `stat -f` names it."""
    os.makedirs(path, exist_ok=True)
    r = subprocess.run(["stat", "-f", "-c", "%T", path], capture_output=True, text=True)
    return r.stdout.strip() or "?"


def fmt(s, unit="s", digits=2):
    if s is None:
        return "—"
    return f"{s['median']:.{digits}f} {unit} ({s['min']:.{digits}f}–{s['max']:.{digits}f})"


# --------------------------------------------------------------------------- benchmark 1
def compare(a):
    hugo_dir = os.path.join(a.input, "hugo")
    hab_content = os.path.join(a.input, "habitat")
    out_root = a.output or os.path.join(a.input, "out")
    os.makedirs(out_root, exist_ok=True)
    hugo_ver = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip()

    def tool(name, i):
        out = os.path.join(out_root, f"{name}-{i}")
        if name == "hugo":
            return ["hugo", "--quiet", "--destination", out], hugo_dir, out
        return ([a.habitat, "build", "--content", hab_content, "--theme", a.theme, "--output", out,
                 "--clock", "2026-01-15"] + a.habitat_arg), None, out

    runs = {"hugo": [], "habitat": []}
    print(f"benchmark 1: {a.input} ({a.runs} runs each, alternated; warm-up run first)", file=sys.stderr)
    for i in range(a.runs + 1):
        order = ["hugo", "habitat"] if i % 2 == 0 else ["habitat", "hugo"]
        for name in order:
            cmd, cwd, out = tool(name, i)
            fresh(out)
            r = measure(cmd, cwd=cwd)
            if r["rc"] != 0:
                print(f"{name} failed (exit {r['rc']}):\n{r['stderr'][-3000:]}", file=sys.stderr)
                sys.exit(1)
            r["stages"] = stages(r["stderr"]) if name == "habitat" else {}
            label = "warm-up" if i == 0 else f"run {i}"
            print(f"  {label:8} {name:8} wall {r['wall']:6.2f} s  cpu {r['cpu']:6.2f} s  peak {r['rss_mib']:7.1f} MiB"
                  + (f"  {r['stages']}" if r["stages"] else ""), file=sys.stderr)
            if i > 0:
                runs[name].append(r)
    n_pages = len([f for f in os.listdir(os.path.join(hab_content, "pages"))])
    same = identical_html(tool("hugo", a.runs)[2], tool("habitat", a.runs)[2], os.path.join(hab_content, "pages"))
    for i in range(a.runs + 1):
        for name in runs:
            shutil.rmtree(tool(name, i)[2], ignore_errors=True)
    result = {"benchmark": "hugo-compare", "pages": n_pages, "machine": machine(), "hugo": hugo_ver,
              "output": out_root, "medium": medium(out_root),
              "habitat_cmd": " ".join(tool("habitat", "N")[0]), "identical_html": same, "runs": {}}
    for name, rs in runs.items():
        result["runs"][name] = {
            "wall": summary([r["wall"] for r in rs]), "cpu": summary([r["cpu"] for r in rs]),
            "user": summary([r["user"] for r in rs]), "sys": summary([r["sys"] for r in rs]),
            "rss_mib": summary([r["rss_mib"] for r in rs]),
            "stages": {k: summary([r["stages"].get(k) for r in rs]) for k in (rs[0]["stages"] if rs else {})},
            "raw": [{k: r[k] for k in ("wall", "cpu", "user", "sys", "rss_mib")} for r in rs],
        }
    hw, hh = result["runs"]["hugo"]["wall"]["median"], result["runs"]["habitat"]["wall"]["median"]
    result["ratio_wall"] = hh / hw
    result["ratio_cpu"] = result["runs"]["habitat"]["cpu"]["median"] / result["runs"]["hugo"]["cpu"]["median"]
    result["ratio_wall_per_run"] = [h["wall"] / g["wall"] for h, g in zip(runs["habitat"], runs["hugo"])]
    save(a, result)
    print_compare(result)



# --------------------------------------------------------------------------- search index (issue 20)
def search(a):
    """Habitat with its index through `pagefind --service` (HABITAT_SEARCH_MODE=service), Habitat with the former
    CLI path (HABITAT_SEARCH_MODE=cli: Pagefind re-reads the staging folder) and, when Hugo is
    installed and the input has a Hugo site, Hugo then the Pagefind CLI over its output.
    Alternated run by run after one warm-up each; medians and spreads; ratios per run."""
    pagefind = a.pagefind
    hugo_dir = os.path.join(a.input, "hugo") if a.theme else None
    out_root = a.output or os.path.join(a.input, "out-search")
    os.makedirs(out_root, exist_ok=True)
    tools = ["service", "records", "cli"] + (["hugo+pagefind"] if hugo_dir and os.path.isdir(hugo_dir) and shutil.which("hugo") else [])

    def habitat_cmd(out):
        content = os.path.join(a.input, "habitat") if a.theme else a.input
        cmd = [a.habitat, "build", "--content", content, "--output", out, "--clock", a.clock]
        return cmd + (["--theme", a.theme] if a.theme else [])

    def run(name, out):
        fresh(out)
        if name == "hugo+pagefind":
            r1 = measure(["hugo", "--quiet", "--destination", out], cwd=hugo_dir)
            r2 = measure([pagefind, "--site", out, "--force-language", "fr", "--silent"])
            r = {k: r1[k] + r2[k] for k in ("wall", "user", "sys", "cpu")}
            r.update(rss_mib=max(r1["rss_mib"], r2["rss_mib"]), rc=r1["rc"] or r2["rc"], stderr=r1["stderr"] + r2["stderr"])
            return r
        env = dict(os.environ, HABITAT_SEARCH_MODE=name, HABITAT_SEARCH_TIMING="1")
        r = measure(habitat_cmd(out), env=env)
        r["stages"] = stages(r["stderr"])
        r["index"] = search_timing(r["stderr"])
        return r

    runs = {t: [] for t in tools}
    print(f"search: {a.input} ({a.runs} runs each, alternated; warm-up first): {', '.join(tools)}", file=sys.stderr)
    for i in range(a.runs + 1):
        order = tools if i % 2 == 0 else list(reversed(tools))
        for name in order:
            out = os.path.join(out_root, f"{name.replace('+', '-')}-{i}")
            r = run(name, out)
            if r["rc"] != 0:
                print(f"{name} failed (exit {r['rc']}):\n{r['stderr'][-3000:]}", file=sys.stderr)
                sys.exit(1)
            if "search.fallback" in r["stderr"]:
                print(f"{name}: the service failed, the CLI was used:\n{r['stderr'][-2000:]}", file=sys.stderr)
                sys.exit(1)
            label = "warm-up" if i == 0 else f"run {i}"
            print(f"  {label:8} {name:14} wall {r['wall']:6.2f} s  cpu {r['cpu']:6.2f} s  peak {r['rss_mib']:7.1f} MiB"
                  + (f"  {r.get('stages')}" if r.get("stages") else ""), file=sys.stderr)
            if i > 0:
                runs[name].append(r)
            shutil.rmtree(out, ignore_errors=True)
    result = {"benchmark": "search", "input": a.input, "machine": machine(), "tools": tools, "runs": {}}
    for name, rs in runs.items():
        result["runs"][name] = {
            "wall": summary([r["wall"] for r in rs]), "cpu": summary([r["cpu"] for r in rs]),
            "rss_mib": summary([r["rss_mib"] for r in rs]),
            "write_stage": summary([r.get("stages", {}).get("écriture") for r in rs]),
            "index_wall": summary([r.get("index", {}).get("wall") for r in rs]),
            "pagefind_cpu": summary([r.get("index", {}).get("pagefind_cpu") for r in rs]),
            "raw": [{k: r[k] for k in ("wall", "cpu", "rss_mib")} for r in rs],
        }
    result["ratio_service_cli_per_run"] = [s["wall"] / c["wall"] for s, c in zip(runs["service"], runs["cli"])]
    if "hugo+pagefind" in runs:
        result["ratio_service_hugo_per_run"] = [s["wall"] / h["wall"] for s, h in zip(runs["service"], runs["hugo+pagefind"])]
    save(a, result)
    print_search(result)


def print_search(r):
    labels = {"service": "Habitat, index via pagefind --service", "records": "Habitat, index via --service custom records",
              "cli": "Habitat, index via the Pagefind CLI",
              "hugo+pagefind": "Hugo then the Pagefind CLI"}
    n = r["runs"]["service"]["wall"]["n"]
    print(f"\n### Search index — {r['input']} (median of {n} alternated runs, min–max)\n")
    print("| | wall | CPU (user+sys) | peak memory | Habitat write stage (incl. index) | index stage | Pagefind CPU |")
    print("|---|---|---|---|---|---|---|")
    for t in r["tools"]:
        x = r["runs"].get(t)
        if not x:
            continue
        print(f"| {labels[t]} | {fmt(x['wall'])} | {fmt(x['cpu'])} | {fmt(x['rss_mib'], 'MiB', 0)} | {fmt(x['write_stage'])} "
              f"| {fmt(x.get('index_wall'))} | {fmt(x.get('pagefind_cpu'))} |")
    med = lambda xs: statistics.median(xs)
    per = lambda xs: ", ".join(f"{v:.2f}" for v in xs)
    print(f"| service / CLI (wall) | **{med(r['ratio_service_cli_per_run']):.2f}** (per run: {per(r['ratio_service_cli_per_run'])}) | | | |")
    if "ratio_service_hugo_per_run" in r:
        print(f"| service / Hugo + Pagefind (wall) | **{med(r['ratio_service_hugo_per_run']):.2f}** (per run: {per(r['ratio_service_hugo_per_run'])}) | | | |")
    if "hugo+pagefind" in r["runs"]:
        # The default path (the CLI) against Hugo then the Pagefind CLI, pair by pair (issue 20's row),
        # and what Pagefind alone takes of Hugo + Pagefind: no Habitat could go below that share.
        cli = [x["wall"] for x in r["runs"]["cli"]["raw"]]
        hugo = [x["wall"] for x in r["runs"]["hugo+pagefind"]["raw"]]
        pairs = [c / h for c, h in zip(cli, hugo)]
        print(f"| CLI (the default) / Hugo + Pagefind (wall) | **{med(pairs):.2f}** (per run: {per(pairs)}) | | | |")
        index = r["runs"]["cli"]["index_wall"]
        if index and index.get("median"):
            print(f"\nPagefind's index stage alone (CLI path) is {index['median']:.2f} s, "
                  f"{index['median'] / r['runs']['hugo+pagefind']['wall']['median']:.2f} of Hugo + Pagefind's wall time.")


def identical_html(hugo_out, hab_out, pages_dir, sample=25):
    names = sorted(f[:-3] for f in os.listdir(pages_dir) if f.endswith(".md"))
    step = max(1, len(names) // sample)
    differing = []
    for n in names[::step]:
        try:
            a = open(os.path.join(hugo_out, n, "index.html"), encoding="utf-8").read()
            b = open(os.path.join(hab_out, n, "index.html"), encoding="utf-8").read()
        except OSError as e:
            differing.append(f"{n}: {e}")
            continue
        # Habitat wraps every Markdown table in a scrolling region for phones (issue 18); Hugo
        # 0.111 has no table render hook to do the same: compare without that wrapper.
        b = re.sub(r'<div class="defilement" role="region" tabindex="0" aria-label="[^"]*"><table>', "<table>", b)
        b = b.replace("</table></div>", "</table>")
        if a != b:
            differing.append(n)
    return {"checked": len(names[::step]), "differing": differing}


def print_compare(r):
    h, g = r["runs"]["habitat"], r["runs"]["hugo"]
    print(f"\n### Benchmark 1 — {r['pages']} Markdown pages, Habitat vs {r['hugo'].split()[0]}, output on "
          f"{r.get('medium', '?')} (median of {g['wall']['n']} alternated runs, min–max)\n")
    print("| | wall | CPU (user+sys) | peak memory |")
    print("|---|---|---|---|")
    print(f"| Hugo | {fmt(g['wall'])} | {fmt(g['cpu'])} | {fmt(g['rss_mib'], 'MiB', 0)} |")
    print(f"| Habitat | {fmt(h['wall'])} | {fmt(h['cpu'])} | {fmt(h['rss_mib'], 'MiB', 0)} |")
    per_run = ", ".join(f"{x:.2f}" for x in r["ratio_wall_per_run"])
    print(f"| Habitat / Hugo | **{r['ratio_wall']:.2f}** (per run: {per_run}) | {r['ratio_cpu']:.2f} | "
          f"{h['rss_mib']['median'] / g['rss_mib']['median']:.2f} |")
    print(f"\nTarget: Habitat wall ≤ 0.5 × Hugo's → {'met' if r['ratio_wall'] <= 0.5 else 'NOT met'}.")
    if h["stages"]:
        print("Habitat stages (median): " + ", ".join(f"{k} {v['median']:.2f} s" for k, v in h["stages"].items()))
    print(f"Habitat user/sys: {h['user']['median']:.2f} / {h['sys']['median']:.2f} s; "
          f"Hugo user/sys: {g['user']['median']:.2f} / {g['sys']['median']:.2f} s.")
    same = r["identical_html"]
    print(f"Same HTML: {same['checked'] - len(same['differing'])}/{same['checked']} sampled pages byte-identical (apart from Habitat's scroll region around tables)"
          + (f" (differing: {', '.join(same['differing'][:5])})" if same["differing"] else "") + ".")
    m = r["machine"]
    print(f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']}, Linux {m['kernel']}; {m['date']}; "
          f"load before: {', '.join(f'{x:.1f}' for x in m['load_before'])}.")


# --------------------------------------------------------------------------- benchmark 2
def national(a):
    result = {"benchmark": "national", "machine": machine(), "sizes": {},
              "medium": medium(a.output or "/tmp")}
    sizes = ([("full", a.content)] if a.content else []) + ([("half", a.content_half)] if a.content_half else [])
    sizes += [tuple(x.split("=", 1)) for x in a.size]
    outs = []
    for label, content in sizes:
        rs = []
        print(f"benchmark 2 ({label}): {content}, {a.runs} runs (timeout {a.timeout} s)", file=sys.stderr)
        for i in range(a.runs):
            out = os.path.join(a.output or "/tmp", f"habitat-national-site-{label}-{i}")
            cmd = [a.habitat, "build", "--content", content, "--theme", a.theme, "--output", out,
                   "--clock", "2026-01-15"] + a.habitat_arg
            fresh(out)
            r = measure(cmd, timeout=a.timeout)
            outs.append(out)
            if r["timed_out"]:
                print(f"  run {i + 1}: killed after {a.timeout} s (peak {r['rss_mib']:.0f} MiB so far)", file=sys.stderr)
                rs.append(r)
                break
            if r["rc"] != 0:
                print(f"habitat failed (exit {r['rc']}):\n{r['stderr'][-5000:]}", file=sys.stderr)
                sys.exit(1)
            r["stages"] = stages(r["stderr"])
            r["pages"], r["files"] = pages_count(r["stderr"])
            print(f"  run {i + 1}: wall {r['wall']:7.2f} s  cpu {r['cpu']:7.2f} s  peak {r['rss_mib']:7.1f} MiB  "
                  f"{r['pages']} pages  {r['stages']}", file=sys.stderr)
            rs.append(r)
        ok = [r for r in rs if not r["timed_out"]]
        entry = {"content": content, "cmd": " ".join(cmd), "timed_out": any(r["timed_out"] for r in rs),
                 "timeout": a.timeout, "source_files": sum(len(f) for _, _, f in os.walk(content))}
        if ok:
            entry.update({
                "pages": ok[0]["pages"], "files": ok[0]["files"],
                "wall": summary([r["wall"] for r in ok]), "cpu": summary([r["cpu"] for r in ok]),
                "rss_mib": summary([r["rss_mib"] for r in ok]),
                "stages": {k: summary([r["stages"].get(k) for r in ok]) for k in ok[0]["stages"]},
                "raw": [{k: r[k] for k in ("wall", "cpu", "user", "sys", "rss_mib")} for r in ok],
            })
        else:
            entry["killed_at_rss_mib"] = rs[0]["rss_mib"]
        result["sizes"][label] = entry
    for out in outs:
        shutil.rmtree(out, ignore_errors=True)
        # A killed build leaves its staging folder (.<name>.nouveau-<pid>) beside the output.
        for leftover in glob.glob(os.path.join(os.path.dirname(out), "." + os.path.basename(out) + ".*")):
            shutil.rmtree(leftover, ignore_errors=True)
    save(a, result)
    print_national(result)


def print_national(r):
    print(f"\n### Benchmark 2 — national portal on the real reference, output on {r.get('medium', '?')} (median, min–max)\n")
    print("| size | source files | pages (files) | wall | CPU | pages/s | peak memory | stages (median) |")
    print("|---|---|---|---|---|---|---|---|")
    for label, e in r["sizes"].items():
        if "wall" not in e:
            print(f"| {label} | {e['source_files']} | — | killed after {e['timeout']} s | — | — | "
                  f"≥ {e['killed_at_rss_mib']:.0f} MiB | — |")
            continue
        st = ", ".join(f"{k} {v['median']:.2f} s" for k, v in e["stages"].items())
        print(f"| {label} | {e['source_files']} | {e['pages']} ({e['files']}) | {fmt(e['wall'])} | {fmt(e['cpu'])} | "
              f"{e['pages'] / e['wall']['median']:.0f} | {fmt(e['rss_mib'], 'MiB', 0)} | {st} |")
    full, half = r["sizes"].get("full"), r["sizes"].get("half")
    if full and half and "wall" in full and "wall" in half:
        print(f"\nFull / half: wall × {full['wall']['median'] / half['wall']['median']:.2f}, "
              f"peak memory × {full['rss_mib']['median'] / half['rss_mib']['median']:.2f} (linear growth would be × 2).")
        for k in full["stages"]:
            if k in half["stages"] and half["stages"][k]["median"] > 0:
                print(f"  stage {k}: × {full['stages'][k]['median'] / half['stages'][k]['median']:.2f}")
    if full and "wall" in full:
        w, m = full["wall"]["median"], full["rss_mib"]["median"]
        print(f"Targets: < 30 s → {'met' if w < 30 else 'NOT met'} ({w:.1f} s); "
              f"< 1.5 GB → {'met' if m * 1.048576 < 1500 else 'NOT met'} ({m:.0f} MiB).")
    m = r["machine"]
    print(f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']}; {m['date']}; "
          f"load before: {', '.join(f'{x:.1f}' for x in m['load_before'])}.")


def save(a, result):
    if a.json:
        with open(a.json, "w") as f:
            json.dump(result, f, indent=1, ensure_ascii=False)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("compare")
    c.add_argument("--habitat", required=True)
    c.add_argument("--input", required=True)
    c.add_argument("--theme", required=True)
    c.add_argument("--output")
    c.add_argument("--runs", type=int, default=5)
    c.add_argument("--json")
    c.add_argument("--habitat-arg", action="append", default=[])
    n = sub.add_parser("national")
    n.add_argument("--habitat", required=True)
    n.add_argument("--content")
    n.add_argument("--size", action="append", default=[], help="LABEL=CONTENT_DIR, repeatable")
    n.add_argument("--content-half")
    n.add_argument("--theme", required=True)
    n.add_argument("--output")
    n.add_argument("--runs", type=int, default=3)
    n.add_argument("--timeout", type=float, default=900)
    n.add_argument("--json")
    n.add_argument("--habitat-arg", action="append", default=[])
    t = sub.add_parser("table")
    t.add_argument("files", nargs="+")
    q = sub.add_parser("search")
    q.add_argument("--habitat", required=True)
    q.add_argument("--input", required=True, help="benchmark 1's folder (with --theme) or a Content/ folder")
    q.add_argument("--theme")
    q.add_argument("--output")
    q.add_argument("--runs", type=int, default=5)
    q.add_argument("--clock", default="2026-01-15")
    q.add_argument("--pagefind", default=shutil.which("pagefind") or "pagefind")
    q.add_argument("--json")
    a = ap.parse_args()
    if a.cmd == "compare":
        compare(a)
    elif a.cmd == "national":
        national(a)
    elif a.cmd == "search":
        search(a)
    else:
        for f in a.files:
            r = json.load(open(f))
            {"hugo-compare": print_compare, "search": print_search}.get(r["benchmark"], print_national)(r)


if __name__ == "__main__":
    main()
