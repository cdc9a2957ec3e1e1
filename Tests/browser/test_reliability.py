"""Reliability of the output: killed builds, determinism across runs, core counts and file order."""
import hashlib
import os
import pathlib
import random
import shutil
import signal
import subprocess
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
HABITAT = os.environ.get("HABITAT_BIN", str(ROOT / ".build" / "release" / "habitat"))


def tree_digest(path, skip_search=False):
    """Hash of every file. Pagefind's own index is not byte-stable across runs (its filter and
    metadata files come out of hash maps: upstream issue Pagefind/pagefind#638), so the
    determinism test leaves `pagefind/` out. It also leaves out the build manifest
    (`.habitat-manifeste.json`): not a page of the site but the next build's bookkeeping, whose
    first line is a snapshot of the source files' status on this disk (inodes, times: what lets a
    build with nothing changed stop at once), by definition different for every copy of the
    sources. Every page and data file Habitat writes is compared."""
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file() and p.name != ".habitat-manifeste.json"
                    and not (skip_search and "pagefind" in p.relative_to(path).parts)):
        h.update(str(f.relative_to(path)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def build(cwd, *args, env=None):
    return subprocess.run([HABITAT, "build", "--clock", "2026-11-23", "--quiet", *args], cwd=cwd,
                          capture_output=True, text=True, env=env, timeout=600)


@pytest.fixture
def work(tmp_path):
    shutil.copytree(ROOT / "Content", tmp_path / "Content")
    shutil.copytree(ROOT / "Themes", tmp_path / "Themes")
    return tmp_path


def test_a_build_killed_at_any_moment_leaves_the_last_good_site(work):
    assert build(work).returncode == 0
    good = tree_digest(work / "Site")
    fiche = work / "Content" / "plans" / "cabbalr-plh-2019-2025" / "actions" / "5.md"
    rng = random.Random(20261123)
    start = time.time(); build(work, "--output", "Mesure"); duration = time.time() - start
    shutil.rmtree(work / "Mesure")
    outcomes = {"ancien": 0, "nouveau": 0}
    for i in range(20):
        fiche.write_text(fiche.read_text(encoding="utf-8") + f"\nRévision {i}.\n", encoding="utf-8")
        proc = subprocess.Popen([HABITAT, "build", "--clock", "2026-11-23", "--quiet", "--no-search"], cwd=work,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, duration))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = tree_digest(work / "Site")
        if now == good:
            outcomes["ancien"] += 1
        else:
            # The kill came after the swap: the site must then be exactly a complete new build.
            reference = build(work, "--output", "Reference", "--no-search")
            assert reference.returncode == 0
            assert (work / "Site" / "index.html").exists()
            for rel in ["plans/cabbalr-plh-2019-2025/actions/5/index.html", "index.html", "communes/bethune-62119/index.html"]:
                assert (work / "Site" / rel).read_bytes() == (work / "Reference" / rel).read_bytes()
            shutil.rmtree(work / "Reference")
            good = now
            outcomes["nouveau"] += 1
    print(f"20 builds killed with SIGKILL at random moments: {outcomes}")
    leftovers = [p.name for p in work.iterdir() if "nouveau" in p.name or "ancien" in p.name]
    assert build(work, "--no-search").returncode == 0
    assert [p.name for p in work.iterdir() if "nouveau-" in p.name] == [], leftovers


def test_same_output_across_runs_core_counts_and_file_order(work, tmp_path):
    assert build(work, "--output", "A", "--jobs", "1").returncode == 0
    assert build(work, "--output", "B", "--jobs", "2").returncode == 0
    # The same files created in reverse order (a different directory order on disk).
    other = tmp_path / "autre"
    other.mkdir()
    files = sorted(p for p in (work / "Content").rglob("*") if p.is_file())
    for f in reversed(files):
        target = other / "Content" / f.relative_to(work / "Content")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, target)
    shutil.copytree(work / "Themes", other / "Themes")
    assert build(other, "--output", "C", "--jobs", "3").returncode == 0
    a, b, c = (tree_digest(d, skip_search=True) for d in (work / "A", work / "B", other / "C"))
    assert a == b == c


def test_every_page_forbids_inline_script(site_dir):
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "http-equiv=\"refresh\"" in html:
            continue
        assert "Content-Security-Policy" in html, page
        csp = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
        tokens = csp.replace(";", " ").split()
        # 'wasm-unsafe-eval' (search page only) lets Pagefind compile WebAssembly; it allows no JS eval.
        assert "'unsafe-inline'" not in tokens and "'unsafe-eval'" not in tokens, page
        assert "script-src" in tokens, page
        if "'wasm-unsafe-eval'" in tokens:
            assert page.relative_to(site_dir).as_posix() == "recherche/index.html", page
        assert "<script>" not in html and " on" + "click=" not in html, page


def test_scripts_never_write_html():
    for js in (ROOT / "Themes" / "default" / "assets").glob("*.js"):
        text = js.read_text(encoding="utf-8")
        assert "innerHTML" not in text and "outerHTML" not in text and "insertAdjacentHTML" not in text and "eval(" not in text, js
