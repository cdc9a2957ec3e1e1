"""The staff guides (docs/*.md) cannot drift from the tool: every example they mark is run.

A marked example is an HTML comment (invisible in the rendered guide) followed by a fenced
block whose info string is `console`:

    <!-- essai: Content/tables/x.csv | 217 | deux cent dix-sept -->
    ```console
    $ habitat check
    Content/tables/x.csv:3:47: erreur : « deux cent dix-sept » n'est pas un nombre entier … [table.invalid-number]
    ```

Each `essai:` line edits a copy of the project before the commands run: in the file, the first
occurrence of the text before the second `|` is replaced by the text after it (`\\n` is a line
break); `essai: renommer: A | B` renames file A to B; an empty `essai:` changes nothing. Lines of the block that start with `$ ` are commands (`habitat` is the binary under
test; the build date is fixed with SOURCE_DATE_EPOCH). The other lines are what the guide
says the tool prints: each must be printed (`…` stands for any text), and every error the tool
prints must be quoted. No-break spaces are compared as spaces.
"""
import os
import pathlib
import re
import shlex
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
HABITAT = os.environ.get("HABITAT_BIN", str(ROOT / ".build" / "debug" / "habitat"))
GUIDES = sorted((ROOT / "docs").glob("*.md"))
MARKED = re.compile(r"<!--\s*(essai:.*?)-->[ \t]*\n([ \t]*)```console\n(.*?)^[ \t]*```", re.S | re.M)


def examples():
    for guide in GUIDES:
        text = guide.read_text(encoding="utf-8")
        for n, m in enumerate(MARKED.finditer(text), 1):
            line = text.count("\n", 0, m.start()) + 1
            indent = len(m.group(2))
            block = "\n".join(l[indent:] if l[:indent].strip() == "" else l for l in m.group(3).splitlines())
            yield pytest.param(guide.name, m.group(1), block, id=f"{guide.name}:{line}")


def plain(s):
    return s.replace("\u00a0", " ").replace("\u202f", " ").rstrip()


def matches(expected, printed):
    if "…" not in expected:
        return expected == printed
    pattern = ".*".join(re.escape(part) for part in expected.split("…"))
    return re.fullmatch(pattern, printed) is not None


def test_guides_mark_their_examples():
    assert len(list(examples())) >= 10, "the guides lost their checked examples"


@pytest.mark.parametrize("guide,setup,block", list(examples()))
def test_guide_example(tmp_path, guide, setup, block):
    for folder in ("Content", "Themes"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    for edit in re.findall(r"essai:(.*)", setup):
        if not edit.strip():
            continue
        if edit.strip().startswith("renommer:"):
            source, target = (part.strip() for part in edit.strip()[len("renommer:"):].split("|"))
            assert (tmp_path / source).exists(), f"{guide}: no file {source}"
            (tmp_path / source).rename(tmp_path / target)
            continue
        path, old, new = (part.strip() for part in edit.split("|"))
        old, new = old.replace("\\n", "\n"), new.replace("\\n", "\n")
        target = tmp_path / path
        text = target.read_text(encoding="utf-8")
        assert old in text, f"{guide}: « {old} » is not in {path}"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    commands = [l[2:] for l in block.splitlines() if l.startswith("$ ")]
    expected = [plain(l) for l in block.splitlines() if l and not l.startswith("$ ")]
    assert commands, f"{guide}: no command in the block"
    printed = []
    env = dict(os.environ, SOURCE_DATE_EPOCH="1795392000")
    for command in commands:
        args = shlex.split(command)
        assert args[0] == "habitat", command
        run = subprocess.run([HABITAT] + args[1:], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
        printed += [plain(l) for l in (run.stdout + run.stderr).splitlines()]
    for line in expected:
        assert any(matches(line, p) for p in printed), f"{guide}: the tool no longer prints\n{line}\nit prints:\n" + "\n".join(printed)
    for p in printed:
        if " erreur : " in p:
            assert any(matches(line, p) for line in expected), f"{guide}: the tool prints an error the guide does not quote:\n{p}"
