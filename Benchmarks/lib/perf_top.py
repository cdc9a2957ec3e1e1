#!/usr/bin/env python3
"""Summarises `perf report --children` output: top functions by inclusive and by self cost,
Swift names demangled, thread/executor plumbing left out.

    perf_top.py PERF_DATA [TOP]
"""
import re
import subprocess
import sys

PLUMBING = re.compile(r"^(clone3|start_thread|_dispatch_|swift_job_run|swift::runJob|entry_SYSCALL|do_syscall_64|"
                      r"0x[0-9a-f]+$|__libc_start|main$|_start$|swift::|async_MainTY|\$s7habitat|"
                      r"\[unknown\])")


def demangle(names):
    try:
        out = subprocess.run(["swift", "demangle", "--simplified", "--compact"], input="\n".join(names),
                             capture_output=True, text=True, check=True).stdout.splitlines()
        return out if len(out) == len(names) else names
    except (OSError, subprocess.CalledProcessError):
        return names


def rows(data, children):
    args = ["perf", "report", "-i", data, "--sort", "symbol", "--stdio", "-g", "none", "--percent-limit", "0.5"]
    args.append("--children" if children else "--no-children")
    text = subprocess.run(args, capture_output=True, text=True).stdout
    out = []
    for line in text.splitlines():
        m = re.match(r"\s*([\d.]+)%\s+(?:([\d.]+)%\s+)?\[(.)\]\s+(.*?)\s*$", line)
        if m:
            out.append((float(m.group(1)), m.group(3), re.sub(r"(\s+-)+$", "", m.group(4)).replace(" (inlined)", "")))
    return out


def show(title, rs, top):
    names = demangle([r[2] for r in rs])
    seen, shown = set(), 0
    print(f"\n{title}")
    for (pct, space, _), name in zip(rs, names):
        short = re.sub(r"\s+", " ", name)
        if PLUMBING.match(short) or short in seen:
            continue
        seen.add(short)
        where = "kernel" if space == "k" else "user"
        print(f"  {pct:5.1f}%  [{where}] {short[:150]}")
        shown += 1
        if shown >= top:
            break


def main():
    data = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    show("Top functions by inclusive cost (children):", rows(data, True), top)
    show("Top functions by self cost:", rows(data, False), top)


if __name__ == "__main__":
    main()
