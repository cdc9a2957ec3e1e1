#!/usr/bin/env python3
"""Lines of every function, initializer, accessor-free closure-bearing declaration in Sources/ (issue 15).

Usage: scripts/function-lengths.py [--max N] [--top K]
Prints the K longest (default 10) and exits 1 when one is longer than N lines (default 80).
A function's length runs from its `func`/`init` line to its closing brace; braces inside string
literals (including multi-line and interpolations' text) and comments are ignored.
"""
import os, re, sys

DECL = re.compile(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|static|mutating|override|final|nonisolated|@discardableResult)\s+)*(func\s+[^\s(<]+|init[?!]?\s*[(<])')

def code_chars(text):
    """Yields (index, char) of characters outside strings and comments."""
    i, n = 0, len(text)
    while i < n:
        if text.startswith('//', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
            continue
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            i = n if j < 0 else j + 2
            continue
        if text.startswith('"""', i):
            j = text.find('"""', i + 3)
            i = n if j < 0 else j + 3
            continue
        if text[i] == '"':
            i += 1
            depth = 0
            while i < n:
                c = text[i]
                if c == '\\' and i + 1 < n and text[i + 1] == '(':
                    depth += 1; i += 2; continue
                if c == '\\':
                    i += 2; continue
                if depth and c == '(':
                    depth += 1
                elif depth and c == ')':
                    depth -= 1
                elif c == '"' and depth == 0:
                    break
                elif c == '\n':
                    break
                i += 1
            i += 1
            continue
        yield i, text[i]
        i += 1

def functions(path):
    text = open(path, encoding='utf-8').read()
    line_of = []
    ln = 1
    for c in text:
        line_of.append(ln)
        if c == '\n':
            ln += 1
    lines = text.split('\n')
    starts = {}
    for k, l in enumerate(lines, 1):
        m = DECL.match(l)
        if m:
            starts[k] = m.group(1).strip()
    stack, out = [], []
    pending = sorted(starts)
    pi = 0
    for i, c in code_chars(text):
        ln = line_of[i]
        if c == '{':
            name = None
            while pi < len(pending) and pending[pi] <= ln:
                name = (pending[pi], starts[pending[pi]])
                pi += 1
            stack.append(name)
        elif c == '}' and stack:
            name = stack.pop()
            if name:
                out.append((ln - name[0] + 1, path, name[0], name[1]))
    return out

def main():
    limit = 80
    top = 10
    args = sys.argv[1:]
    if '--max' in args: limit = int(args[args.index('--max') + 1])
    if '--top' in args: top = int(args[args.index('--top') + 1])
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'Sources')
    found = []
    for d, _, files in os.walk(root):
        for f in files:
            if f.endswith('.swift'):
                found += functions(os.path.join(d, f))
    found.sort(reverse=True)
    for length, path, line, name in found[:top]:
        print(f"{length:4d}  {os.path.relpath(path, os.path.join(root, '..'))}:{line}  {name}")
    over = [f for f in found if f[0] > limit]
    if over:
        print(f"{len(over)} function(s) over {limit} lines", file=sys.stderr)
        return 1
    return 0

sys.exit(main())
