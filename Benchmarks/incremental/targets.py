#!/usr/bin/env python3
"""The three incremental figures of issue 20 against their targets, from run.py's --json files.

    targets.py SHIPPED.json [NATIONAL.json]
"""
import json
import pathlib
import sys


def load(path):
    p = pathlib.Path(path)
    return json.loads(p.read_text()) if p.exists() else None


def row(label, fig, target_ms):
    if fig is None:
        return f"| {label} | not measured | < {target_ms} ms | — |"
    met = "yes" if fig["median_ms"] < target_ms else "**no**"
    runs = len(fig["runs_ms"])
    return (f"| {label} | {fig['median_ms']:.0f} ms (min {fig['min_ms']:.0f}, max {fig['max_ms']:.0f}, {runs} runs)"
            f" | < {target_ms} ms | {met} |")


def main():
    shipped = load(sys.argv[1]) if len(sys.argv) > 1 else None
    national = load(sys.argv[2]) if len(sys.argv) > 2 else None
    print()
    print("| incremental figure (issue 20) | median (spread) | target | met? |")
    print("|---|---|---|---|")
    print(row("national, one fiche edited, `serve` rebuild", (national or {}).get("serve_rebuild"), 300))
    print(row("national, nothing changed, `habitat build`", (national or {}).get("nochange"), 1000))
    print(row("shipped site, one fiche edited, `habitat build`", (shipped or {}).get("one_fiche_build"), 150))


if __name__ == "__main__":
    main()
